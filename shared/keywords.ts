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

/**
 * Words a definition uses to describe comments in general rather than a
 * topic: how people feel, what a service provides, how often, what kind.
 * Fine in a theme's name (the coder chose them), too vague to suggest a
 * theme when they only appear in its definition.
 */
const GENERIC = new Set(
  `ability able access account accounts across action actions activity
  address addressed addresses addressing allow allowed allows along already
  although always amount answer answered answers anything appear appeared
  appearing appears apply appropriate appropriateness approach area areas
  aspect aspects assigned available availability away based basis become
  becomes beyond broad case cases cause causes change changes clear common
  concern concerns consider considered cover covers data deal deals
  describing detail details different done during easy effect effects else
  enough especially even ever every example examples expected experience
  experienced experiences extend fact factor factors feel feeling feelings
  felt find finding found frequency frequent frequently gain gaps general
  generally generic get getting give given gives giving going good group
  groups happen happens having help helped helps however identified impact
  important improve improvements improving individual individuals
  information instance intended issue issues item items know knowledge
  language large level levels life like likely line lines long look made
  make makes making many mapped matter meet might model much must need
  needed needs negative non-specific number numerous occur often order
  outcome outcomes overall overarching part particular particularly patient
  patients people perceive perceived perception perceptions person place
  positive possible present presence problem problems process processes
  provide provided provides providing provision quality range ranging rare
  reason reasons receive received receives receiving related require
  required requires right role said seen sense sentiment service services
  several show side situation situations small someone sometimes sort staff
  state stated stuff successful suggested suggestion suggestions
  sufficient support supported supports sure system take taken takes
  taking tell thin think time times told took type types uncategorised
  understand unlikely usage uses using value various view views want whole
  wide work working`.split(/\s+/),
);

/** A quoted stretch: a quote mark after a space, not an apostrophe. */
const QUOTED = /(?:^|[\s(])['‘"“]([^'’"”]+?)['’"”](?=[\s,.;:!?)/]|$)/gu;

/**
 * Definition words that can suggest the theme: the words it quotes as
 * examples ('friendly', 'good'), kept whatever they are, and otherwise
 * words longer than three letters that are not generic.
 */
function definitionWords(text: string): string[] {
  const quoted = [...text.matchAll(QUOTED)].flatMap((m) => words(m[1] ?? ''));
  const specific = words(text).filter((w) => w.length > 3 && !GENERIC.has(w));
  return [...quoted, ...specific];
}

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
 * then its words, then the definition's specific words (longer than three
 * letters, not generic like `information` or `people`). Word forms and spelling
 * variants that match alike (`organise`, `organised`, `organisation`)
 * appear once, as first written; placeholders such as `n/a` never do.
 */
export function initialKeywords(name: string, definition = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const candidates = [
    ...namePhrases(name),
    ...words(name),
    ...definitionWords(definition),
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
