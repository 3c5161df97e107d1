/**
 * Keyword lists with spelling variants and word forms counted as one
 * keyword: `organise` (3) and `organize` (2) are one keyword seen 5 times.
 */
import { normalisedKeywordKey } from './keyword-index';

export interface KeywordCount {
  keyword: string;
  count: number;
}

export interface MergedKeyword {
  /** The variant seen most often (the first listed on a tie). */
  keyword: string;
  /** Every spelling merged into it, most frequent first. */
  variants: string[];
  /** The counts of all variants added together. */
  count: number;
  /** The shared matching key (stems), e.g. `organis`. */
  key: string;
}

/**
 * Merges a list of keywords with counts so variants that match the same
 * way (same normalisedKeywordKey) become one entry with the combined count.
 * Keywords with no matching key (stop words, placeholders such as `n/a`)
 * are dropped. The result is sorted by count, most frequent first.
 */
export function mergeKeywordCounts(
  counts: readonly KeywordCount[],
): MergedKeyword[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const { keyword, count } of counts) {
    const key = normalisedKeywordKey(keyword);
    if (key === '') continue;
    const variants = byKey.get(key) ?? new Map<string, number>();
    const written = keyword.trim();
    variants.set(written, (variants.get(written) ?? 0) + count);
    byKey.set(key, variants);
  }

  const merged: MergedKeyword[] = [];
  for (const [key, variants] of byKey) {
    const ordered = [...variants.entries()].sort((a, b) => b[1] - a[1]);
    const total = ordered.reduce((sum, [, n]) => sum + n, 0);
    merged.push({
      keyword: ordered[0]?.[0] ?? key,
      variants: ordered.map(([v]) => v),
      count: total,
      key,
    });
  }
  return merged.sort((a, b) => b.count - a.count);
}

/**
 * A keyword list without duplicates by matching key: the first spelling
 * listed wins (`['organise', 'organize', 'n/a']` → `['organise']`).
 */
export function dedupeKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const keyword of keywords) {
    const key = normalisedKeywordKey(keyword);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword.trim());
  }
  return out;
}
