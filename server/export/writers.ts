/**
 * Writes export rows as CSV or XLSX; numbers stay numbers.
 *
 * Formula injection is handled per format, here, so no export can forget
 * it. CSV has no cell types: a spreadsheet opening it guesses, and runs
 * `=…` as a formula, so every CSV text cell goes through `neutraliseCell`.
 * XLSX cells are typed: text is written as a string cell (a shared
 * string), which Excel and LibreOffice never evaluate. A leading `'` there
 * would not be the quote-prefix flag but a visible character, changing the
 * data, so XLSX text is written exactly as stored.
 */
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../shared/spreadsheet';
import type { Cell, Row } from './tables';

/** A CSV cell: text neutralised, numbers as they are. */
function safeCell(cell: Cell): string | number | null {
  return typeof cell === 'string' ? neutraliseCell(cell) : cell;
}

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with one BOM at the start (so Excel
 * reads the encoding), CRLF between records, and any cell holding a comma,
 * quote or line break quoted, its line breaks kept inside the cell.
 */
export function csvStream(rows: Iterable<Row>): Readable {
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    cast: { number: (value) => String(value) },
  });
  return Readable.from(safeRows(rows), { objectMode: true }).pipe(stringifier);
}

function* safeRows(
  rows: Iterable<Row>,
): Generator<Array<string | number | null>> {
  for (const row of rows) yield row.map(safeCell);
}

/** A named sheet of an XLSX workbook. */
export interface Sheet {
  name: string;
  rows: Iterable<Row>;
}

/**
 * An XLSX workbook of these sheets in order, streamed. Text is written as
 * shared strings, never as formulas: exceljs makes a formula only from a
 * `{ formula }` object, and a string cell stays a string whatever it holds
 * (case C12 checks the sheet has no `<f>` element). Not neutralised: see
 * the top of this file.
 */
export function xlsxStream(sheets: readonly Sheet[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  (async () => {
    for (const { name, rows } of sheets) {
      // Excel refuses sheet names longer than 31 characters.
      const sheet = workbook.addWorksheet(name.slice(0, 31));
      for (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * The rows with one more column, `name`, holding `value` on every data
 * row: a CSV has no room for notes, so a filter it was made under travels
 * with each row.
 */
export function* withColumn(
  rows: Iterable<Row>,
  name: string,
  value: string,
): Generator<Row> {
  let header = true;
  for (const row of rows) {
    yield [...row, header ? name : value];
    header = false;
  }
}
