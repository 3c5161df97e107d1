/**
 * The checks run over every data row before anything is written, so a bad
 * file is refused whole with every problem listed by row and column.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import { isBlank } from '../../shared/text';
import type { FileProblem } from '../errors';
import type { Table } from './read-file';
import type { ResolvedMapping } from './resolve-mapping';
import {
  cell,
  isBlankRow,
  respondentKey,
  rowGroup,
  rowQuestion,
  ticked,
} from './row-values';

/** Beyond this many problems the rest of the file is not checked. */
const MAX_PROBLEMS = 1000;
const YIELD_EVERY_ROWS = 5000;

export async function checkRows(
  table: Table,
  headerRows: number,
  r: ResolvedMapping,
  file: string,
  onRows: (rows: number) => void,
  columnNames: ReadonlySet<string> = new Set(),
): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  if (table.rows.length <= headerRows) {
    problems.push({
      file,
      message: `The file has no data rows below its ${headerRows} header row${headerRows === 1 ? '' : 's'}.`,
    });
    return problems;
  }
  // The message names the row itself; a `row` field would make the
  // client and the command line say it twice.
  for (const { row, cells } of table.ragged)
    problems.push({ file, message: raggedRowMessage(row, cells, table.width) });
  const check =
    r.layout === 'wide'
      ? wideChecker(r, file, columnNames)
      : longChecker(r, file);
  for (let i = headerRows; i < table.rows.length; i += 1) {
    const row = table.rows[i] ?? [];
    if (!isBlankRow(row)) check(row, i + 1, problems);
    if (problems.length >= MAX_PROBLEMS) break;
    if (i % YIELD_EVERY_ROWS === 0) {
      onRows(i);
      await nextTick();
    }
  }
  return problems;
}

function cellCount(n: number): string {
  return `${n.toLocaleString('en-GB')} cell${n === 1 ? '' : 's'}`;
}

/** `Row 3 has 2 cells where the header has 4.` and what to check. */
export function raggedRowMessage(
  row: number,
  cells: number,
  width: number,
): string {
  return `Row ${row} has ${cellCount(cells)} where the header has ${width}. Check the quotes and delimiters on this row.`;
}

type RowCheck = (
  row: readonly string[],
  fileRow: number,
  problems: FileProblem[],
) => void;

/** A wide layout has one row per respondent: an id within its group. */
function wideChecker(
  r: ResolvedMapping,
  file: string,
  columnNames: ReadonlySet<string>,
): RowCheck {
  const firstRowOf = new Map<string, number>();
  return (row, fileRow, problems) => {
    if (r.id) {
      const id = cell(row, r.id.index);
      const group =
        r.group?.kind === 'column'
          ? rowGroup(row, r.group, columnNames).name
          : null;
      const key = respondentKey(id, group);
      const first = firstRowOf.get(key);
      const inGroup = group === null ? '' : ` in group "${group}"`;
      if (isBlank(id))
        problems.push({
          file,
          row: fileRow,
          column: r.id.name,
          message: 'The respondent id is empty.',
        });
      else if (first !== undefined)
        problems.push({
          file,
          row: fileRow,
          column: r.id.name,
          message: `Respondent id "${id}"${inGroup} appears again (first on row ${first}); each respondent needs one row in a wide layout.`,
        });
      else firstRowOf.set(key, fileRow);
    }
    checkCodes(row, fileRow, r, file, problems);
  };
}

function longChecker(r: ResolvedMapping, file: string): RowCheck {
  return (row, fileRow, problems) => {
    if (r.id && isBlank(cell(row, r.id.index)))
      problems.push({
        file,
        row: fileRow,
        column: r.id.name,
        message: 'The respondent id is empty.',
      });
    if (!rowQuestion(row, r)) {
      problems.push({
        file,
        row: fileRow,
        column: r.questionColumn?.name ?? '',
        message: 'The row names no question.',
      });
      return;
    }
    checkCodes(row, fileRow, r, file, problems);
  };
}

function checkCodes(
  row: readonly string[],
  fileRow: number,
  r: ResolvedMapping,
  file: string,
  problems: FileProblem[],
): void {
  for (const codes of r.codes) {
    if (codes.format !== 'binary') continue;
    for (const column of codes.columns) {
      const value = cell(row, column.index);
      if (ticked(value) === null)
        problems.push({
          file,
          row: fileRow,
          column: column.name,
          message: `A theme column should hold 1 (theme applies) or 0/empty, not "${value.slice(0, 40)}".`,
        });
    }
  }
}
