/**
 * The codes part of a mapping, read the same way by the server, the
 * proposal and the client: one spec or several, each naming its coder.
 */
import type { CodesSpec, Mapping } from '../api/import';

/** The coder of codes whose spec names none. */
export const DEFAULT_IMPORT_CODER = 'imported';

/** The mapping's code specs as a list (empty when it brings no codes). */
export function codesSpecs(codes: Mapping['codes']): CodesSpec[] {
  if (!codes) return [];
  return Array.isArray(codes) ? codes : [codes];
}

/** The coder a spec's codings belong to: its trimmed name or the default. */
export function specCoder(spec: CodesSpec): string {
  return spec.coder?.trim() || DEFAULT_IMPORT_CODER;
}

/** The columns a spec reads. */
export function specColumns(spec: CodesSpec): string[] {
  if (spec.format === 'binary') return spec.columns.map((c) => c.column);
  if (spec.format === 'columns') return [...spec.columns];
  return [spec.column];
}

/**
 * The first coder named by two specs, or null when each coder's codes come
 * from one spec. In a wide layout a coder may have one spec per question
 * (a spec without `question` stands for the only question).
 */
export function repeatedCoder(
  specs: readonly CodesSpec[],
  layout: Mapping['layout'],
): string | null {
  const seen = new Set<string>();
  for (const spec of specs) {
    const coder = specCoder(spec);
    const question = layout === 'wide' ? (spec.question ?? '') : '';
    const key = `${coder}\u0000${question}`;
    if (seen.has(key)) return coder;
    seen.add(key);
  }
  return null;
}

/** Separators a theme-list cell may use, in order of preference on a tie. */
export const LIST_SEPARATORS = ['|', ';', ','] as const;

/** The separator of a theme list whose cells hold none of them. */
export const DEFAULT_LIST_SEPARATOR = '|';

/**
 * Counts one cell towards the detected separator: for each of
 * `LIST_SEPARATORS`, the number of cells it appears in (`counts` is kept
 * in that order, and starts as `[0, 0, 0]`).
 */
export function countSeparators(cell: string, counts: number[]): void {
  LIST_SEPARATORS.forEach((separator, i) => {
    if (cell.includes(separator)) counts[i] = (counts[i] ?? 0) + 1;
  });
}

/**
 * The separator of a theme-list column from `countSeparators` counts: the
 * one found in most cells (`|` before `;` before `,` on a tie), or `|`
 * when the cells hold none.
 */
export function separatorFromCounts(counts: readonly number[]): string {
  let best: string = DEFAULT_LIST_SEPARATOR;
  let bestCount = 0;
  LIST_SEPARATORS.forEach((separator, i) => {
    const n = counts[i] ?? 0;
    if (n > bestCount) {
      best = separator;
      bestCount = n;
    }
  });
  return best;
}

/** The separator of a theme-list column, detected from its cells. */
export function detectListSeparator(cells: Iterable<string>): string {
  const counts = LIST_SEPARATORS.map(() => 0);
  for (const cell of cells) countSeparators(cell, counts);
  return separatorFromCounts(counts);
}
