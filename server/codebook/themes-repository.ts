import { and, asc, count, eq } from 'drizzle-orm';
import type { Theme, ThemeUsage } from '../../shared/api/codebook';
import { nameKey } from '../../shared/text';
import { themeColour } from '../../shared/palette';
import { initialKeywords } from '../../shared/keywords';
import type { Db } from '../db/open-database';
import { themeHistory, themes } from '../db/schema';
import { errors } from '../errors';

export type ThemeRow = typeof themes.$inferSelect;

export interface NewTheme {
  name: string;
  definition?: string;
  /** Omitted: start from the name and definition. */
  keywords?: string[];
  colour?: string;
  parentId?: number | null;
  groupIds?: number[] | null;
}

/** The theme of this project with this name (case/space-insensitive). */
export function findThemeByName(
  db: Db,
  projectId: number,
  name: string,
): ThemeRow | null {
  return (
    db
      .select()
      .from(themes)
      .where(
        and(eq(themes.projectId, projectId), eq(themes.nameKey, nameKey(name))),
      )
      .get() ?? null
  );
}

/**
 * Inserts a theme at the end of the codebook. The caller checks the name is
 * free (see findThemeByName) and runs this inside its transaction.
 */
export function insertTheme(
  db: Db,
  projectId: number,
  theme: NewTheme,
): ThemeRow {
  const position =
    db
      .select({ n: count() })
      .from(themes)
      .where(eq(themes.projectId, projectId))
      .get()?.n ?? 0;
  const definition = theme.definition ?? '';
  return db
    .insert(themes)
    .values({
      projectId,
      name: theme.name.trim(),
      nameKey: nameKey(theme.name),
      definition,
      keywords: theme.keywords ?? initialKeywords(theme.name, definition),
      colour: theme.colour ?? themeColour(position),
      parentId: theme.parentId ?? null,
      groupIds: theme.groupIds ?? null,
      position,
    })
    .returning()
    .get();
}

export function findTheme(db: Db, id: number): ThemeRow | null {
  return db.select().from(themes).where(eq(themes.id, id)).get() ?? null;
}

/** The theme, or a 404 `not_found` error naming it. */
export function getThemeOr404(db: Db, id: number): ThemeRow {
  const theme = findTheme(db, id);
  if (!theme) throw errors.notFound('theme', id);
  return theme;
}

export function projectThemes(
  db: Db,
  projectId: number,
  options: { includeArchived?: boolean } = {},
): ThemeRow[] {
  const rows = db
    .select()
    .from(themes)
    .where(eq(themes.projectId, projectId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
  return options.includeArchived ? rows : rows.filter((t) => !t.archived);
}

const NO_USAGE: ThemeUsage = { codings: 0, comments: 0, finalCodings: 0 };

/** Usage of every theme of a project that is used at all. */
export function usageByTheme(
  db: Db,
  projectId: number,
): Map<number, ThemeUsage> {
  const rows = db.$client
    .prepare(
      `WITH uses AS (
        SELECT ct.theme_id, k.comment_id, 1 AS coding, 0 AS final
        FROM coding_themes ct
        JOIN codings k ON k.id = ct.coding_id
        JOIN themes t ON t.id = ct.theme_id
        WHERE t.project_id = @projectId
        UNION ALL
        SELECT f.theme_id, f.comment_id, 0, 1
        FROM final_coding_themes f
        JOIN themes t ON t.id = f.theme_id
        WHERE t.project_id = @projectId
      )
      SELECT theme_id AS themeId, sum(coding) AS codings,
        count(DISTINCT comment_id) AS comments, sum(final) AS finalCodings
      FROM uses GROUP BY theme_id`,
    )
    .all({ projectId }) as Array<ThemeUsage & { themeId: number }>;
  return new Map(
    rows.map(({ themeId, ...usage }) => [themeId, usage] as const),
  );
}

/** How many codings, comments and final codings carry this theme. */
export function themeUsage(db: Db, theme: ThemeRow): ThemeUsage {
  return db.$client
    .prepare(
      `SELECT
        (SELECT count(*) FROM coding_themes WHERE theme_id = @id) AS codings,
        (SELECT count(*) FROM (
          SELECT k.comment_id FROM coding_themes ct
          JOIN codings k ON k.id = ct.coding_id WHERE ct.theme_id = @id
          UNION
          SELECT comment_id FROM final_coding_themes WHERE theme_id = @id
        )) AS comments,
        (SELECT count(*) FROM final_coding_themes WHERE theme_id = @id)
          AS finalCodings`,
    )
    .get({ id: theme.id }) as ThemeUsage;
}

export function toTheme(row: ThemeRow, usage: ThemeUsage = NO_USAGE): Theme {
  return {
    id: row.id,
    name: row.name,
    definition: row.definition,
    keywords: row.keywords,
    colour: row.colour,
    parentId: row.parentId,
    groupIds: row.groupIds,
    archived: row.archived,
    position: row.position,
    usage,
  };
}

/** The codebook as the API shows it, in codebook order, with usage. */
export function listThemes(
  db: Db,
  projectId: number,
  options: { includeArchived?: boolean } = {},
): Theme[] {
  const usage = usageByTheme(db, projectId);
  return projectThemes(db, projectId, options).map((row) =>
    toTheme(row, usage.get(row.id)),
  );
}

export type ThemeChange = Partial<
  Pick<
    ThemeRow,
    | 'name'
    | 'definition'
    | 'keywords'
    | 'colour'
    | 'parentId'
    | 'groupIds'
    | 'archived'
    | 'position'
  >
>;

export function updateThemeRow(
  db: Db,
  id: number,
  change: ThemeChange,
): ThemeRow {
  const set =
    change.name === undefined
      ? change
      : { ...change, name: change.name.trim(), nameKey: nameKey(change.name) };
  return db.update(themes).set(set).where(eq(themes.id, id)).returning().get();
}

export function deleteThemeRow(db: Db, theme: ThemeRow): void {
  db.update(themes)
    .set({ parentId: null })
    .where(
      and(eq(themes.projectId, theme.projectId), eq(themes.parentId, theme.id)),
    )
    .run();
  db.delete(themes).where(eq(themes.id, theme.id)).run();
}

export interface ThemeHistoryEntry {
  projectId: number;
  themeId: number;
  actorId: number;
  action: string;
  detail: Record<string, unknown>;
}

export function recordThemeHistory(db: Db, entry: ThemeHistoryEntry): void {
  db.insert(themeHistory).values(entry).run();
}

export function themeHistoryOf(db: Db, themeId: number) {
  return db
    .select()
    .from(themeHistory)
    .where(eq(themeHistory.themeId, themeId))
    .orderBy(asc(themeHistory.id))
    .all();
}
