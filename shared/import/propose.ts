/**
 * A first guess at what each column of an uploaded file is, and the mapping
 * the import step pre-selects from those guesses. The user can change all
 * of it; the guesses only save clicks.
 */
import type { ColumnKind, Mapping } from '../api/import';
import { isBlank } from '../text';
import { codesSpecs, specColumns } from './codes-specs';
import { looksNumeric } from './headers';

export interface ColumnProfile {
  name: string;
  label: string;
  /** Non-blank cells. */
  filled: number;
  /** Distinct non-blank values, counted up to a cap. */
  distinct: number;
  /** Mean length of the non-blank values, in characters. */
  meanLength: number;
  /** Mean number of words of the non-blank values. */
  meanWords: number;
  /** Share of non-blank values that are numbers or dates. */
  numericShare: number;
  /** Every non-blank value is 0 or 1 (and at least one is 1). */
  binary: boolean;
  /** Every non-blank value is an integer from -10 to 10. */
  smallIntegers: boolean;
}

const DISTINCT_CAP = 200_000;

/** Profiles column `index` over the data rows. */
export function profileColumn(
  name: string,
  label: string,
  rows: readonly string[][],
  index: number,
): ColumnProfile {
  const seen = new Set<string>();
  let filled = 0;
  let length = 0;
  let words = 0;
  let numeric = 0;
  let binary = true;
  let hasOne = false;
  let smallIntegers = true;
  for (const row of rows) {
    const value = row[index] ?? '';
    if (isBlank(value)) continue;
    const v = value.trim();
    filled += 1;
    length += v.length;
    words += v.split(/\s+/).length;
    if (looksNumeric(v)) numeric += 1;
    if (v === '1') hasOne = true;
    else if (v !== '0') binary = false;
    if (!/^-?\d+$/.test(v) || Math.abs(Number(v)) > 10) smallIntegers = false;
    if (seen.size < DISTINCT_CAP) seen.add(v);
  }
  return {
    name,
    label,
    filled,
    distinct: seen.size,
    meanLength: filled ? length / filled : 0,
    meanWords: filled ? words / filled : 0,
    numericShare: filled ? numeric / filled : 0,
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

const CODES_NAMES = ['themes', 'theme', 'codes', 'code', 'tags', 'tag'];

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
]);

function nameRank(profile: ColumnProfile, names: readonly string[]): number {
  const ranks = [profile.name, profile.label].map((n) =>
    names.indexOf(squash(n)),
  );
  const found = ranks.filter((r) => r >= 0);
  return found.length ? Math.min(...found) : -1;
}

function looksOpen(p: ColumnProfile): boolean {
  if (p.filled === 0 || p.numericShare > 0.5) return false;
  const name = squash(p.name);
  if (METADATA_NAMES.has(name) || name.endsWith('id')) return false;
  const varied = p.distinct >= Math.min(p.filled, DISTINCT_CAP) * 0.6;
  return varied && (p.meanWords >= 4 || p.meanLength >= 25);
}

function looksClosed(p: ColumnProfile): boolean {
  if (p.filled === 0 || METADATA_NAMES.has(squash(p.name))) return false;
  if (/specify|other|text$/i.test(p.name)) return false;
  const few = p.distinct <= 10 && p.distinct < Math.max(p.filled, 4);
  const short = p.meanLength <= 40;
  const wordsOrScale = p.numericShare === 0 || p.smallIntegers;
  return few && short && wordsOrScale;
}

/**
 * Guesses each column's kind. The id and group columns are found by name
 * (`RespondentID`, `ResponseId`, `lfdn`, `Group`, `Role`, …); theme columns
 * are 0/1 columns (three or more of them) or a column named themes/codes;
 * open questions are varied free text; closed items few short values.
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
    if (CODES_NAMES.includes(squash(p.name))) kinds[i] = 'codes';
    else if (p.binary && binaryCount >= 3) kinds[i] = 'codes';
    else if (looksOpen(p)) kinds[i] = 'open';
    else if (looksClosed(p)) kinds[i] = 'closed';
  });
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
      /describes you|respondent group|\bgroup\b/i.test(p.name) &&
      p.distinct <= 30,
  );
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
    codes: proposeCodes(profiles, kinds, named('codes')),
  };
  const long =
    idProfile && repeats(idProfile) ? proposeLong(profiles, kinds) : null;
  const mapping: Mapping = long
    ? { ...base, ...long }
    : {
        ...base,
        questions: named('open').map((column) => ({ column })),
        closedColumns: named('closed'),
      };
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

function proposeCodes(
  profiles: readonly ColumnProfile[],
  kinds: readonly ColumnKind[],
  codeColumns: string[],
): Mapping['codes'] {
  if (codeColumns.length === 0) return null;
  const binary = profiles.filter((p, i) => kinds[i] === 'codes' && p.binary);
  if (binary.length >= 3)
    return {
      format: 'binary',
      columns: binary.map((p) => ({ column: p.name, theme: p.name })),
    };
  const column = codeColumns[0];
  return column ? { format: 'delimited', column, delimiter: '|' } : null;
}
