/**
 * Rules for text written into CSV and XLSX files. Export only: stored text
 * and the text shown in the app are never changed by these.
 */

/** First characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralises spreadsheet formula injection (CWE-1236): a text cell whose
 * first character is `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so
 * Excel and LibreOffice show it as text instead of running it. Every text
 * a CSV export writes goes through this; numbers written as numbers
 * (counts, percentages) are not text and are left alone. XLSX exports do
 * not use it: their text cells are typed as strings and never evaluated,
 * and there the `'` would be a visible character (see
 * `server/export/writers.ts`).
 */
export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  return FORMULA_STARTS.has(first) ? `'${value}` : value;
}

/**
 * A file name safe on every system: the project's name reduced to letters,
 * digits and dashes, then what the file holds and today's date, e.g.
 * `poet-2016-codings-long-2024-05-01.csv`.
 */
export function exportFileName(
  projectName: string,
  what: string,
  extension: string,
  date: Date = new Date(),
): string {
  const slug =
    projectName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'project';
  const day = date.toISOString().slice(0, 10);
  return `${slug}-${what}-${day}.${extension}`;
}
