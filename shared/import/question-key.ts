/**
 * Question keys for the long layout, where each row names its question:
 * a short slug of the question text, so spellings that differ only in case,
 * spaces or punctuation land on the same question.
 */

const MAX_KEY = 60;

/** 32-bit FNV-1a, as 8 hex digits: a stable suffix for long keys. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `What did not work well?` → `what_did_not_work_well`. Keys longer than
 * 60 characters are cut and end in a hash of the whole slug, so two long
 * questions with the same opening stay apart.
 */
export function questionKey(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') return value.trim() || 'question';
  if (slug.length <= MAX_KEY) return slug;
  return `${slug.slice(0, MAX_KEY - 9).replace(/_+$/, '')}_${fnv1a(slug)}`;
}
