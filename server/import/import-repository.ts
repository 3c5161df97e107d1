/**
 * Data access for imports. Lookups return null for "absent". The writer
 * prepares its statements once and is used inside the import's single
 * transaction: an import of 100,000 respondents is several hundred thousand
 * inserts, too many for one drizzle object per row.
 */
import type { Statement } from 'better-sqlite3';
import { DEFAULT_PLACEHOLDERS } from '../../shared/text';
import type { PastImport } from '../../shared/api/import';
import type { Db } from '../db/open-database';

export interface ProjectRow {
  id: number;
  name: string;
  placeholders: string[];
}

export function findProject(db: Db, projectId: number): ProjectRow | null {
  const row = db.$client
    .prepare('SELECT id, name, settings FROM projects WHERE id = ?')
    .get(projectId) as
    { id: number; name: string; settings: string | null } | undefined;
  if (!row) return null;
  return { id: row.id, name: row.name, placeholders: placeholdersOf(row) };
}

function placeholdersOf(row: { settings: string | null }): string[] {
  try {
    const settings = JSON.parse(row.settings ?? '{}') as {
      placeholders?: unknown;
    };
    const list = settings.placeholders;
    if (Array.isArray(list) && list.every((p) => typeof p === 'string'))
      return list;
  } catch {
    // A settings value that is not JSON falls back to the defaults.
  }
  return [...DEFAULT_PLACEHOLDERS];
}

export interface ImportRow {
  id: number;
  fileName: string;
  createdAt: string;
}

export function findImportByHash(
  db: Db,
  projectId: number,
  contentHash: string,
): ImportRow | null {
  const row = db.$client
    .prepare(
      `SELECT id, file_name AS fileName, created_at AS createdAt
       FROM imports WHERE project_id = ? AND content_hash = ?`,
    )
    .get(projectId, contentHash) as ImportRow | undefined;
  return row ?? null;
}

export function listImports(db: Db, projectId: number): PastImport[] {
  return db.$client
    .prepare(
      `SELECT i.id, i.file_name AS fileName, i.created_at AS createdAt,
         (SELECT count(*) FROM respondents r WHERE r.import_id = i.id)
           AS respondents,
         (SELECT count(*) FROM comments c JOIN respondents r
            ON r.id = c.respondent_id WHERE r.import_id = i.id) AS comments
       FROM imports i WHERE i.project_id = ? ORDER BY i.id`,
    )
    .all(projectId) as PastImport[];
}

/** Finds a project by id or exact name; null when there is none. */
export function findProjectByIdOrName(
  db: Db,
  idOrName: string,
): ProjectRow | null {
  if (/^\d+$/.test(idOrName)) {
    const byId = findProject(db, Number(idOrName));
    if (byId) return byId;
  }
  const row = db.$client
    .prepare('SELECT id FROM projects WHERE name = ? ORDER BY id LIMIT 1')
    .get(idOrName) as { id: number } | undefined;
  return row ? findProject(db, row.id) : null;
}

export function createProject(db: Db, name: string): ProjectRow {
  const id = db.$client
    .prepare('INSERT INTO projects (name) VALUES (?) RETURNING id')
    .pluck()
    .get(name) as number;
  return { id, name, placeholders: [...DEFAULT_PLACEHOLDERS] };
}

export function listProjects(
  db: Db,
): Array<{ id: number; name: string; respondents: number; comments: number }> {
  return db.$client
    .prepare(
      `SELECT p.id, p.name,
         (SELECT count(*) FROM respondents r WHERE r.project_id = p.id)
           AS respondents,
         (SELECT count(*) FROM comments c WHERE c.project_id = p.id)
           AS comments
       FROM projects p ORDER BY p.id`,
    )
    .all() as Array<{
    id: number;
    name: string;
    respondents: number;
    comments: number;
  }>;
}

export function countProjects(db: Db): number {
  return db.$client
    .prepare('SELECT count(*) FROM projects')
    .pluck()
    .get() as number;
}

/** Prepared statements for one import, bound to one project. */
export class ImportWriter {
  private readonly s: Record<string, Statement>;

  constructor(
    db: Db,
    private readonly projectId: number,
  ) {
    const p = (sql: string) => db.$client.prepare(sql);
    // Statements that return the new row's id give just that value.
    const id = (sql: string) => db.$client.prepare(sql).pluck();
    this.s = {
      insertImport: id(
        `INSERT INTO imports (project_id, file_name, content_hash)
         VALUES (?, ?, ?) RETURNING id`,
      ),
      finishImport: p('UPDATE imports SET summary = ? WHERE id = ?'),
      findGroup: id(
        'SELECT id FROM respondent_groups WHERE project_id = ? AND name = ?',
      ),
      insertGroup: id(
        `INSERT INTO respondent_groups (project_id, name, position)
         VALUES (?, ?, (SELECT count(*) FROM respondent_groups
                        WHERE project_id = ?)) RETURNING id`,
      ),
      findQuestion: p(
        'SELECT id, label FROM questions WHERE project_id = ? AND key = ?',
      ),
      insertQuestion: id(
        `INSERT INTO questions (project_id, key, label, kind, position)
         VALUES (?, ?, ?, ?, (SELECT count(*) FROM questions
                              WHERE project_id = ?)) RETURNING id`,
      ),
      // The hot inserts: run() and lastInsertRowid beat RETURNING here.
      insertRespondent: p(
        `INSERT INTO respondents
           (project_id, import_id, external_id, group_id, attributes)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      insertComment: p(
        `INSERT INTO comments
           (project_id, respondent_id, question_id, text, norm_text,
            substantive)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertClosed: p(
        `INSERT OR IGNORE INTO closed_answers
           (respondent_id, question_id, value) VALUES (?, ?, ?)`,
      ),
      findRespondents: p(
        `SELECT external_id AS externalId, group_id AS groupId, id
         FROM respondents WHERE project_id = ?`,
      ),
      updateAttributes: p('UPDATE respondents SET attributes = ? WHERE id = ?'),
      findComments: p(
        `SELECT id, question_id AS questionId, norm_text AS norm
         FROM comments WHERE respondent_id = ?`,
      ),
      findCoding: id(
        'SELECT id FROM codings WHERE comment_id = ? AND coder_id = ?',
      ),
      insertCoding: id(
        'INSERT INTO codings (comment_id, coder_id) VALUES (?, ?) RETURNING id',
      ),
      insertCodingTheme: p(
        'INSERT INTO coding_themes (coding_id, theme_id) VALUES (?, ?)',
      ),
      insertHistory: p(
        `INSERT INTO coding_history
           (comment_id, coder_id, actor_id, reason, before, after)
         VALUES (?, ?, ?, 'import', NULL, ?)`,
      ),
    };
  }

  private stmt(name: string): Statement {
    const s = this.s[name];
    if (!s) throw new Error(`no statement ${name}`);
    return s;
  }

  insertImport(fileName: string, contentHash: string): number {
    return this.stmt('insertImport').get(
      this.projectId,
      fileName,
      contentHash,
    ) as number;
  }

  finishImport(importId: number, summary: unknown): void {
    this.stmt('finishImport').run(JSON.stringify(summary), importId);
  }

  /** The group with this name, created at the end of the list if new. */
  ensureGroup(name: string): number {
    const found = this.stmt('findGroup').get(this.projectId, name) as
      number | undefined;
    if (found !== undefined) return found;
    return this.stmt('insertGroup').get(
      this.projectId,
      name,
      this.projectId,
    ) as number;
  }

  /** The question with this key, created if new; its label is kept. */
  ensureQuestion(
    key: string,
    label: string,
    kind: 'open' | 'closed',
  ): { id: number; label: string } {
    const found = this.stmt('findQuestion').get(this.projectId, key) as
      { id: number; label: string } | undefined;
    if (found) return found;
    const id = this.stmt('insertQuestion').get(
      this.projectId,
      key,
      label,
      kind,
      this.projectId,
    ) as number;
    return { id, label };
  }

  insertRespondent(
    importId: number,
    externalId: string,
    groupId: number | null,
    attributes: string,
  ): number {
    const { lastInsertRowid } = this.stmt('insertRespondent').run(
      this.projectId,
      importId,
      externalId,
      groupId,
      attributes,
    );
    return Number(lastInsertRowid);
  }

  insertComment(
    respondentId: number,
    questionId: number,
    text: string,
    normText: string,
    substantive: boolean,
  ): number {
    const { lastInsertRowid } = this.stmt('insertComment').run(
      this.projectId,
      respondentId,
      questionId,
      text,
      normText,
      substantive ? 1 : 0,
    );
    return Number(lastInsertRowid);
  }

  /** Adds a closed answer; false when the respondent already had one. */
  insertClosed(
    respondentId: number,
    questionId: number,
    value: string,
  ): boolean {
    return (
      this.stmt('insertClosed').run(respondentId, questionId, value).changes > 0
    );
  }

  /**
   * The project's respondents by `key(groupId, externalId)`: a respondent
   * is their survey id within their group.
   */
  respondentsByGroupAndId(
    key: (groupId: number | null, externalId: string) => string,
  ): Map<string, number> {
    const rows = this.stmt('findRespondents').all(this.projectId) as Array<{
      externalId: string;
      groupId: number | null;
      id: number;
    }>;
    return new Map(rows.map((r) => [key(r.groupId, r.externalId), r.id]));
  }

  /** Replaces a respondent's attributes (a JSON object). */
  updateAttributes(respondentId: number, attributes: string): void {
    this.stmt('updateAttributes').run(attributes, respondentId);
  }

  /** A respondent's comments with their matching text. */
  commentsOf(
    respondentId: number,
  ): Array<{ id: number; questionId: number; norm: string }> {
    return this.stmt('findComments').all(respondentId) as Array<{
      id: number;
      questionId: number;
      norm: string;
    }>;
  }

  hasCoding(commentId: number, coderId: number): boolean {
    return this.stmt('findCoding').get(commentId, coderId) !== undefined;
  }

  /** One coder's coding of a comment, its themes and its history entry. */
  insertCoding(commentId: number, coderId: number, themeIds: number[]): void {
    const codingId = this.stmt('insertCoding').get(
      commentId,
      coderId,
    ) as number;
    const theme = this.stmt('insertCodingTheme');
    for (const themeId of themeIds) theme.run(codingId, themeId);
    this.stmt('insertHistory').run(
      commentId,
      coderId,
      coderId,
      JSON.stringify(themeIds),
    );
  }
}
