import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  Coding,
  HistoryEntry,
  OtherCoding,
} from '../../shared/api/coding';
import { errors } from '../errors';
import { inTransaction, type Db } from '../db/open-database';
import {
  coders,
  codingHistory,
  codingThemes,
  codings,
  themes,
} from '../db/schema';

interface CodingRow {
  id: number;
  coderId: number;
  coderName: string;
  version: number;
  updatedAt: string;
}

function codingRows(db: Db, commentId: number): CodingRow[] {
  return db
    .select({
      id: codings.id,
      coderId: codings.coderId,
      coderName: coders.name,
      version: codings.version,
      updatedAt: codings.updatedAt,
    })
    .from(codings)
    .innerJoin(coders, eq(coders.id, codings.coderId))
    .where(eq(codings.commentId, commentId))
    .orderBy(asc(coders.name))
    .all();
}

/** Theme ids per coding id, in codebook order. */
function themeIdsByCoding(
  db: Db,
  codingIds: readonly number[],
): Map<number, number[]> {
  const byCoding = new Map<number, number[]>(codingIds.map((id) => [id, []]));
  if (codingIds.length === 0) return byCoding;
  const rows = db
    .select({ codingId: codingThemes.codingId, themeId: codingThemes.themeId })
    .from(codingThemes)
    .innerJoin(themes, eq(themes.id, codingThemes.themeId))
    .where(inArray(codingThemes.codingId, [...codingIds]))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
  for (const row of rows) byCoding.get(row.codingId)?.push(row.themeId);
  return byCoding;
}

export interface CommentCodings {
  /** The given coder's coding; null when they have not coded it. */
  mine: Coding | null;
  others: OtherCoding[];
}

/** Every coding of a comment, split into the coder's own and the rest. */
export function findCommentCodings(
  db: Db,
  commentId: number,
  coderId: number,
): CommentCodings {
  const rows = codingRows(db, commentId);
  const themeIds = themeIdsByCoding(
    db,
    rows.map((r) => r.id),
  );
  let mine: Coding | null = null;
  const others: OtherCoding[] = [];
  for (const row of rows) {
    const ids = themeIds.get(row.id) ?? [];
    if (row.coderId === coderId) {
      mine = {
        themeIds: ids,
        version: row.version,
        coderId: row.coderId,
        updatedAt: row.updatedAt,
      };
    } else {
      others.push({ coder: row.coderName, themeIds: ids });
    }
  }
  return { mine, others };
}

export interface SaveCoding {
  commentId: number;
  projectId: number;
  coderId: number;
  /** Who saves it (the coder themself until leads exist). */
  actorId: number;
  themeIds: readonly number[];
  /** The version the client saw: 0 when there was no coding. */
  version: number;
}

/**
 * Checks the themes: each must be the project's, and not archived unless
 * it is already on the coding (so an old coding can still be re-saved).
 */
function checkThemes(
  db: Db,
  projectId: number,
  themeIds: readonly number[],
  current: readonly number[],
): void {
  if (themeIds.length === 0) return;
  const found = db
    .select({
      id: themes.id,
      projectId: themes.projectId,
      name: themes.name,
      archived: themes.archived,
    })
    .from(themes)
    .where(inArray(themes.id, [...themeIds]))
    .all();
  const byId = new Map(found.map((t) => [t.id, t]));
  for (const id of themeIds) {
    const theme = byId.get(id);
    if (!theme || theme.projectId !== projectId) {
      throw errors.validation(
        `Theme ${id} is not in this project's codebook.`,
        { themeId: id },
      );
    }
    if (theme.archived && !current.includes(id)) {
      throw errors.themeArchived(theme.name);
    }
  }
}

/** Inserts the coding or bumps its version, clearing its old themes. */
function writeCoding(
  db: Db,
  save: SaveCoding,
  existing: Coding | null,
): number {
  const now = new Date().toISOString();
  if (!existing) {
    return db
      .insert(codings)
      .values({
        commentId: save.commentId,
        coderId: save.coderId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: codings.id })
      .get().id;
  }
  const updated = db
    .update(codings)
    .set({ version: existing.version + 1, updatedAt: now })
    .where(
      and(
        eq(codings.commentId, save.commentId),
        eq(codings.coderId, save.coderId),
      ),
    )
    .returning({ id: codings.id })
    .get();
  if (!updated) throw new Error('coding vanished inside its transaction');
  db.delete(codingThemes).where(eq(codingThemes.codingId, updated.id)).run();
  return updated.id;
}

/**
 * Creates or replaces the coder's coding of a comment, in one transaction
 * with its history row. Fails with stale_coding (showing the current
 * coding) when the version the client saw is not the current one, so a
 * change is never silently overwritten.
 */
export function saveCoding(db: Db, save: SaveCoding): Coding {
  const themeIds = [...new Set(save.themeIds)];
  return inTransaction(db, () => {
    const existing = findCommentCodings(db, save.commentId, save.coderId).mine;
    checkThemes(db, save.projectId, themeIds, existing?.themeIds ?? []);
    if ((existing?.version ?? 0) !== save.version) {
      throw errors.staleCoding(existing);
    }

    const codingId = writeCoding(db, save, existing);
    if (themeIds.length > 0) {
      db.insert(codingThemes)
        .values(themeIds.map((themeId) => ({ codingId, themeId })))
        .run();
    }
    const saved = findCommentCodings(db, save.commentId, save.coderId).mine;
    if (!saved) throw new Error('coding not found after saving it');

    db.insert(codingHistory)
      .values({
        commentId: save.commentId,
        coderId: save.coderId,
        actorId: save.actorId,
        reason: 'save',
        before: existing ? existing.themeIds : null,
        after: saved.themeIds,
      })
      .run();
    return saved;
  });
}

export interface DeleteCoding {
  commentId: number;
  coderId: number;
  actorId: number;
  /** The version the client saw. */
  version: number;
}

/**
 * Removes the coder's coding of a comment, so it is uncoded again (for
 * them), in one transaction with a history row whose `after` is null.
 * Fails with no-coding when there is none, stale_coding when the version
 * the client saw is not the current one.
 */
export function deleteCoding(db: Db, target: DeleteCoding): void {
  inTransaction(db, () => {
    const existing = findCommentCodings(
      db,
      target.commentId,
      target.coderId,
    ).mine;
    if (!existing) throw errors.noCodingToDelete(target.commentId);
    if (existing.version !== target.version) {
      throw errors.staleCoding(existing);
    }
    // coding_themes rows go with it (ON DELETE CASCADE).
    db.delete(codings)
      .where(
        and(
          eq(codings.commentId, target.commentId),
          eq(codings.coderId, target.coderId),
        ),
      )
      .run();
    db.insert(codingHistory)
      .values({
        commentId: target.commentId,
        coderId: target.coderId,
        actorId: target.actorId,
        reason: 'delete',
        before: existing.themeIds,
        after: null,
      })
      .run();
  });
}

/** Every change of the comment's codings, oldest first, themes by name. */
export function findCodingHistory(db: Db, commentId: number): HistoryEntry[] {
  const rows = db.$client
    .prepare(
      `SELECT h.created_at AS at, c.name AS coder, a.name AS actor, h.reason,
              h.before, h.after
       FROM coding_history h
       LEFT JOIN coders c ON c.id = h.coder_id
       JOIN coders a ON a.id = h.actor_id
       WHERE h.comment_id = ?
       ORDER BY h.created_at, h.id`,
    )
    .all(commentId) as Array<{
    at: string;
    coder: string | null;
    actor: string;
    reason: string;
    before: string | null;
    after: string | null;
  }>;

  const parsed = rows.map((row) => ({
    ...row,
    before: parseIds(row.before),
    after: parseIds(row.after),
  }));
  const names = themeNames(
    db,
    parsed.flatMap((r) => [...(r.before ?? []), ...(r.after ?? [])]),
  );
  const nameOf = (id: number) => names.get(id) ?? `(deleted theme ${id})`;
  return parsed.map((row) => ({
    at: row.at,
    coder: row.coder,
    actor: row.actor,
    reason: row.reason,
    before: row.before?.map(nameOf) ?? null,
    after: row.after?.map(nameOf) ?? null,
  }));
}

/** Theme ids from a history column; null when there was no coding. */
function parseIds(json: string | null): number[] | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return Array.isArray(value)
    ? value.filter((v): v is number => typeof v === 'number')
    : null;
}

function themeNames(db: Db, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(inArray(themes.id, unique))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}
