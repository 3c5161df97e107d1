/**
 * Read-backs the API tests assert on: what a route wrote, straight from the
 * test database.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/open-database';
import {
  codingThemes,
  finalCodingThemes,
  themes,
} from '../../server/db/schema';

const sortedIds = (rows: Array<{ id: number }>) =>
  rows.map((r) => r.id).sort((a, b) => a - b);

/** Theme ids of a coding, sorted. */
export function codingThemeIds(db: Db, codingId: number): number[] {
  return sortedIds(
    db
      .select({ id: codingThemes.themeId })
      .from(codingThemes)
      .where(eq(codingThemes.codingId, codingId))
      .all(),
  );
}

/** Theme ids of a comment's final coding (a lead's decision), sorted. */
export function finalThemeIds(db: Db, commentId: number): number[] {
  return sortedIds(
    db
      .select({ id: finalCodingThemes.themeId })
      .from(finalCodingThemes)
      .where(eq(finalCodingThemes.commentId, commentId))
      .all(),
  );
}

export function themeExists(db: Db, themeId: number): boolean {
  return (
    db.select().from(themes).where(eq(themes.id, themeId)).get() !== undefined
  );
}

/** One number from a SQL query, e.g. a count. */
export function scalar(db: Db, sql: string, ...params: unknown[]): number {
  return db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

const IMPORT_TABLES = [
  'projects',
  'imports',
  'respondents',
  'respondent_groups',
  'questions',
  'comments',
  'closed_answers',
  'codings',
  'coding_themes',
  'coding_history',
  'themes',
  'coders',
];

/** Row counts of every table an import writes to. */
export function tableCounts(db: Db): Record<string, number> {
  return Object.fromEntries(
    IMPORT_TABLES.map((t) => [t, scalar(db, `SELECT count(*) FROM ${t}`)]),
  );
}

/** Ids of a project's comments, in id order. */
export function commentIdsOf(db: Db, projectId: number): number[] {
  return db.$client
    .prepare('SELECT id FROM comments WHERE project_id = ? ORDER BY id')
    .pluck()
    .all(projectId) as number[];
}
