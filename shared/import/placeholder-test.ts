/**
 * A fast form of `isPlaceholder` for hundreds of thousands of cells: the
 * import's writer and the column profiler both ask it about every answer.
 */
import { placeholderKey } from '../text';

/**
 * `isPlaceholder` with the list's keys worked out once: the same rule
 * (placeholder key, ignoring a trailing full stop or exclamation mark).
 */
export function placeholderTest(
  placeholders: readonly string[],
): (text: string) => boolean {
  const keys = new Set(placeholders.map(placeholderKey));
  const longest = [...keys].reduce((n, k) => Math.max(n, k.length), 0);
  return (text) => {
    // Placeholders are a few words; most comments are longer.
    if (text.length > longest * 4 + 16) return false;
    const key = placeholderKey(text);
    if (keys.has(key)) return true;
    const bare = key.replace(/[.!]+$/, '');
    return bare !== '' && keys.has(bare);
  };
}
