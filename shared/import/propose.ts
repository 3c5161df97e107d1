/**
 * A first guess at what each column of an uploaded file is, and the mapping
 * the import step pre-selects from those guesses. The user can change all
 * of it; the guesses only save clicks.
 */
import {
  MAX_OPEN_QUESTIONS,
  type CodesSpec,
  type ColumnKind,
  type Mapping,
} from '../api/import';
import { DEFAULT_PLACEHOLDERS, isBlank, placeholderMatcher } from '../text';
import {
  codesSpecs,
  countSeparators,
  LIST_SEPARATORS,
  separatorFromCounts,
  specColumns,
} from './codes-specs';
import { looksNumeric } from './headers';

export interface ColumnProfile {
  name: string;
  label: string;
  /** What the header rows say the answers are, when they say. */
  answer?: 'open' | 'choice';
  /**
   * Non-blank cells that are not placeholders (`-99`, `N/A`, …): the real
   * answers, which decide the column's kind.
   */
  filled: number;
  /** Cells holding a placeholder. */
  placeholders: number;
  /**
   * Non-blank cells, placeholders included: what a person counts as
   * filled in (`No` is an answer to a yes/no item).
   */
  nonBlank: number;
  /** The separator the column's cells would use as a theme list. */
  listSeparator: string;
  /** Distinct answers, counted up to a cap. */
  distinct: number;
  /** Mean length of the answers, in characters. */
  meanLength: number;
  /** Mean number of words of the answers. */
  meanWords: number;
  /** Share of answers that are numbers or dates. */
  numericShare: number;
  /** Share of answers that are file names (an upload question). */
  fileShare: number;
  /** Every non-blank cell is 0 or 1 (and at least one is 1). */
  binary: boolean;
  /** Every answer is an integer from -10 to 10. */
  smallIntegers: boolean;
}

const DISTINCT_CAP = 200_000;

const FILE_NAME = /^\S+\.(png|jpe?g|gif|heic|webp|pdf|docx?|xlsx?)$/i;

const defaultPlaceholder = placeholderMatcher(DEFAULT_PLACEHOLDERS);

export interface ProfileOptions {
  answer?: 'open' | 'choice' | undefined;
  /** The project's placeholder test; the default list when absent. */
  isPlaceholder?: (text: string) => boolean;
}

/**
 * Profiles column `index` over the data rows. For judging the column's
 * kind placeholder cells count as empty, so a free-text column mostly
 * holding missing-value codes is judged by its real answers; `nonBlank`
 * counts them as filled.
 */
export function profileColumn(
  name: string,
  label: string,
  rows: readonly string[][],
  index: number,
  options: ProfileOptions = {},
): ColumnProfile {
  const isPlaceholder = options.isPlaceholder ?? defaultPlaceholder;
  const seen = new Set<string>();
  let filled = 0;
  let placeholders = 0;
  let length = 0;
  let words = 0;
  let numeric = 0;
  let files = 0;
  let binary = true;
  let hasOne = false;
  let smallIntegers = true;
  let nonBlank = 0;
  const separators = LIST_SEPARATORS.map(() => 0);
  for (const row of rows) {
    const value = row[index] ?? '';
    if (isBlank(value)) continue;
    const v = value.trim();
    nonBlank += 1;
    countSeparators(v, separators);
    if (v === '1') hasOne = true;
    else if (v !== '0') binary = false;
    if (isPlaceholder(v)) {
      placeholders += 1;
      continue;
    }
    filled += 1;
    length += v.length;
    words += v.split(/\s+/).length;
    if (looksNumeric(v)) numeric += 1;
    if (FILE_NAME.test(v)) files += 1;
    if (!/^-?\d+$/.test(v) || Math.abs(Number(v)) > 10) smallIntegers = false;
    if (seen.size < DISTINCT_CAP) seen.add(v);
  }
  return {
    name,
    label,
    ...(options.answer ? { answer: options.answer } : {}),
    filled,
    placeholders,
    nonBlank,
    listSeparator: separatorFromCounts(separators),
    distinct: seen.size,
    meanLength: filled ? length / filled : 0,
    meanWords: filled ? words / filled : 0,
    numericShare: filled ? numeric / filled : 0,
    fileShare: filled ? files / filled : 0,
    binary: binary && hasOne,
    smallIntegers: smallIntegers && filled > 0,
  };
}

/** Lower case, letters and digits only: `Respondent ID` → `respondentid`. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const ID_NAMES = [
  'respondentid',
  'responseid',
  'respondent',
  'participantid',
  'lfdn',
  'recordid',
  'caseid',
  'id',
];

const GROUP_NAMES = [
  'group',
  'respondentgroup',
  'role',
  'respondenttype',
  'usergroup',
  'segment',
  'cohort',
];

/**
 * Words in a header that make a column of few repeated values the
 * respondent group: who is answering (their group, role or kind), or the
 * body they answer for (an NHS trust, a commission, a department).
 */
const GROUP_HINT =
  /\b(group|role|(respondent|participant|user|stakeholder) type|type of (respondent|participant|user|stakeholder)|stakeholder|describes you|cohort|segment|commission|trust|department|team)\b/i;

/**
 * Column names of facts people filter by rather than groups who answer:
 * where the respondent is, or who they are (local authority, region,
 * school …). Such a column is an attribute, never a proposed group.
 */
const ATTRIBUTE_HINT =
  /\b(local authority|authority|region|area|school|country|county|district|ward|borough|council|city|town|post ?code|location|nation|gender|sex|age|ethnicity)\b/i;
const ATTRIBUTE_ABBREVIATION = /\bL\.?E?As?\b/;

/** Separators in a header read as spaces: `local_authority`. */
function headerWords(text: string): string {
  return text.replace(/[-_.]+/g, ' ');
}

/**
 * The column's name says it is an attribute (`Local authority`, `LA`,
 * `region`) and names no group: a name like "Which best describes you?
 * (parent, school staff)" stays a candidate.
 */
function attributeLike(p: ColumnProfile): boolean {
  const words = headerWords(p.name);
  return (
    (ATTRIBUTE_HINT.test(words) || ATTRIBUTE_ABBREVIATION.test(words)) &&
    !GROUP_HINT.test(words)
  );
}

function groupHinted(p: ColumnProfile): boolean {
  return [p.name, p.label].some((text) => GROUP_HINT.test(headerWords(text)));
}

const CODES_NAMES = ['themes', 'theme', 'codes', 'code', 'tags', 'tag'];

/** One theme name per cell, numbered: `Code 1`, `Code 2`, `theme_3`. */
const CODE_SERIES = /^(codes?|themes?|tags?)[\s_-]*\d+$/i;

/** A theme list named after its coder: `codes_primary`, `Themes (Ann)`. */
const CODE_LIST_OF = /^(?:codes?|themes?|tags?)[\s_.-]+\(?([^()]+?)\)?$/i;

/** Suffixes that describe codes rather than name a coder. */
const NOT_CODERS = new Set([
  'id',
  'ids',
  'name',
  'names',
  'label',
  'labels',
  'description',
  'definition',
  'count',
  'counts',
  'parent',
  'depth',
  'level',
  'group',
  'type',
  'list',
]);

/**
 * The coder a theme-list column is named after (`codes_primary` →
 * `primary`); null for any other name.
 */
export function coderOfCodesColumn(name: string): string | null {
  const suffix = CODE_LIST_OF.exec(name.trim())?.[1]?.trim();
  if (!suffix || /^\d+$/.test(suffix)) return null;
  return NOT_CODERS.has(suffix.toLowerCase()) ? null : suffix;
}

function isCodesColumn(p: ColumnProfile): boolean {
  return (
    CODES_NAMES.includes(squash(p.name)) ||
    CODE_SERIES.test(p.name) ||
    coderOfCodesColumn(p.name) !== null
  );
}

/**
 * Keys and labels of open questions: a column named so is an open question
 * even when its few answers are short.
 */
const OPEN_NAMES = new Set([
  'worked',
  'notworked',
  'change',
  'changes',
  'comment',
  'comments',
  'othercomments',
  'answer',
  'answers',
  'feedback',
  'remarks',
  'suggestions',
  'improve',
  'couldimprove',
  'freetext',
  'opentext',
  'verbatim',
]);

/** Question texts that ask for words rather than a choice. */
const OPEN_HINT =
  /free[\s-]?text|please (describe|explain)|comment|\bwhy\b|\bwhat\b|how could we improve|feedback|suggestion|anything else|in your own words/i;

/** Columns a survey tool adds about the submission, not about the person. */
const METADATA_NAMES = new Set([
  'status',
  'finished',
  'progress',
  'distributionchannel',
  'userlanguage',
  'dispcode',
  'lastpage',
  'quality',
  'tester',
  'collectorid',
  'duration',
  'durationinseconds',
  'browser',
  'referer',
  'sessionid',
  'useragent',
  'ipaddress',
  'externallfdn',
  'devicetype',
  'quota',
  'hflip',
  'vflip',
  'outputmode',
  'cleaned',
  'pagehistory',
  'language',
]);

function nameRank(profile: ColumnProfile, names: readonly string[]): number {
  const ranks = [profile.name, profile.label].map((n) =>
    names.indexOf(squash(n)),
  );
  const found = ranks.filter((r) => r >= 0);
  return found.length ? Math.min(...found) : -1;
}

function isMetadata(p: ColumnProfile): boolean {
  return (
    METADATA_NAMES.has(squash(p.name)) || METADATA_NAMES.has(squash(p.label))
  );
}

/** `ResponseId`, `session_id`, `Respondent ID`: an identifier, not an answer. */
function looksLikeId(name: string): boolean {
  const n = name.trim();
  return (
    /(^|[\s_.-])id$/i.test(n) ||
    /[a-z]I[dD]$/.test(n) ||
    ID_NAMES.includes(squash(n))
  );
}

function looksOpen(p: ColumnProfile): boolean {
  if (p.filled === 0 || p.numericShare > 0.5 || p.fileShare > 0.5) return false;
  if (isMetadata(p) || looksLikeId(p.name)) return false;
  if (OPEN_NAMES.has(squash(p.name)) || OPEN_NAMES.has(squash(p.label)))
    return true;
  const hinted =
    p.answer === 'open' || OPEN_HINT.test(p.label) || OPEN_HINT.test(p.name);
  if (hinted && !looksClosed(p)) return true;
  const varied = p.distinct >= Math.min(p.filled, DISTINCT_CAP) * 0.6;
  const wordy = p.meanWords >= 3 || (p.meanWords >= 2 && p.meanLength >= 20);
  return varied && wordy;
}

/** Few distinct values, each repeated across rows: a choice, not words. */
function looksClosed(p: ColumnProfile): boolean {
  if (p.filled === 0 || isMetadata(p) || looksLikeId(p.name)) return false;
  if (/specify|other|text$/i.test(p.name)) return false;
  // Longer option lists count when each option is picked many times.
  const few =
    p.distinct < p.filled &&
    (p.distinct <= 10 || (p.distinct <= 30 && p.filled >= p.distinct * 5));
  const short = p.meanLength <= 40 || p.filled >= p.distinct * 3;
  const wordsOrScale = p.numericShare === 0 || p.smallIntegers;
  return few && short && wordsOrScale;
}

/**
 * Guesses each column's kind. The id and group columns are found by name
 * (`RespondentID`, `ResponseId`, `lfdn`, `Group`, `Role`, …), else the group
 * is a column of few repeated values under a group-like header (never one
 * named like an attribute: local authority, region, school); theme columns
 * are 0/1 columns (three or more of them), numbered `Code 1`, `Code 2` …
 * columns or columns named themes/codes/tags (`codes_primary`); open
 * questions are varied free text, or columns whose name or question text
 * asks for words; closed items few repeated values.
 */
export function guessKinds(profiles: readonly ColumnProfile[]): ColumnKind[] {
  const kinds: ColumnKind[] = profiles.map(() => 'attribute');
  const idIndex = bestByName(profiles, ID_NAMES);
  if (idIndex >= 0) kinds[idIndex] = 'id';
  const groupIndex = findGroupColumn(profiles, kinds);
  if (groupIndex >= 0) kinds[groupIndex] = 'group';
  const binaryCount = profiles.filter(
    (p, i) => p.binary && kinds[i] === 'attribute',
  ).length;
  profiles.forEach((p, i) => {
    if (kinds[i] !== 'attribute') return;
    if (isCodesColumn(p)) kinds[i] = 'codes';
    else if (p.binary && binaryCount >= 3) kinds[i] = 'codes';
    else if (p.answer === 'choice' && p.filled > 0 && !isMetadata(p))
      kinds[i] = 'closed';
    else if (looksOpen(p)) kinds[i] = 'open';
    // Where people are (local authority, region) is filtered by, not asked.
    else if (looksClosed(p) && !attributeLike(p)) kinds[i] = 'closed';
  });
  if (groupIndex < 0) {
    const fallback = groupByValues(profiles, kinds);
    if (fallback >= 0) kinds[fallback] = 'group';
  }
  return kinds;
}

function bestByName(
  profiles: readonly ColumnProfile[],
  names: readonly string[],
): number {
  let best = -1;
  let bestRank = Infinity;
  profiles.forEach((p, i) => {
    const rank = nameRank(p, names);
    if (rank >= 0 && rank < bestRank && p.filled > 0) {
      best = i;
      bestRank = rank;
    }
  });
  return best;
}

function findGroupColumn(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
): number {
  const byName = bestByName(profiles, GROUP_NAMES);
  if (byName >= 0 && kinds[byName] === 'attribute') return byName;
  return profiles.findIndex(
    (p, i) =>
      kinds[i] === 'attribute' &&
      /describes you|respondent group|\bgroup\b/i.test(headerWords(p.name)) &&
      !attributeLike(p) &&
      p.distinct <= 30,
  );
}

/** 2 to 50 distinct short values, each used by several respondents. */
function groupLike(p: ColumnProfile): boolean {
  return (
    p.distinct >= 2 &&
    p.distinct <= 50 &&
    p.filled >= p.distinct * 2 &&
    p.numericShare <= 0.5 &&
    p.meanLength <= 60 &&
    !isMetadata(p) &&
    !looksLikeId(p.name) &&
    !/question|specify|other/i.test(p.name)
  );
}

/**
 * A group column found by its values: among closed items and attributes,
 * the most answered one that looks like a grouping and whose header names
 * one (role, respondent type, commission, trust, …). A column of where
 * people are (local authority, region, school) is never proposed: with no
 * group-like header the proposal has no group, and the import step asks
 * for one group for the whole file.
 */
function groupByValues(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
): number {
  let best = -1;
  let bestFilled = -1;
  profiles.forEach((p, i) => {
    if (kinds[i] !== 'attribute' && kinds[i] !== 'closed') return;
    if (!groupLike(p) || !groupHinted(p) || attributeLike(p)) return;
    if (p.filled > bestFilled) {
      best = i;
      bestFilled = p.filled;
    }
  });
  return best;
}

/**
 * The mapping the import step pre-selects from the guessed kinds: wide,
 * unless the id repeats from row to row; then long, with a column named
 * like "question" as the question (or the one open column as the question
 * of every row) and the open column as the answer.
 */
export function proposeMapping(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
  headerRows: number,
): Mapping {
  const named = (kind: ColumnKind) =>
    profiles.filter((_, i) => kinds[i] === kind).map((p) => p.name);
  const idProfile = profiles.find((_, i) => kinds[i] === 'id');
  const group = named('group')[0];
  const base: Mapping = {
    layout: 'wide',
    headerRows,
    idColumn: idProfile?.name ?? null,
    group: group ? { column: group } : null,
    codes: null,
  };
  const long =
    idProfile && repeats(idProfile) ? proposeLong(profiles, kinds) : null;
  // Beyond the limit, open columns stay attributes: the user picks.
  const open = named('open').slice(0, MAX_OPEN_QUESTIONS);
  const mapping: Mapping = long
    ? { ...base, ...long }
    : {
        ...base,
        questions: open.map((column) => ({ column })),
        closedColumns: named('closed'),
      };
  mapping.codes = proposeCodes(profiles, kinds, long ? [] : open);
  mapping.attributeColumns = unusedColumns(profiles, mapping);
  return mapping;
}

function repeats(p: ColumnProfile): boolean {
  return p.distinct < p.filled && p.distinct < DISTINCT_CAP;
}

function proposeLong(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
): Partial<Mapping> | null {
  const open = profiles.filter((_, i) => kinds[i] === 'open');
  const text = open.find((p) => !/\bid\b/i.test(p.name)) ?? open[0];
  if (!text) return null;
  const question = profiles.find(
    (p, i) =>
      p !== text &&
      /question/i.test(p.name) &&
      p.distinct <= 50 &&
      kinds[i] !== 'id',
  );
  if (question)
    return {
      layout: 'long',
      questionColumn: question.name,
      textColumn: text.name,
    };
  return open.length === 1
    ? {
        layout: 'long',
        fixedQuestion: { key: text.name, label: text.label },
        textColumn: text.name,
      }
    : null;
}

function unusedColumns(
  profiles: readonly ColumnProfile[],
  m: Mapping,
): string[] {
  const used = new Set<string | null | undefined>([
    m.idColumn,
    m.group && 'column' in m.group ? m.group.column : null,
    m.questionColumn,
    m.textColumn,
    ...(m.questions ?? []).map((q) => q.column),
    ...(m.closedColumns ?? []),
    ...codesSpecs(m.codes).flatMap(specColumns),
  ]);
  return profiles.map((p) => p.name).filter((name) => !used.has(name));
}

/**
 * The codes that come with the file: 1/0 theme columns, numbered code
 * columns, or theme-list columns (one coder each, named after the column's
 * suffix: `codes_primary` is coder `primary`), each list with the
 * separator its cells use. With several open questions the codes belong to
 * the nearest open column to their left.
 */
function proposeCodes(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
  questions: readonly string[],
): Mapping['codes'] {
  const coded = profiles.filter((_, i) => kinds[i] === 'codes');
  if (coded.length === 0) return null;
  const binary = coded.filter((p) => p.binary);
  const series = coded.filter((p) => CODE_SERIES.test(p.name));
  let specs: CodesSpec[];
  if (binary.length >= 3)
    specs = [
      {
        format: 'binary',
        columns: binary.map((p) => ({ column: p.name, theme: p.name })),
      },
    ];
  else if (series.length > 0)
    specs = [{ format: 'columns', columns: series.map((p) => p.name) }];
  else specs = coded.map((p) => listSpec(p, coded.length > 1));
  if (questions.length > 1)
    for (const spec of specs) {
      const at = profiles.findIndex((p) => p.name === specColumns(spec)[0]);
      const before = profiles
        .slice(0, at)
        .filter((p) => questions.includes(p.name));
      spec.question = before[before.length - 1]?.name ?? questions[0];
    }
  return specs.length === 1 ? specs[0] : specs;
}

/** A theme-list column's codes; among several, each has its own coder. */
function listSpec(p: ColumnProfile, several: boolean): CodesSpec {
  const coder = coderOfCodesColumn(p.name) ?? (several ? p.name : null);
  return {
    ...(coder ? { coder } : {}),
    format: 'delimited',
    column: p.name,
    delimiter: p.listSeparator,
  };
}
