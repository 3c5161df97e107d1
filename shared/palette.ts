/**
 * Theme colours: a qualitative palette whose neighbours are easy to tell
 * apart (Tableau 10 then its lighter companions), used in order.
 */
export const THEME_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#8c564b',
];

/** The colour for the n-th theme of a codebook (0-based), cycling. */
export function themeColour(index: number): string {
  const n = THEME_PALETTE.length;
  return THEME_PALETTE[((index % n) + n) % n] ?? '#4e79a7';
}
