/**
 * Which suggestions the coding page stars (and `a` accepts): the best few
 * whose score is close to the best one. A comment that strongly matches
 * one theme and weakly touches two others gets one star, not three.
 */

/** Share of the top score a suggestion needs to be starred. */
export const STAR_RATIO = 0.5;
/** Never more stars than this. */
export const MAX_STARS = 3;

/**
 * The suggestions to star, best first: score above 0 and at least
 * `ratio` × the top score, at most `max` of them. Ties keep their order.
 */
export function starredSuggestions<T extends { score: number }>(
  suggestions: readonly T[],
  ratio = STAR_RATIO,
  max = MAX_STARS,
): T[] {
  const ranked = [...suggestions]
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const top = ranked[0]?.score ?? 0;
  return ranked.filter((s) => s.score >= ratio * top).slice(0, max);
}
