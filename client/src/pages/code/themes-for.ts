import type { CommentDetail, Suggestion, Theme } from '../../api/types';
import { starredSuggestions } from '../../../../shared/suggest/starred';

/** Active themes meant for this comment's respondent group. */
export function themesFor(themes: Theme[], comment: CommentDetail): Theme[] {
  const groupId = comment.group?.id;
  return themes.filter(
    (t) =>
      !t.archived &&
      (!t.groupIds ||
        t.groupIds.length === 0 ||
        (groupId !== undefined && t.groupIds.includes(groupId))),
  );
}

/**
 * The suggestions to star among the themes shown: only those close to the
 * best one (see starredSuggestions), so `a` does not tick weak matches.
 */
export function starredFor(
  comment: CommentDetail,
  shown: Theme[],
): Suggestion[] {
  return starredSuggestions(
    comment.suggestions.filter((s) => shown.some((t) => t.id === s.themeId)),
  );
}
