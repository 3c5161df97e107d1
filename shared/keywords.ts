/**
 * Starting keywords for a theme, taken from its name and definition: the
 * content words (no stop words, no placeholders), the name's own phrases.
 * Coders grow the list as they work.
 */
import { isPlaceholder } from './text';
import { normalisedKeywordKey } from './suggest/keyword-index';

const STOP = new Set(
  `a an and are as at be been being but by can could did do does for from
  had has have how i if in into is it its me more most my no nor not of on
  one or our out over own same so some such than that the their them then
  there these they this those through to too under up very was we were what
  when where which while who whom why will with would you your about after
  again all also any because before between both during each few further
  just other only should via etc e.g. i.e. including includes include may
  this which comments comment reference references captures mention
  mentions relating related relates regarding around whether within without
  well way ways thing things something
  sub-category sub-categories sub-topic category categories topic topics
  theme themes incorporates incorporate highlighting highlight highlights
  specific specifically explicit explicitly typically relation terms term
  rather focus focuses focusses emphasis refer refers referring referred
  distinction distinguishes main used use kind frequently extent describe
  describes description descriptions people's peoples perceive display
  identify identifying raises relevant existing unclear lacks necessary
  high amount captures capture`.split(/\s+/),
);

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w));
}

/**
 * The name's parts that are phrases of two or more words, split where the
 * name lists several things: "Staff manner & personal attributes" →
 * `staff manner`, `personal attributes`.
 */
function namePhrases(name: string): string[] {
  return name
    .split(/[&,;/()]|\band\b/iu)
    .map((part) => words(part))
    .filter((part) => part.length >= 2 && part.length <= 3)
    .map((part) => part.join(' '));
}

/**
 * Starting keywords from a theme's name and definition: the name's phrases,
 * then its words, then the definition's words. Word forms and spelling
 * variants that match alike (`organise`, `organised`, `organisation`)
 * appear once, as first written; placeholders such as `n/a` never do.
 */
export function initialKeywords(name: string, definition = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const candidates = [
    ...namePhrases(name),
    ...words(name),
    ...words(definition),
  ];
  for (const keyword of candidates) {
    if (isPlaceholder(keyword)) continue;
    const key = normalisedKeywordKey(keyword);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}
