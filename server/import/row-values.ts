/**
 * Reading one data row through a resolved mapping: the checks and the
 * writer read cells the same way, so what was checked is what is written.
 */
import { isBlank } from '../../shared/text';
import { questionKey } from '../../shared/import/question-key';
import type { GroupRef, ResolvedMapping } from './resolve-mapping';

export function cell(row: readonly string[], index: number): string {
  return row[index] ?? '';
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => isBlank(c));
}

const TICKED = new Set(['1', '1.0', 'true', 'yes', 'x']);
const UNTICKED = new Set(['', '0', '0.0', 'false', 'no']);

/** A theme column's cell: ticked, not ticked, or null when unreadable. */
export function ticked(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (TICKED.has(v)) return true;
  if (UNTICKED.has(v)) return false;
  return null;
}

/** Theme names of a delimited codes cell, without empty parts. */
export function splitCodes(value: string, delimiter: string): string[] {
  return value
    .split(delimiter)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The question a long-layout row belongs to; null when it names none. */
export function rowQuestion(
  row: readonly string[],
  r: ResolvedMapping,
): { key: string; label: string } | null {
  if (!r.questionColumn) return r.fixedQuestion;
  const value = cell(row, r.questionColumn.index);
  if (isBlank(value)) return null;
  const label = r.questionLabels[value] ?? value.trim();
  return { key: questionKey(value), label };
}

/**
 * The group a respondent's row puts them in. A value the mapping does not
 * map, or an "Other (please specify)" choice whose text sits in another
 * column, is unmapped: it is reported rather than made into a group.
 */
export function rowGroup(
  row: readonly string[],
  group: GroupRef,
  columnNames: ReadonlySet<string>,
): { name: string | null; unmapped: string | null } {
  if (!group) return { name: null, unmapped: null };
  if (group.kind === 'fixed') return { name: group.name, unmapped: null };
  const value = cell(row, group.index).trim();
  if (value === '') return { name: null, unmapped: null };
  if (group.values) {
    const name = group.values[value];
    return name ? { name, unmapped: null } : { name: null, unmapped: value };
  }
  if (isOtherChoice(value, group.name, columnNames))
    return { name: null, unmapped: value };
  return { name: value, unmapped: null };
}

/**
 * One respondent within a file: their id within their group. The same id
 * in two groups is two respondents (groups' files are often each numbered
 * from P001).
 */
export function respondentKey(id: string, group: string | null): string {
  return `${group ?? ''}\u0000${id}`;
}

function isOtherChoice(
  value: string,
  column: string,
  columnNames: ReadonlySet<string>,
): boolean {
  return (
    columnNames.has(`${column} — ${value}`) ||
    /^other\b.*\bspecify\b/i.test(value)
  );
}
