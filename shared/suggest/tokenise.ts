/**
 * Tokenising and stemming for keyword suggestions. Tokens keep their
 * character offsets in the text as written, so the client can highlight the
 * words that triggered a suggestion; matching uses a separate normalised
 * stem (NFKC, lower case, accents folded, British/American spelling folded,
 * Porter stem).
 */
import natural from 'natural';
import { foldSpelling } from './spelling';

/** One word of a text, located in the text as written. */
export interface Token {
  /** Offset of the first UTF-16 code unit in the original text. */
  start: number;
  /** Offset just past the last code unit (slice(start, end) is the word). */
  end: number;
  /** The word as written. */
  text: string;
  /** The form used for matching; '' for a stop word. */
  stem: string;
}

/**
 * A word is a run of letters, marks and digits, optionally joined by
 * apostrophes ("child's", "don't"). Any other character — space, line
 * break, hyphen, slash, punctuation — ends it, so "earlier\n2." is two
 * words and "café" stays whole (natural's WordTokenizer would cut it).
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Accents on Latin letters, removed after NFD so "café" matches "cafe". */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/** Contractions once their apostrophe is gone: no more meaning than "not". */
const CONTRACTIONS = `dont didnt doesnt cant couldnt wont wouldnt shouldnt
  isnt wasnt arent werent hasnt havent hadnt im ive id youre theyre weve
  were youve theyve thats theres whats its lets`;

/**
 * Words that never count as keyword evidence: natural's English stop words
 * plus contractions and a few fillers common in survey answers.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...natural.stopwords,
  ...CONTRACTIONS.split(/\s+/),
  ...`also just etc really quite yes ok okay lot lots one`.split(/\s+/),
]);

/** True when the (lower-case, apostrophe-free) word never counts. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Lower case, NFKC, Latin accents folded, possessive and apostrophes gone. */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC')
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/'/g, '');
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/**
 * The matching form of one word: '' for a stop word, otherwise the Porter
 * stem of its spelling-folded, normalised form. `communicating`,
 * `communication` → `commun`; `organize`, `organisation` → `organis`.
 */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;

  const normal = normaliseWord(word);
  const stem =
    normal === '' || isStopWord(normal)
      ? ''
      : natural.PorterStemmer.stem(foldSpelling(normal));
  // A survey's vocabulary is bounded, but an unbounded cache is a leak.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** Every word of the text with its offsets and stem (stop words: ''). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const word = m[0];
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      stem: stemWord(word),
    });
  }
  return tokens;
}

/** The stems of a text's content words, in order (stop words dropped). */
export function contentStems(text: string): string[] {
  return tokenise(text)
    .map((t) => t.stem)
    .filter((s) => s !== '');
}
