/**
 * The final coding of a comment: the one coding that counts.
 *
 * A lead's decision (a row in `final_codings`) outranks everything. Without
 * one, a comment coded by one coder takes that coding; a comment coded by
 * several takes their coding when every coder gave the same set of themes,
 * and is "unreconciled" when they differ. Unreconciled and uncoded comments
 * have no final coding: counts report them apart, never in a theme.
 *
 * The report computes the same rule in SQL for speed
 * (`server/report/final-coding-sql.ts`); the API tests check both agree.
 */

export type FinalCodingStatus =
  'decided' | 'single' | 'agreed' | 'unreconciled' | 'uncoded';

export type FinalCoding =
  | { status: 'decided' | 'single' | 'agreed'; themeIds: number[] }
  | { status: 'unreconciled' | 'uncoded'; themeIds: null };

/** Statuses that carry a final set of themes. */
export const SETTLED_STATUSES: readonly FinalCodingStatus[] = [
  'decided',
  'single',
  'agreed',
];

/**
 * The final coding of one comment.
 *
 * @param decision the themes of the lead's decision, or null when there is
 *   none (an empty array is a decision that no theme applies)
 * @param codingsByCoder each coder's themes for this comment (an empty
 *   array is a coding saying "no theme applies")
 */
export function finalCoding(
  decision: readonly number[] | null,
  codingsByCoder: ReadonlyMap<number, readonly number[]>,
): FinalCoding {
  if (decision) return { status: 'decided', themeIds: sortedSet(decision) };

  const sets = [...codingsByCoder.values()].map(sortedSet);
  const [first] = sets;
  if (!first) return { status: 'uncoded', themeIds: null };
  if (sets.length === 1) return { status: 'single', themeIds: first };
  return sets.every((set) => sameSet(set, first))
    ? { status: 'agreed', themeIds: first }
    : { status: 'unreconciled', themeIds: null };
}

function sortedSet(themeIds: readonly number[]): number[] {
  return [...new Set(themeIds)].sort((a, b) => a - b);
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
