/** Letters that are commands on the coding page, never theme shortcuts. */
export const COMMAND_KEYS = new Set(['a', 'j', 'k', 'n', 'z']);

const THEME_KEYS = [
  ...'123456789',
  ...[...'bcdefghijklmopqrstuvwxy'].filter((k) => !COMMAND_KEYS.has(k)),
];

/** The shortcut of the n-th theme shown (0-based): 1–9, then letters. */
export function shortcutFor(index: number): string | null {
  return THEME_KEYS[index] ?? null;
}

/** The index of the theme a key toggles, or null. */
export function indexForKey(key: string): number | null {
  const i = THEME_KEYS.indexOf(key.toLowerCase());
  return i === -1 ? null : i;
}
