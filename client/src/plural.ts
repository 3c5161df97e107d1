/**
 * A count with its noun, singular for exactly one: `1 comment`,
 * `3 comments`, `1,204 respondents`. `many` is for nouns that do not just
 * take an s (`1 reply`, `2 replies`).
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
