/**
 * Keyword suggestions: which themes of a codebook a comment's words point
 * to, with a score and the words that triggered each one.
 *
 * A keyword matches when its content words (stop words dropped) appear in
 * the comment in a row, compared by stem after spelling folding (see
 * tokenise.ts). A theme's score is the sum, over its distinct keywords
 * found in the comment, of the keyword's weight:
 *
 *   weight = words in the keyword × ln(1 + themes / themes with it)
 *
 * so a keyword that only one theme has counts more than one that many
 * share, and a two-word phrase counts about twice a single word. Repeating
 * a keyword in the comment does not add to the score.
 */
import { isPlaceholder } from '../text';
import { contentStems, tokenise, type Token } from './tokenise';

/** The part of a theme the suggester needs. */
export interface SuggestTheme {
  id: number;
  name: string;
  keywords: readonly string[];
  archived: boolean;
  /** Groups the theme applies to; null for all groups. */
  groupIds: readonly number[] | null;
}

/** One occurrence of a keyword in the comment. */
export interface KeywordMatch {
  /** Offset in the comment as written (UTF-16 code units). */
  start: number;
  end: number;
  /** The comment's own words, as written: `organize`, never a stem. */
  text: string;
  /** The theme's keyword it matched, as written in the codebook. */
  keyword: string;
}

export interface ThemeSuggestion {
  themeId: number;
  score: number;
  /** In the order they occur in the comment. */
  matches: KeywordMatch[];
}

interface IndexedKeyword {
  stems: readonly string[];
  weight: number;
  /** Theme id → that theme's keyword as written. */
  themes: ReadonlyMap<number, string>;
}

interface IndexedTheme {
  id: number;
  groupIds: ReadonlySet<number> | null;
}

/** A codebook prepared for suggesting; build once, use for every comment. */
export interface KeywordIndex {
  /** First stem of a keyword → the keywords starting with it. */
  readonly byFirstStem: ReadonlyMap<string, readonly IndexedKeyword[]>;
  readonly themes: ReadonlyMap<number, IndexedTheme>;
}

export interface SuggestOptions {
  /**
   * The comment's respondent group: themes limited to other groups are
   * left out. null = a comment without a group (only themes for all
   * groups); undefined = do not filter by group.
   */
  groupId?: number | null;
  /** Answers that are placeholders, never suggested for. */
  placeholders?: readonly string[];
  /** Keep only the best n themes. */
  limit?: number;
}

/**
 * The matching key of a keyword: its content stems joined by spaces, ''
 * when it has none (only stop words) or is a placeholder such as `n/a`.
 * Spelling variants share a key: `organise` and `organize` → `organis`.
 */
export function normalisedKeywordKey(keyword: string): string {
  if (isPlaceholder(keyword)) return '';
  return contentStems(keyword).join(' ');
}

function collectKeywords(
  themes: readonly SuggestTheme[],
): Map<string, { stems: string[]; themes: Map<number, string> }> {
  const byKey = new Map<
    string,
    { stems: string[]; themes: Map<number, string> }
  >();
  for (const theme of themes) {
    if (theme.archived) continue;
    for (const keyword of theme.keywords) {
      const key = normalisedKeywordKey(keyword);
      if (key === '') continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { stems: key.split(' '), themes: new Map() };
        byKey.set(key, entry);
      }
      // The first spelling a theme lists is the one its matches name.
      if (!entry.themes.has(theme.id)) entry.themes.set(theme.id, keyword);
    }
  }
  return byKey;
}

/**
 * Prepares a codebook for `suggest`: archived themes are left out, and
 * each keyword is stemmed once and weighted by how many themes share it.
 */
export function buildKeywordIndex(
  themes: readonly SuggestTheme[],
): KeywordIndex {
  const active = themes.filter((t) => !t.archived);
  const themeCount = active.length;
  const byFirstStem = new Map<string, IndexedKeyword[]>();

  for (const entry of collectKeywords(active).values()) {
    const first = entry.stems[0];
    if (first === undefined) continue;
    const rarity = Math.log(1 + themeCount / entry.themes.size);
    const indexed: IndexedKeyword = {
      stems: entry.stems,
      weight: entry.stems.length * rarity,
      themes: entry.themes,
    };
    const list = byFirstStem.get(first);
    if (list) list.push(indexed);
    else byFirstStem.set(first, [indexed]);
  }

  const indexedThemes = new Map<number, IndexedTheme>(
    active.map((t) => [
      t.id,
      { id: t.id, groupIds: t.groupIds ? new Set(t.groupIds) : null },
    ]),
  );
  return { byFirstStem, themes: indexedThemes };
}

function appliesToGroup(
  theme: IndexedTheme,
  groupId: number | null | undefined,
): boolean {
  if (groupId === undefined || theme.groupIds === null) return true;
  return groupId !== null && theme.groupIds.has(groupId);
}

/** Does the keyword's stem sequence start at content word i? */
function matchesAt(
  content: readonly Token[],
  i: number,
  stems: readonly string[],
): boolean {
  if (i + stems.length > content.length) return false;
  return stems.every((stem, k) => content[i + k]?.stem === stem);
}

interface Accumulator {
  score: number;
  seen: Set<IndexedKeyword>;
  matches: KeywordMatch[];
}

/**
 * The themes a comment's words point to, best first, each with its score
 * and the words that triggered it (offsets into `text` as given). Returns
 * nothing for a placeholder answer (`N/A`, `none`) or a comment with no
 * known word: there is no fallback to some default theme.
 */
export function suggest(
  index: KeywordIndex,
  text: string,
  options: SuggestOptions = {},
): ThemeSuggestion[] {
  if (isPlaceholder(text, options.placeholders)) return [];
  const content = tokenise(text).filter((t) => t.stem !== '');
  const byTheme = new Map<number, Accumulator>();

  content.forEach((token, i) => {
    for (const keyword of index.byFirstStem.get(token.stem) ?? []) {
      if (!matchesAt(content, i, keyword.stems)) continue;
      const last = content[i + keyword.stems.length - 1] ?? token;
      addMatch(index, byTheme, keyword, options.groupId, {
        start: token.start,
        end: last.end,
        text: text.slice(token.start, last.end),
      });
    }
  });

  const ranked = [...byTheme.entries()]
    .map(([themeId, acc]) => ({
      themeId,
      score: acc.score,
      matches: acc.matches,
    }))
    .sort((a, b) => b.score - a.score || a.themeId - b.themeId);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

function addMatch(
  index: KeywordIndex,
  byTheme: Map<number, Accumulator>,
  keyword: IndexedKeyword,
  groupId: number | null | undefined,
  where: Omit<KeywordMatch, 'keyword'>,
): void {
  for (const [themeId, written] of keyword.themes) {
    const theme = index.themes.get(themeId);
    if (!theme || !appliesToGroup(theme, groupId)) continue;
    let acc = byTheme.get(themeId);
    if (!acc) {
      acc = { score: 0, seen: new Set(), matches: [] };
      byTheme.set(themeId, acc);
    }
    if (!acc.seen.has(keyword)) {
      acc.seen.add(keyword);
      acc.score += keyword.weight;
    }
    acc.matches.push({ ...where, keyword: written });
  }
}
