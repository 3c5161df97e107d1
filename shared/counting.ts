/**
 * Theme counts: what they count and how, as pure functions. The server
 * counts in SQL (`server/report/counts-repository.ts`); `tallyThemes` is the
 * same rule written plainly, the reference the API tests compare it with.
 */
import type { FinalCodingStatus } from './final-coding';

/** Printed under every count table, chart and export. */
export const COUNT_NOTE =
  'Comments count once in each theme they carry, so percentages can sum past 100%.';

/** Respondents without a group are counted in a group of this name. */
export const NO_GROUP_NAME = '(no group)';

/** One `attr=<name>:<value>` filter on respondent attributes. */
export interface AttributeFilter {
  name: string;
  value: string;
}

/**
 * Parses `name:value` (split at the first colon, so values may hold
 * colons). Returns null when there is no colon or the name is empty.
 */
export function parseAttributeFilter(param: string): AttributeFilter | null {
  const colon = param.indexOf(':');
  if (colon <= 0) return null;
  const name = param.slice(0, colon).trim();
  if (name === '') return null;
  return { name, value: param.slice(colon + 1) };
}

/**
 * Filters grouped by attribute name. A respondent matches when, for every
 * name, their value is one of that name's values: several values of one
 * attribute widen the selection (OR), several attributes narrow it (AND).
 */
export function groupAttributeFilters(
  filters: readonly AttributeFilter[],
): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const { name, value } of filters) {
    const values = byName.get(name) ?? [];
    if (!values.includes(value)) values.push(value);
    byName.set(name, values);
  }
  return byName;
}

/** count as a percentage of base, to one decimal; null when base is 0. */
export function percentOf(count: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.round((count / base) * 1000) / 10;
}

/** The figures of one theme × question × group cell. */
export interface CellFigures {
  count: number;
  /** All substantive comments of the question and group. */
  base: number;
  /** count / base, the reported percentage. */
  percent: number | null;
  /** Substantive comments with a final coding (settled). */
  codedBase: number;
  /**
   * count / codedBase: while coding is partial, the share among the
   * comments already coded, which `percent` understates.
   */
  percentOfCoded: number | null;
}

/**
 * A cell's count with both of its percentages: of every substantive
 * comment (the base the spec reports) and of the coded ones only.
 */
export function cellFigures(
  count: number,
  base: Pick<CellBase, 'comments' | 'coded'>,
): CellFigures {
  return {
    count,
    base: base.comments,
    percent: percentOf(count, base.comments),
    codedBase: base.coded,
    percentOfCoded: percentOf(count, base.coded),
  };
}

/**
 * Whether a theme belongs in a report: every live theme does, zeros
 * included; an archived one (say, merged into another) only while it still
 * counts comments in scope, so emptied themes do not linger as zero rows.
 */
export function isReported(theme: {
  archived: boolean;
  total: number;
}): boolean {
  return !theme.archived || theme.total > 0;
}

/** What the tally needs to know about one comment. */
export interface TalliedComment {
  questionId: number;
  /** null: the respondent has no group. */
  groupId: number | null;
  substantive: boolean;
  status: FinalCodingStatus;
  /** The final coding's themes; null when unreconciled or uncoded. */
  themeIds: readonly number[] | null;
}

/** The bases of one question × group. */
export interface CellBase {
  /** Substantive comments: the base of every percentage. */
  comments: number;
  /** Placeholder answers ("N/A", "nothing"): shown apart, never counted. */
  placeholders: number;
  /** Substantive comments with a final coding. */
  coded: number;
  /** Substantive comments whose coders disagree and no lead decided. */
  unreconciled: number;
  /** Substantive comments nobody has coded yet. */
  uncoded: number;
}

export interface Tally {
  /** Keyed by `cellKey(questionId, groupId)`. */
  bases: Map<string, CellBase>;
  /** Keyed by `cellKey(questionId, groupId, themeId)`. */
  counts: Map<string, number>;
}

/** The map key of a question × group (× theme). */
export function cellKey(
  questionId: number,
  groupId: number | null,
  themeId?: number,
): string {
  const base = `${questionId}/${groupId ?? 'none'}`;
  return themeId === undefined ? base : `${base}/${themeId}`;
}

export function emptyBase(): CellBase {
  return {
    comments: 0,
    placeholders: 0,
    coded: 0,
    unreconciled: 0,
    uncoded: 0,
  };
}

/**
 * Counts comments per theme × question × group. A comment counts once in
 * each theme of its final coding; placeholders and comments without a final
 * coding count in no theme, only in their own base figures.
 */
export function tallyThemes(comments: Iterable<TalliedComment>): Tally {
  const bases = new Map<string, CellBase>();
  const counts = new Map<string, number>();
  for (const comment of comments) {
    const key = cellKey(comment.questionId, comment.groupId);
    const base = bases.get(key) ?? emptyBase();
    bases.set(key, base);
    if (!comment.substantive) {
      base.placeholders += 1;
      continue;
    }
    base.comments += 1;
    if (comment.status === 'unreconciled') base.unreconciled += 1;
    else if (comment.status === 'uncoded') base.uncoded += 1;
    else base.coded += 1;
    for (const themeId of new Set(comment.themeIds ?? [])) {
      const themeKey = cellKey(comment.questionId, comment.groupId, themeId);
      counts.set(themeKey, (counts.get(themeKey) ?? 0) + 1);
    }
  }
  return { bases, counts };
}
