import { eq } from 'drizzle-orm';
import {
  DEFAULT_PLACEHOLDERS,
  isPlaceholder,
  nameKey,
} from '../../shared/text';
import type {
  ProjectDetail,
  ProjectSettings,
  ProjectSummary,
} from '../../shared/api/projects';
import { inTransaction, type Db } from '../db/open-database';
import { coders, projects } from '../db/schema';
import { errors } from '../errors';

export type ProjectRow = typeof projects.$inferSelect;

/** Distinct values listed per attribute; more would swamp a filter menu. */
const MAX_ATTRIBUTE_VALUES = 200;

export function findProject(db: Db, id: number): ProjectRow | null {
  return db.select().from(projects).where(eq(projects.id, id)).get() ?? null;
}

/** The project, or a 404 `not_found` error naming it. */
export function getProjectOr404(db: Db, id: number): ProjectRow {
  const project = findProject(db, id);
  if (!project) throw errors.notFound('project', id);
  return project;
}

/** The settings JSON read defensively: older rows may lack fields. */
export function projectSettings(project: ProjectRow): ProjectSettings {
  const raw: unknown = project.settings;
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const placeholders =
    parsed !== null &&
    typeof parsed === 'object' &&
    'placeholders' in parsed &&
    Array.isArray(parsed.placeholders)
      ? parsed.placeholders.filter((p): p is string => typeof p === 'string')
      : [...DEFAULT_PLACEHOLDERS];
  return { placeholders };
}

export function listProjects(db: Db): ProjectSummary[] {
  return db.$client
    .prepare(
      `SELECT p.id, p.name, p.created_at AS createdAt,
        (SELECT count(*) FROM respondents r WHERE r.project_id = p.id)
          AS respondents,
        (SELECT count(*) FROM comments c WHERE c.project_id = p.id)
          AS comments,
        (SELECT count(*) FROM comments c WHERE c.project_id = p.id AND (
          EXISTS (SELECT 1 FROM codings k WHERE k.comment_id = c.id) OR
          EXISTS (SELECT 1 FROM final_codings f WHERE f.comment_id = c.id)
        )) AS codedComments
      FROM projects p ORDER BY p.id`,
    )
    .all() as ProjectSummary[];
}

/** The project with this name (case- and space-insensitive), or null. */
export function findProjectByName(db: Db, name: string): ProjectRow | null {
  const key = nameKey(name);
  return (
    db
      .select()
      .from(projects)
      .all()
      .find((project) => nameKey(project.name) === key) ?? null
  );
}

export function insertProject(db: Db, name: string): ProjectRow {
  return db.insert(projects).values({ name: name.trim() }).returning().get();
}

/** A project just created: nothing imported or coded yet. */
export function newProjectSummary(project: ProjectRow): ProjectSummary {
  return {
    id: project.id,
    name: project.name,
    createdAt: project.createdAt,
    respondents: 0,
    comments: 0,
    codedComments: 0,
  };
}

function groupsWithCounts(db: Db, projectId: number) {
  return db.$client
    .prepare(
      `SELECT g.id, g.name,
        (SELECT count(*) FROM respondents r WHERE r.group_id = g.id)
          AS respondents
      FROM respondent_groups g WHERE g.project_id = ?
      ORDER BY g.position, g.id`,
    )
    .all(projectId) as ProjectDetail['groups'];
}

function questionsWithCounts(db: Db, projectId: number) {
  return db.$client
    .prepare(
      `SELECT q.id, q.key, q.label, q.kind,
        (SELECT count(*) FROM comments c WHERE c.question_id = q.id)
          AS comments
      FROM questions q WHERE q.project_id = ?
      ORDER BY q.position, q.id`,
    )
    .all(projectId) as ProjectDetail['questions'];
}

/** Attribute names with their distinct non-empty values, from the JSON. */
function attributeValues(db: Db, projectId: number) {
  const rows = db.$client
    .prepare(
      `SELECT name, value FROM (
        SELECT name, value,
          row_number() OVER (PARTITION BY name ORDER BY value) AS n
        FROM (
          SELECT DISTINCT j.key AS name, CAST(j.value AS TEXT) AS value
          FROM respondents r, json_each(r.attributes) j
          WHERE r.project_id = ? AND j.value IS NOT NULL
            AND CAST(j.value AS TEXT) <> ''
        )
      ) WHERE n <= ? ORDER BY name, value`,
    )
    .all(projectId, MAX_ATTRIBUTE_VALUES) as {
    name: string;
    value: string;
  }[];
  const byName = new Map<string, string[]>();
  for (const { name, value } of rows) {
    const values = byName.get(name) ?? [];
    values.push(value);
    byName.set(name, values);
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

/** Coders who coded in this project, and always the local coder. */
function codersWithCounts(db: Db, projectId: number, localCoderId: number) {
  const rows = db.$client
    .prepare(
      `SELECT k.id, k.name, k.kind,
        (SELECT count(*) FROM codings g
          JOIN comments c ON c.id = g.comment_id
          WHERE g.coder_id = k.id AND c.project_id = ?) AS codings
      FROM coders k ORDER BY k.id`,
    )
    .all(projectId) as ProjectDetail['coders'];
  return rows.filter((c) => c.codings > 0 || c.id === localCoderId);
}

export function projectDetail(
  db: Db,
  project: ProjectRow,
  localCoderId: number,
): ProjectDetail {
  return {
    id: project.id,
    name: project.name,
    createdAt: project.createdAt,
    settings: projectSettings(project),
    groups: groupsWithCounts(db, project.id),
    questions: questionsWithCounts(db, project.id),
    attributes: attributeValues(db, project.id),
    coders: codersWithCounts(db, project.id, localCoderId),
  };
}

/**
 * Renames the project and/or replaces its placeholder list; a new list
 * re-flags every comment's `substantive` in the same transaction.
 */
export function updateProject(
  db: Db,
  project: ProjectRow,
  change: { name?: string; placeholders?: string[] },
): void {
  inTransaction(db, () => {
    const settings = { ...projectSettings(project) };
    if (change.placeholders) settings.placeholders = change.placeholders;
    db.update(projects)
      .set({ name: change.name?.trim() ?? project.name, settings })
      .where(eq(projects.id, project.id))
      .run();
    if (change.placeholders) {
      reflagSubstantive(db, project.id, change.placeholders);
    }
  });
}

/** Sets `substantive` from the placeholder list, writing only changes. */
function reflagSubstantive(
  db: Db,
  projectId: number,
  placeholders: readonly string[],
): number {
  const read = db.$client.prepare(
    'SELECT id, text, substantive FROM comments WHERE project_id = ?',
  );
  // Collect first: better-sqlite3 cannot write while a read is iterating.
  const changes: Array<{ id: number; substantive: number }> = [];
  for (const row of read.iterate(projectId) as Iterable<{
    id: number;
    text: string;
    substantive: number;
  }>) {
    const substantive = isPlaceholder(row.text, placeholders) ? 0 : 1;
    if (substantive !== row.substantive) {
      changes.push({ id: row.id, substantive });
    }
  }
  const write = db.$client.prepare(
    'UPDATE comments SET substantive = @substantive WHERE id = @id',
  );
  for (const change of changes) write.run(change);
  return changes.length;
}

export function findCoder(db: Db, id: number) {
  return (
    db
      .select({ id: coders.id, name: coders.name })
      .from(coders)
      .where(eq(coders.id, id))
      .get() ?? null
  );
}
