/**
 * Text normalisation shared by import, suggestions and counting. Stored text
 * is never changed by these functions' callers: they compute a matching form.
 */

/** Whitespace and invisible characters an "empty" answer may consist of. */
const INVISIBLE =
  /[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;

/** Line breaks as \n, whatever the file used (CRLF, lone CR). */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The trimmed, Unicode-normalised (NFKC) form used for matching. */
export function matchingForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(
      /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/gu,
      '',
    )
    .replace(/[\s\u00a0]+/gu, ' ');
}

/** True when the answer holds nothing but whitespace or invisible marks. */
export function isBlank(text: string | null | undefined): boolean {
  if (text == null) return true;
  return text.replace(INVISIBLE, '') === '';
}

/** Placeholder answers kept as comments but flagged non-substantive. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  'n/a',
  'na',
  'n.a.',
  'n a',
  'not applicable',
  '-',
  '--',
  '.',
  '..',
  '...',
  '?',
  'x',
  '0',
  '-99',
  '-66',
  '-77',
  'none',
  'nil',
  'no',
  'nothing',
  'nothing to add',
  'nothing else',
  'no comment',
  'no comments',
  'did not answer',
  'no answer',
  'not answered',
  'prefer not to say',
  "don't know",
  'dont know',
  'do not know',
];

/** The form placeholders are compared in: lower case, no edge punctuation. */
export function placeholderKey(text: string): string {
  return matchingForm(text)
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * A test for one placeholder list, with the list's keys worked out once:
 * the import asks it about hundreds of thousands of cells. An answer is a
 * placeholder when its key (see `placeholderKey`), with or without a
 * trailing full stop or exclamation mark, is one of the list's.
 */
export function placeholderMatcher(
  placeholders: readonly string[],
): (text: string) => boolean {
  const keys = new Set(placeholders.map(placeholderKey));
  const longest = [...keys].reduce((n, k) => Math.max(n, k.length), 0);
  return (text) => {
    // Placeholders are a few words; most comments are far longer.
    if (text.length > longest * 4 + 16) return false;
    const key = placeholderKey(text);
    if (keys.has(key)) return true;
    const bare = key.replace(/[.!]+$/, '');
    return bare !== '' && keys.has(bare);
  };
}

const matchers = new WeakMap<readonly string[], (text: string) => boolean>();

/**
 * True when the answer is one of the placeholders (compared case- and
 * space-insensitively, ignoring a trailing full stop or exclamation mark).
 */
export function isPlaceholder(
  text: string,
  placeholders: readonly string[] = DEFAULT_PLACEHOLDERS,
): boolean {
  let matcher = matchers.get(placeholders);
  if (!matcher) {
    matcher = placeholderMatcher(placeholders);
    matchers.set(placeholders, matcher);
  }
  return matcher(text);
}

/** Case- and space-insensitive key, e.g. for theme names. */
export function nameKey(name: string): string {
  return matchingForm(name).toLowerCase().replace(/\s+/g, ' ');
}
