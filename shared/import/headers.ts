/**
 * Header rows of survey exports: how many there are, and the column names
 * they give. Survey tools write one (Google Forms, EFS CSV), two
 * (SurveyMonkey; Qualtrics legacy) or three header rows (Qualtrics with its
 * ImportId row; EFS XLSX).
 */

/** Sub-labels SurveyMonkey writes under a question that add nothing. */
const PLAIN_SUB_LABELS = new Set(['response', 'open-ended response']);

const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

/** Numbers, dates and times as exporters write them. */
export function looksNumeric(value: string): boolean {
  const v = value.trim();
  return v !== '' && /^[-+]?[\d\s.,:/-]*\d[\d\s.,:/-]*(\s?[AP]M)?$/i.test(v);
}

function isBlankCell(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/**
 * Decides whether row `index` (0-based, at least 1) is one more header row,
 * given the rows that follow it.
 */
function isHeaderRow(rows: readonly string[][], index: number): boolean {
  const row = rows[index];
  if (!row) return false;
  if (row.some((cell) => IMPORT_ID.test(cell.trim()))) return true;
  if (row.some((cell) => PLAIN_SUB_LABELS.has(cell.trim().toLowerCase())))
    return true;
  if (repeatsColumnName(rows, index)) return true;
  return contradictsNumericColumns(rows, index);
}

/**
 * Qualtrics repeats some variable names (`ResponseId`) in its question-text
 * row; a data row holds such a value only if the data below do too.
 */
function repeatsColumnName(rows: readonly string[][], index: number): boolean {
  const row = rows[index] ?? [];
  const first = rows[0] ?? [];
  const below = rows.slice(index + 1, index + 51);
  return row.some((cell, col) => {
    const value = cell.trim();
    if (value === '' || value !== first[col]?.trim()) return false;
    return !below.some((r) => r[col]?.trim() === value);
  });
}

/**
 * True when, in the columns whose data are numbers or dates, this row holds
 * words instead: a question-text or label row above the data.
 */
function contradictsNumericColumns(
  rows: readonly string[][],
  index: number,
): boolean {
  const row = rows[index] ?? [];
  const data = rows.slice(Math.max(index + 1, 3), Math.max(index + 1, 3) + 50);
  const sample = data.length > 0 ? data : rows.slice(index + 1);
  if (sample.length === 0) return false;
  let numericColumns = 0;
  let contradicted = 0;
  for (let col = 0; col < row.length; col += 1) {
    const cell = row[col] ?? '';
    if (isBlankCell(cell)) continue;
    const values = sample
      .map((r) => r[col] ?? '')
      .filter((v) => !isBlankCell(v));
    if (values.length === 0) continue;
    const numeric = values.filter(looksNumeric).length;
    if (numeric / values.length < 0.8) continue;
    numericColumns += 1;
    if (!looksNumeric(cell)) contradicted += 1;
  }
  return numericColumns > 0 && contradicted / numericColumns >= 0.5;
}

/**
 * How many header rows the file starts with (1–3), judged from its first
 * rows: an ImportId row means three; SurveyMonkey's `Response` row, a row
 * repeating the variable names, or words where the data hold numbers and
 * dates mean one more.
 */
export function detectHeaderRows(rows: readonly string[][]): number {
  if (rows[2]?.some((cell) => IMPORT_ID.test(cell.trim()))) return 3;
  let count = 1;
  while (count < 3 && rows.length > count + 1 && isHeaderRow(rows, count))
    count += 1;
  return count;
}

export interface HeaderColumn {
  /** Unique, non-empty: what a mapping names the column by. */
  name: string;
  /** The question text, when a header row holds one; else the name. */
  label: string;
  /**
   * What the header rows say the answers are: SurveyMonkey's
   * `Open-Ended Response` or a Qualtrics text entry (`QID2_TEXT`) is open,
   * SurveyMonkey's plain `Response` a choice.
   */
  answer?: 'open' | 'choice';
}

const IMPORT_ID_VALUE = /"ImportId"\s*:\s*"([^"]*)"/;

/** What the header rows say column `index` holds, if they say. */
function answerKindOf(
  headerRows: readonly string[][],
  index: number,
): HeaderColumn['answer'] {
  for (const row of headerRows) {
    const cell = (row[index] ?? '').trim();
    const importId = IMPORT_ID_VALUE.exec(cell)?.[1];
    if (importId) return /_TEXT$/i.test(importId) ? 'open' : undefined;
    const sub = cell.toLowerCase();
    if (sub === 'open-ended response') return 'open';
    if (sub === 'response') return 'choice';
  }
  return undefined;
}

/**
 * Column names from the header rows. SurveyMonkey style (a `Response` row):
 * a blank top cell continues the question to its left, and a sub-label
 * other than Response/Open-Ended Response is appended after ` — `. Other
 * multi-row headers (Qualtrics, EFS) keep the top row as the name and the
 * second row as the label. Blank names become `Column N`; repeated names
 * get a ` (2)`, ` (3)` … suffix.
 */
export function columnNames(
  headerRows: readonly string[][],
  width: number,
): HeaderColumn[] {
  const top = headerRows[0] ?? [];
  const second = headerRows[1];
  const subLabelStyle =
    second?.some((c) => PLAIN_SUB_LABELS.has(c.trim().toLowerCase())) ?? false;
  const raw: HeaderColumn[] = [];
  let question = '';
  for (let i = 0; i < width; i += 1) {
    const cell = clean(top[i]);
    const sub = clean(second?.[i]);
    if (subLabelStyle) {
      if (cell !== '') question = cell;
      const plain = sub === '' || PLAIN_SUB_LABELS.has(sub.toLowerCase());
      const name =
        question === '' ? sub : plain ? question : `${question} — ${sub}`;
      raw.push({ name, label: question || sub });
    } else {
      const name = cell !== '' ? cell : sub;
      raw.push({
        name,
        label: sub !== '' && !IMPORT_ID.test(sub) ? sub : name,
      });
    }
  }
  const named = deduplicate(raw);
  return named.map((c, i) => {
    const answer = answerKindOf(headerRows, i);
    return answer ? { ...c, answer } : c;
  });
}

/** Header text on one line, trimmed, without a byte-order mark. */
function clean(value: string | undefined): string {
  return (value ?? '')
    .replace(/^\ufeff/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function deduplicate(columns: HeaderColumn[]): HeaderColumn[] {
  const taken = new Set<string>();
  const named = columns.map((c, i) => ({
    ...c,
    name: c.name === '' ? `Column ${i + 1}` : c.name,
  }));
  for (const c of named) taken.add(c.name);
  const seen = new Set<string>();
  return named.map((c) => {
    if (!seen.has(c.name)) {
      seen.add(c.name);
      return { name: c.name, label: c.label || c.name };
    }
    let n = 2;
    while (taken.has(`${c.name} (${n})`)) n += 1;
    const name = `${c.name} (${n})`;
    taken.add(name);
    seen.add(name);
    return { name, label: c.label || c.name };
  });
}
