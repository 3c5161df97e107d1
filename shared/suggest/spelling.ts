/**
 * British and American spellings folded to one form before stemming, so a
 * keyword written one way matches a comment written the other way. The
 * Porter stemmer conflates inflections, not spellings: "organise" stems to
 * `organis` but "organize" to `organ`, "programme" to `programm` but
 * "program" to `program`.
 *
 * The folded form is only ever used for matching; it is never shown. Both
 * sides (keyword and comment) go through the same folding, so a rule that
 * mangles a rare word is harmless unless it makes two different words
 * collide: the exception lists exist to prevent exactly that.
 */

/**
 * Words ending in -ize that are not the -ise/-ize suffix ("size" is not
 * "sise"). Compounds ending in "size" (resize, oversize) are caught apart.
 */
const IZE_EXCEPTIONS = new Set(['prize', 'seize', 'maize', 'baize']);

/** -ize/-ise endings folded to the British -is- (organise, organisation). */
const IZE = /^(\p{L}{2,})iz(e|es|ed|ing|er|ers|ation|ations|able)$/u;

/** -yze/-yse (analyse, paralyse) folded to -ys-. */
const YZE = /^(\p{L}+)yz(e|es|ed|ing|er|ers)$/u;

/**
 * Stems whose -our ending is the British spelling of -or (behaviour,
 * colour); a closed list, because "hour", "tour" and "four" are not.
 */
const OUR = new RegExp(
  '^(behavi|col|fav|hon|hum|lab|neighb|rum|harb|vig|flav|endeav|od|parl|' +
    'arm|tum|vap|val|clam|cand|ard|rig|savi|sav|splend)our(.*)$',
  'u',
);

/** -re words whose American spelling is -er (centre, theatre, fibre). */
const RE = new RegExp(
  '^(cent|theat|met|lit|fib|calib|somb|spect|lust|meag|sab|mit)re(s|d)?$',
  'u',
);

/**
 * Bases that double their final l in British spelling when a suffix
 * follows (travelling, cancelled, labelled). A closed list: "telling" and
 * "selling" double the l in both spellings.
 */
const DOUBLED_L = new RegExp(
  '^(travel|cancel|label|model|fuel|counsel|signal|level|channel|dial|' +
    'marvel|jewel|quarrel|tunnel|panel|shovel|pencil|equal|total|rival|' +
    'duel|grovel|libel|refuel|funnel|initial)' +
    'l(ed|ing|er|ers|or|ors)$',
  'u',
);

/** Medical and other -ae-/-oe- spellings (paediatric, haemorrhage). */
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/paed/gu, 'ped'],
  [/haem/gu, 'hem'],
  [/aemia/gu, 'emia'],
  [/anaesth/gu, 'anesth'],
  [/gynaec/gu, 'gynec'],
  [/^oesoph/u, 'esoph'],
  [/^oestr/u, 'estr'],
  [/rrhoea/gu, 'rrhea'],
  [/^foet/u, 'fet'],
  [/^caesar/u, 'cesar'],
  [/^aetiol/u, 'etiol'],
  [/^manoeuvr/u, 'maneuver'],
];

/** Whole words (and their inflections) spelled differently. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['gramme', 'gram'],
  ['grammes', 'grams'],
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['pretence', 'pretense'],
  ['catalogue', 'catalog'],
  ['catalogues', 'catalogs'],
  ['dialogue', 'dialog'],
  ['dialogues', 'dialogs'],
  ['analogue', 'analog'],
  ['practise', 'practice'],
  ['practised', 'practiced'],
  ['practises', 'practices'],
  ['practising', 'practicing'],
  ['judgement', 'judgment'],
  ['judgements', 'judgments'],
  ['acknowledgement', 'acknowledgment'],
  ['ageing', 'aging'],
  ['grey', 'gray'],
  ['mould', 'mold'],
  ['sceptical', 'skeptical'],
  ['jewellery', 'jewelry'],
  ['enquiry', 'inquiry'],
  ['enquiries', 'inquiries'],
  ['enquire', 'inquire'],
  ['enquired', 'inquired'],
  ['enquiring', 'inquiring'],
  ['skilful', 'skillful'],
  ['wilful', 'willful'],
  ['instalment', 'installment'],
  ['enrolment', 'enrollment'],
  ['fulfilment', 'fulfillment'],
  ['learnt', 'learned'],
  ['spelt', 'spelled'],
  ['cheque', 'check'],
  ['aluminium', 'aluminum'],
]);

function foldIze(word: string): string {
  const m = IZE.exec(word);
  if (!m) return word;
  const base = `${m[1] ?? ''}ize`;
  if (IZE_EXCEPTIONS.has(base) || base.endsWith('size')) return word;
  return `${m[1] ?? ''}is${m[2] ?? ''}`;
}

/**
 * One spelling for British and American variants of a lower-case word:
 * `organize` → `organise`, `behaviour` → `behavior`, `centre` → `center`,
 * `programme` → `program`, `paediatric` → `pediatric`, `travelling` →
 * `traveling`. Words without a variant come back unchanged (`size`,
 * `prize`, `hour`).
 */
export function foldSpelling(word: string): string {
  const whole = WORDS.get(word);
  if (whole !== undefined) return whole;

  let w = foldIze(word);
  w = w.replace(YZE, '$1ys$2');
  w = w.replace(OUR, '$1or$2');
  w = w.replace(RE, (_, base: string, suffix?: string) =>
    suffix === 'd' ? `${base}ered` : `${base}er${suffix ?? ''}`,
  );
  w = w.replace(DOUBLED_L, '$1$2');
  for (const [pattern, replacement] of DIGRAPHS) {
    w = w.replace(pattern, replacement);
  }
  return w;
}
