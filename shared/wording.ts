/** Counts in words, the same in the client and on the command line. */

/**
 * A count with its noun, singular for exactly one: `1 comment`,
 * `3 comments`, `1,204 respondents`. `many` is for nouns that do not just
 * take an s (`1 reply`, `2 replies`).
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** ` (2 new, 1 already in the project)`, or nothing when none matched. */
export function newAndMatched(written: number, matched: number): string {
  if (matched === 0) return '';
  return ` (${written.toLocaleString('en-GB')} new, ${matched.toLocaleString('en-GB')} already in the project)`;
}
