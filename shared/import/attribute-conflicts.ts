/**
 * In a long layout a respondent has several rows, and an attribute column
 * can hold a different value on each (`respondent_subset` says who was
 * asked each question). A respondent keeps one value per attribute, so the
 * preview and the import say which columns lose values, and for how many.
 */
import { isBlank } from '../text';

export interface AttributeColumn {
  index: number;
  name: string;
}

export interface AttributeConflict {
  column: string;
  /** Respondents whose rows hold two or more different values. */
  respondents: number;
}

/**
 * The attribute columns whose non-blank values differ between the rows of
 * one respondent, with how many respondents that happens to. `respondentOf`
 * names the respondent of a data row (null to skip the row); rows before
 * `from` are header rows.
 */
export function attributeConflicts(
  rows: readonly (readonly string[])[],
  from: number,
  respondentOf: (row: readonly string[]) => string | null,
  columns: readonly AttributeColumn[],
): AttributeConflict[] {
  if (columns.length === 0) return [];
  const first = new Map<string, Array<string | undefined>>();
  const conflicted = columns.map(() => new Set<string>());
  for (let r = from; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    const respondent = respondentOf(row);
    if (respondent === null) continue;
    let values = first.get(respondent);
    if (!values) {
      values = columns.map(() => undefined);
      first.set(respondent, values);
    }
    columns.forEach((column, i) => {
      const value = row[column.index] ?? '';
      if (isBlank(value)) return;
      const kept = values[i];
      if (kept === undefined) values[i] = value.trim();
      else if (kept !== value.trim()) conflicted[i]?.add(respondent);
    });
  }
  return columns.flatMap((column, i) => {
    const respondents = conflicted[i]?.size ?? 0;
    return respondents > 0 ? [{ column: column.name, respondents }] : [];
  });
}

/** The sentence saying a column keeps only one of its values. */
export function attributeConflictWarning(conflict: AttributeConflict): string {
  const n = conflict.respondents;
  const who = `${n.toLocaleString('en-GB')} respondent${n === 1 ? '' : 's'}`;
  return `The attribute column "${conflict.column}" has different values on the rows of ${who}; each respondent keeps the first value.`;
}
