import { eq } from 'drizzle-orm';
import type { ThemeSuggestion } from '../../shared/suggest/keyword-index';
import { suggest } from '../../shared/suggest/keyword-index';
import type { Db } from '../db/open-database';
import { comments, respondents } from '../db/schema';
import { keywordIndexFor } from './keyword-index-cache';

/** What the suggester needs to know about a comment. */
export interface CommentToSuggest {
  projectId: number;
  text: string;
  substantive: boolean;
  groupId: number | null;
}

export function findCommentToSuggest(
  db: Db,
  commentId: number,
): CommentToSuggest | null {
  return (
    db
      .select({
        projectId: comments.projectId,
        text: comments.text,
        substantive: comments.substantive,
        groupId: respondents.groupId,
      })
      .from(comments)
      .innerJoin(respondents, eq(respondents.id, comments.respondentId))
      .where(eq(comments.id, commentId))
      .get() ?? null
  );
}

/**
 * The themes suggested for a comment, best first, with their triggering
 * words. Placeholder answers (flagged at import with the project's own
 * list) get none.
 */
export function suggestionsFor(
  db: Db,
  comment: CommentToSuggest,
  limit?: number,
): ThemeSuggestion[] {
  if (!comment.substantive) return [];
  const index = keywordIndexFor(db, comment.projectId);
  return suggest(index, comment.text, {
    groupId: comment.groupId,
    ...(limit === undefined ? {} : { limit }),
  }).filter((s) => s.score > 0);
}
