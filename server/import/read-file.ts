/**
 * Reads an uploaded file into rows of text cells: CSV in any of the
 * encodings survey tools and Excel write (detected, or as the user says),
 * with its delimiter detected, or one sheet of an XLSX workbook.
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse, type Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { MAX_COLUMNS } from '../../shared/api/import';
import { normaliseLineBreaks } from '../../shared/text';
import { errors } from '../errors';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** Every row of the file, header rows included, cells as text. */
  rows: string[][];
  /** 1-based rows (records) of the file whose cell count differs. */
  ragged: Array<{ row: number; cells: number }>;
  width: number;
}

export interface ReadOptions {
  fileName: string;
  sheet?: string | undefined;
  delimiter?: string | undefined;
  encoding?: string | undefined;
  /** Called every few thousand rows; the reader yields to the event loop. */
  onRows?: (rows: number) => void;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const YIELD_EVERY_CHARS = 1 << 20;

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function refuse(fileName: string, message: string): never {
  throw errors.badFile(fileName, [{ file: fileName, message }]);
}

const NOT_A_TABLE =
  'This does not look like a table. Verbatim reads a CSV or tab-separated text file, or an XLSX workbook, with a header row of column names and then one row per respondent (or per answer).';

export async function readTable(
  bytes: Buffer,
  options: ReadOptions,
): Promise<Table> {
  if (bytes.length === 0) refuse(options.fileName, 'The file is empty.');
  if (startsWith(bytes, OLE))
    refuse(
      options.fileName,
      'This is an old Excel (.xls) workbook. Save it as .xlsx or CSV and upload that.',
    );
  const table = startsWith(bytes, ZIP)
    ? await readXlsx(bytes, options)
    : await readCsv(bytes, options);
  if (table.rows.every((row) => row.every((cell) => cell.trim() === '')))
    refuse(options.fileName, 'The file is empty.');
  if (table.width > MAX_COLUMNS)
    refuse(
      options.fileName,
      `The file has ${table.width.toLocaleString('en-GB')} columns; Verbatim reads files of at most ${MAX_COLUMNS.toLocaleString('en-GB')} columns. Keep the columns you need and upload that.`,
    );
  if (table.format === 'csv' && !looksLikeTable(table))
    refuse(options.fileName, NOT_A_TABLE);
  return table;
}

/**
 * False for text that is not a table: one or two columns under a header
 * that is a sentence, a header of phrases over rows that all differ from
 * it in cell count, or rows whose cell counts mostly differ from the
 * header's.
 */
function looksLikeTable(table: Table): boolean {
  const header = table.rows[0] ?? [];
  const sentence = header.some((cell) => cell.trim().length > 80);
  if (table.width <= 2 && sentence) return false;
  const data = table.rows.length - 1;
  const wordy = header.some((cell) => cell.trim().split(/\s+/).length >= 6);
  if (wordy && data >= 2 && table.ragged.length === data) return false;
  return !(data >= 5 && table.ragged.length > data / 2);
}

/** Encodings chardet may name that we decode as Windows-1252. */
const WESTERN = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252', 'ASCII']);

/**
 * The file's encoding: from its byte-order mark; UTF-8 when the bytes are
 * valid UTF-8; Mac-Roman when bytes Windows-1252 leaves undefined occur;
 * otherwise what chardet finds, Windows-1252 for the Western guesses.
 */
export function detectEncoding(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (isUtf8(bytes)) return 'utf-8';
  if (bytes.some((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90))
    return 'macintosh';
  const guess = chardet.detect(bytes.subarray(0, 1 << 16));
  if (!guess || WESTERN.has(guess) || !iconv.encodingExists(guess))
    return 'windows-1252';
  if (guess.startsWith('UTF')) return 'windows-1252';
  return guess.toLowerCase();
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Buffer, encoding: string, fileName: string): string {
  const unknown = `Unknown text encoding "${encoding}".`;
  if (!iconv.encodingExists(encoding))
    throw errors.badFile(fileName, [{ file: fileName, message: unknown }]);
  // iconv-lite strips a leading BOM by default.
  return iconv.decode(bytes, encoding);
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter whose first records have the most consistent, and then the
 * most, cells.
 */
export function detectDelimiter(text: string): string {
  const end = text.lastIndexOf('\n', 1 << 16);
  const sample = end > 0 ? text.slice(0, end) : text.slice(0, 1 << 16);
  let best = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const records = sampleRecords(sample, delimiter);
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const same = records.filter((r) => r.length === width).length;
    const score = (same / records.length) * 1000 + width;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function sampleRecords(sample: string, delimiter: string): string[][] {
  try {
    return parseSync(sample, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: 30,
    });
  } catch {
    return [];
  }
}

async function readCsv(bytes: Buffer, options: ReadOptions): Promise<Table> {
  const encoding = options.encoding ?? detectEncoding(bytes);
  const text = decode(bytes, encoding, options.fileName);
  // Text files hold no NUL characters: a PDF, an image or a zip does.
  if (text.slice(0, 1 << 16).includes('\u0000'))
    refuse(options.fileName, NOT_A_TABLE);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const { rows, ragged, width } = await parseCsvEitherQuoting(
    text,
    delimiter,
    options,
  );
  return {
    format: 'csv',
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    rows,
    ragged,
    width,
  };
}

type ParsedCsv = Pick<Table, 'rows' | 'ragged' | 'width'>;

/**
 * RFC 4180 doubles a quote inside a quoted cell; some tools write \"
 * instead. Read the standard way first and, only when that fails on a
 * quote, try backslash escapes before reporting the first failure.
 */
async function parseCsvEitherQuoting(
  text: string,
  delimiter: string,
  options: ReadOptions,
): Promise<ParsedCsv> {
  try {
    return await parseCsv(text, delimiter, options, '"');
  } catch (standardFailure) {
    if (!text.includes('\\"')) throw standardFailure;
    try {
      return await parseCsv(text, delimiter, options, '\\');
    } catch {
      throw standardFailure;
    }
  }
}

async function parseCsv(
  text: string,
  delimiter: string,
  options: ReadOptions,
  escape: string,
): Promise<ParsedCsv> {
  const rows: string[][] = [];
  const ragged: Table['ragged'] = [];
  let width = -1;
  const parser: Parser = parse({
    delimiter,
    escape,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) {
      const cells = record.map(normaliseLineBreaks);
      if (width < 0) width = cells.length;
      else if (cells.length !== width)
        ragged.push({ row: rows.length + 1, cells: cells.length });
      rows.push(cells);
    }
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // A bad quote makes write() throw and the parser emit 'error' at once;
  // the catch below reports it, so the rejection must not go unhandled.
  finished.catch(() => undefined);
  try {
    for (let at = 0; at < text.length; at += YIELD_EVERY_CHARS) {
      parser.write(text.slice(at, at + YIELD_EVERY_CHARS));
      options.onRows?.(rows.length);
      await nextTick();
    }
    parser.end();
    await finished;
  } catch (error) {
    throw errors.badFile(options.fileName, [
      {
        file: options.fileName,
        row: csvLine(error) ?? rows.length + 1,
        message: `The CSV could not be read here: ${csvReason(error)}`,
      },
    ]);
  }
  return { rows, ragged, width: Math.max(width, 0) };
}

/** The line csv-parse stopped at, when it says. */
function csvLine(error: unknown): number | undefined {
  const lines = (error as { lines?: unknown } | null)?.lines;
  return typeof lines === 'number' && lines > 0 ? lines : undefined;
}

function csvReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/quote/i.test(message))
    return 'a quoted cell is not closed, or a quote appears inside an unquoted cell.';
  return message.replace(/^Invalid \w+:\s*/, '');
}

async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw errors.badFile(options.fileName, [
      {
        file: options.fileName,
        message: 'The file looks like an XLSX workbook but cannot be opened.',
      },
    ]);
  }
  const sheets = workbook.worksheets.map((ws) => ws.name);
  const name = options.sheet ?? sheets[0];
  const sheet = workbook.worksheets.find((ws) => ws.name === name);
  if (!sheet || name === undefined)
    throw errors.badFile(options.fileName, [
      {
        file: options.fileName,
        message: options.sheet
          ? `The workbook has no sheet "${options.sheet}". Its sheets: ${sheets.join(', ')}.`
          : 'The workbook has no sheets.',
      },
    ]);
  const rows = await sheetRows(sheet, options);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const row of rows) while (row.length < width) row.push('');
  return {
    format: 'xlsx',
    encoding: 'utf-8',
    delimiter: null,
    sheets,
    sheet: name,
    rows,
    ragged: [],
    width,
  };
}

async function sheetRows(
  sheet: ExcelJS.Worksheet,
  options: ReadOptions,
): Promise<string[][]> {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = normaliseLineBreaks(cellText(cell.value));
    });
    while (cells.length > 0 && (cells[cells.length - 1] ?? '') === '')
      cells.pop();
    rows.push(cells);
    if (r % 5000 === 0) {
      options.onRows?.(r);
      await nextTick();
    }
  }
  // Blank rows at the end (Google Sheets pads sheets to 1,000 rows) and
  // blank rows between the data are not rows of the survey.
  return rows.filter((cells) => cells.some((c) => c.trim() !== ''));
}

/** The text of a cell: rich text joined, a formula's cached result. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return value.error;
  return '';
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
