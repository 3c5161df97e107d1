/**
 * The import capability: preview a file (nothing written) and import it
 * with a mapping (all or nothing, in one transaction). The routes, the
 * command line and the sample loader all come through here.
 */
import { createHash } from 'node:crypto';
import {
  MAX_OPEN_QUESTIONS,
  type ColumnKind,
  type ImportReport,
  type Mapping,
  type Preview,
} from '../../shared/api/import';
import {
  attributeConflicts,
  attributeConflictWarning,
  type AttributeColumn,
} from '../../shared/import/attribute-conflicts';
import { DEFAULT_PLACEHOLDERS, placeholderMatcher } from '../../shared/text';
import { codesSpecs, repeatedCoder } from '../../shared/import/codes-specs';
import { columnNames, detectHeaderRows } from '../../shared/import/headers';
import {
  guessKinds,
  profileColumn,
  proposeMapping,
} from '../../shared/import/propose';
import type { Db } from '../db/open-database';
import { inTransaction } from '../db/open-database';
import { errors } from '../errors';
import { checkRows, raggedRowMessage } from './check-rows';
import { cell, isBlankRow, respondentKey, rowGroup } from './row-values';
import {
  createProject,
  findImportByHash,
  findProject,
  type ProjectRow,
} from './import-repository';
import { silentProgress, type ProgressReporter } from './progress';
import { readTable, type ReadOptions, type Table } from './read-file';
import { resolveMapping, type ResolvedMapping } from './resolve-mapping';
import { writeRows } from './write-rows';

export interface PreviewOptions {
  fileName: string;
  /** The project's placeholder list; the default list when absent. */
  placeholders?: readonly string[] | undefined;
  sheet?: string | undefined;
  headerRows?: number | undefined;
  delimiter?: string | undefined;
  encoding?: string | undefined;
}

const PREVIEW_ROWS = 10;
const SAMPLES = 5;

/** Reads the file and proposes a mapping; writes nothing. */
export async function previewFile(
  bytes: Buffer,
  options: PreviewOptions,
): Promise<Preview> {
  const table = await readTable(bytes, readOptions(options));
  const headerRows = options.headerRows ?? detectHeaderRows(table.rows);
  const header = columnNames(table.rows.slice(0, headerRows), table.width);
  const data = table.rows.slice(headerRows);
  const isPlaceholder = placeholderMatcher(
    options.placeholders ?? DEFAULT_PLACEHOLDERS,
  );
  const profiles = header.map((c, i) =>
    profileColumn(c.name, c.label, data, i, {
      answer: c.answer,
      isPlaceholder,
    }),
  );
  const kinds = guessKinds(profiles);
  const proposedMapping = proposeMapping(profiles, kinds, headerRows);
  if (table.format === 'xlsx' && table.sheet)
    proposedMapping.sheet = table.sheet;
  if (table.delimiter) proposedMapping.delimiter = table.delimiter;
  return {
    fileName: options.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRows,
    columns: header.map((c, index) => ({
      index,
      name: c.name,
      label: c.label,
      samples: samplesOf(data, index),
      filled: profiles[index]?.nonBlank ?? 0,
      kind: kinds[index] ?? 'attribute',
      listSeparator: profiles[index]?.listSeparator ?? '|',
    })),
    rows: data.slice(0, PREVIEW_ROWS),
    rowCount: data.length,
    proposedMapping,
    warnings: [
      ...previewWarnings(table, kinds),
      ...proposalConflicts(table, header, proposedMapping),
    ],
  };
}

/**
 * The proposed long layout's attribute columns whose values differ on one
 * respondent's rows (the same check the import makes).
 */
function proposalConflicts(
  table: Table,
  header: readonly { name: string }[],
  m: Mapping,
): string[] {
  if (m.layout !== 'long' || !m.idColumn) return [];
  const indexOf = (name: string) => header.findIndex((c) => c.name === name);
  const idIndex = indexOf(m.idColumn);
  const groupIndex =
    m.group && 'column' in m.group ? indexOf(m.group.column) : -1;
  const columns = (m.attributeColumns ?? []).map((name) => ({
    name,
    index: indexOf(name),
  }));
  return attributeConflicts(
    table.rows,
    m.headerRows,
    (row) =>
      isBlankRow(row)
        ? null
        : respondentKey(
            cell(row, idIndex),
            groupIndex < 0 ? null : cell(row, groupIndex).trim() || null,
          ),
    columns.filter((c) => c.index >= 0),
  ).map(attributeConflictWarning);
}

/** The import's own warnings: attribute values a long layout drops. */
function importWarnings(
  table: Table,
  headerRows: number,
  r: ResolvedMapping,
  columnNames: ReadonlySet<string>,
): string[] {
  const id = r.id;
  if (r.layout !== 'long' || !id) return [];
  const columns: AttributeColumn[] = r.attributes;
  return attributeConflicts(
    table.rows,
    headerRows,
    (row) =>
      isBlankRow(row)
        ? null
        : respondentKey(
            cell(row, id.index),
            rowGroup(row, r.group, columnNames).name,
          ),
    columns,
  ).map(attributeConflictWarning);
}

const MAX_RAGGED_WARNINGS = 5;

/** What the preview cannot show as it is in the file, in sentences. */
function previewWarnings(table: Table, kinds: readonly ColumnKind[]): string[] {
  const warnings = table.ragged
    .slice(0, MAX_RAGGED_WARNINGS)
    .map(({ row, cells }) =>
      cells > table.width
        ? `${raggedRowMessage(row, cells, table.width)} The extra cells are not shown, and the import will refuse the file until the row is fixed.`
        : `${raggedRowMessage(row, cells, table.width)} The import will refuse the file until the row is fixed.`,
    );
  const more = table.ragged.length - MAX_RAGGED_WARNINGS;
  if (more > 0)
    warnings.push(
      `${more.toLocaleString('en-GB')} more row${more === 1 ? '' : 's'} have a different number of cells from the header.`,
    );
  const open = kinds.filter((k) => k === 'open').length;
  if (open > MAX_OPEN_QUESTIONS)
    warnings.push(
      `${open.toLocaleString('en-GB')} columns look like open questions; only the first ${MAX_OPEN_QUESTIONS} are chosen, as one import takes at most ${MAX_OPEN_QUESTIONS}.`,
    );
  if (open === 0 && !kinds.includes('codes'))
    warnings.push(
      'No column looks like an open question: choose the columns of free-text answers below.',
    );
  return warnings;
}

function readOptions(options: PreviewOptions): ReadOptions {
  return {
    fileName: options.fileName,
    sheet: options.sheet,
    delimiter: options.delimiter,
    encoding: options.encoding,
  };
}

function samplesOf(data: readonly string[][], index: number): string[] {
  const samples: string[] = [];
  for (const row of data) {
    const value = row[index] ?? '';
    if (value.trim() !== '' && !samples.includes(value)) samples.push(value);
    if (samples.length >= SAMPLES) break;
  }
  return samples;
}

export interface ImportInput {
  /** The project to import into … */
  projectId?: number;
  /** … or the name of a project to create with the import, atomically. */
  newProjectName?: string;
  fileName: string;
  bytes: Buffer;
  mapping: Mapping;
  progress?: ProgressReporter;
}

/**
 * Imports a file with a mapping: checks every row first, then writes it all
 * in one transaction. A bad file throws `bad_file` listing its problems;
 * the same bytes imported twice into a project throw `already_imported`.
 */
export async function importFile(
  db: Db,
  input: ImportInput,
): Promise<ImportReport> {
  const progress = input.progress ?? silentProgress;
  try {
    const report = await runImport(db, input, progress);
    progress.phase('done');
    return report;
  } catch (error) {
    progress.phase('failed');
    throw error;
  }
}

async function runImport(
  db: Db,
  input: ImportInput,
  progress: ProgressReporter,
): Promise<ImportReport> {
  const { fileName, mapping } = input;
  const existing = targetProject(db, input);
  refuseRepeatedCoder(mapping);
  refuseTooManyQuestions(mapping);
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  if (existing) refuseRepeat(db, existing.id, contentHash, fileName);

  progress.phase('reading');
  const table = await readTable(input.bytes, {
    fileName,
    sheet: mapping.sheet,
    delimiter: mapping.delimiter,
    encoding: mapping.encoding,
  });
  progress.phase(
    'parsing',
    Math.max(table.rows.length - mapping.headerRows, 0),
  );
  const header = columnNames(
    table.rows.slice(0, mapping.headerRows),
    table.width,
  );
  const names = new Set(header.map((c) => c.name));
  const { resolved, problems } = resolveMapping(
    mapping,
    header,
    fileName,
    (index) => columnCells(table, mapping.headerRows, index),
  );
  if (problems.length === 0)
    problems.push(
      ...(await checkRows(
        table,
        mapping.headerRows,
        resolved,
        fileName,
        (n) => progress.rows(n),
        names,
      )),
    );
  if (problems.length > 0) throw errors.badFile(fileName, problems);
  const warnings = importWarnings(table, mapping.headerRows, resolved, names);

  progress.phase('writing');
  return inTransaction(db, () => {
    // A new project is created here, so a failed import leaves none behind.
    const project = existing ?? createProject(db, input.newProjectName ?? '');
    // Checked again inside the transaction: another upload of the same
    // bytes may have finished while this one was being read.
    refuseRepeat(db, project.id, contentHash, fileName);
    return writeRows({
      db,
      project,
      table,
      headerRows: mapping.headerRows,
      columnNames: names,
      resolved,
      mapping,
      fileName,
      contentHash,
      warnings,
      onRows: (n) => progress.rows(n),
    });
  });
}

function* columnCells(
  table: Table,
  headerRows: number,
  index: number,
): Generator<string> {
  for (let i = headerRows; i < table.rows.length; i += 1)
    yield cell(table.rows[i] ?? [], index);
}

/** The existing project to import into; null when one is to be created. */
function targetProject(db: Db, input: ImportInput): ProjectRow | null {
  if (input.projectId === undefined) {
    if (!input.newProjectName?.trim())
      throw errors.validation('Say which project to import into.');
    return null;
  }
  const project = findProject(db, input.projectId);
  if (!project) throw errors.notFound('project', input.projectId);
  return project;
}

/** The project page lists every question: keep their number sensible. */
function refuseTooManyQuestions(mapping: Mapping): void {
  const count =
    mapping.layout === 'wide' ? (mapping.questions ?? []).length : 0;
  if (count > MAX_OPEN_QUESTIONS)
    throw errors.validation(
      `The mapping names ${count.toLocaleString('en-GB')} open questions; one import takes at most ${MAX_OPEN_QUESTIONS}. Choose the columns of free-text answers, and map the rest as attributes or closed items.`,
      { field: 'mapping', path: 'questions', limit: MAX_OPEN_QUESTIONS },
    );
}

/** Each coder's codes come from one spec, so no coding is split in two. */
function refuseRepeatedCoder(mapping: Mapping): void {
  const coder = repeatedCoder(codesSpecs(mapping.codes), mapping.layout);
  if (coder !== null)
    throw errors.validation(
      `The mapping gives the codes of several columns to the same coder "${coder}": give each coder’s codes their own coder name.`,
      { field: 'mapping', path: 'codes', coder },
    );
}

function refuseRepeat(
  db: Db,
  projectId: number,
  contentHash: string,
  fileName: string,
): void {
  const earlier = findImportByHash(db, projectId, contentHash);
  if (earlier)
    throw errors.alreadyImported(
      fileName,
      earlier.fileName,
      readableTime(earlier.createdAt),
    );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2026-12-03 17:26:05` (SQLite's UTC timestamp) or an ISO time as
 * `3 December 2026, 17:26 UTC`; anything else as it is.
 */
export function readableTime(stamp: string): string {
  const iso = /^\d{4}-\d\d-\d\d \d/.test(stamp)
    ? `${stamp.replace(' ', 'T')}Z`
    : stamp;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return stamp;
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
