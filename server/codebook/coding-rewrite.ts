import type { Db } from '../db/open-database';

/** Why codings changed, as written to `coding_history.reason`. */
export type RewriteReason = 'merge' | 'theme_delete';

export interface RewriteCounts {
  codings: number;
  finalCodings: number;
}

interface Rewrite {
  /** The theme taken out of every coding and final coding. */
  themeId: number;
  /** The theme put in its place (merge), or null (delete). */
  replacementId: number | null;
  reason: RewriteReason;
  actorId: number;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** The theme set after the rewrite: sorted, without repeats. */
function rewritten(before: number[], rewrite: Rewrite): number[] {
  const after = new Set(before.filter((id) => id !== rewrite.themeId));
  if (rewrite.replacementId !== null) after.add(rewrite.replacementId);
  return [...after].sort((a, b) => a - b);
}

/**
 * Takes a theme out of every coding and final coding that carries it
 * (putting the replacement in, for a merge), bumps each one's version and
 * writes a history row with the theme ids before and after. The caller
 * runs it inside its transaction.
 */
export function rewriteCodings(db: Db, rewrite: Rewrite): RewriteCounts {
  return {
    codings: rewriteCoderCodings(db, rewrite),
    finalCodings: rewriteFinalCodings(db, rewrite),
  };
}

function rewriteCoderCodings(db: Db, rewrite: Rewrite): number {
  const sqlite = db.$client;
  const affected = sqlite
    .prepare(
      `SELECT k.id, k.comment_id AS commentId, k.coder_id AS coderId
      FROM codings k JOIN coding_themes ct ON ct.coding_id = k.id
      WHERE ct.theme_id = ? ORDER BY k.id`,
    )
    .all(rewrite.themeId) as Array<{
    id: number;
    commentId: number;
    coderId: number;
  }>;
  const themesOf = sqlite
    .prepare('SELECT theme_id FROM coding_themes WHERE coding_id = ?')
    .pluck();
  const remove = sqlite.prepare(
    'DELETE FROM coding_themes WHERE coding_id = ? AND theme_id = ?',
  );
  const add = sqlite.prepare(
    'INSERT OR IGNORE INTO coding_themes (coding_id, theme_id) VALUES (?, ?)',
  );
  const bump = sqlite.prepare(
    `UPDATE codings SET version = version + 1, updated_at = ${NOW}
    WHERE id = ?`,
  );
  const history = historyStatement(db);

  for (const coding of affected) {
    const before = (themesOf.all(coding.id) as number[]).sort((a, b) => a - b);
    remove.run(coding.id, rewrite.themeId);
    if (rewrite.replacementId !== null) {
      add.run(coding.id, rewrite.replacementId);
    }
    bump.run(coding.id);
    history.run({
      commentId: coding.commentId,
      coderId: coding.coderId,
      actorId: rewrite.actorId,
      reason: rewrite.reason,
      before: JSON.stringify(before),
      after: JSON.stringify(rewritten(before, rewrite)),
    });
  }
  return affected.length;
}

function rewriteFinalCodings(db: Db, rewrite: Rewrite): number {
  const sqlite = db.$client;
  const affected = sqlite
    .prepare(
      `SELECT comment_id FROM final_coding_themes WHERE theme_id = ?
      ORDER BY comment_id`,
    )
    .pluck()
    .all(rewrite.themeId) as number[];
  const themesOf = sqlite
    .prepare('SELECT theme_id FROM final_coding_themes WHERE comment_id = ?')
    .pluck();
  const remove = sqlite.prepare(
    'DELETE FROM final_coding_themes WHERE comment_id = ? AND theme_id = ?',
  );
  const add = sqlite.prepare(
    `INSERT OR IGNORE INTO final_coding_themes (comment_id, theme_id)
    VALUES (?, ?)`,
  );
  const bump = sqlite.prepare(
    `UPDATE final_codings SET version = version + 1, updated_at = ${NOW}
    WHERE comment_id = ?`,
  );
  const history = historyStatement(db);

  for (const commentId of affected) {
    const before = (themesOf.all(commentId) as number[]).sort((a, b) => a - b);
    remove.run(commentId, rewrite.themeId);
    if (rewrite.replacementId !== null) {
      add.run(commentId, rewrite.replacementId);
    }
    bump.run(commentId);
    history.run({
      commentId,
      coderId: null,
      actorId: rewrite.actorId,
      reason: rewrite.reason,
      before: JSON.stringify(before),
      after: JSON.stringify(rewritten(before, rewrite)),
    });
  }
  return affected.length;
}

function historyStatement(db: Db) {
  return db.$client.prepare(
    `INSERT INTO coding_history
      (comment_id, coder_id, actor_id, reason, before, after)
    VALUES (@commentId, @coderId, @actorId, @reason, @before, @after)`,
  );
}
