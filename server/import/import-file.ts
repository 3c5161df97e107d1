/**
 * The import capability: preview a file (nothing written) and import it
 * with a mapping (all or nothing, in one transaction). The routes, the
 * command line and the sample loader all come through here.
 */
import { createHash } from 'node:crypto';
import type { ImportReport, Mapping, Preview } from '../../shared/api/import';
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
import { checkRows } from './check-rows';
import { findImportByHash, findProject } from './import-repository';
import { silentProgress, type ProgressReporter } from './progress';
import { readTable, type ReadOptions } from './read-file';
import { resolveMapping } from './resolve-mapping';
import { writeRows } from './write-rows';

export interface PreviewOptions {
  fileName: string;
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
  const profiles = header.map((c, i) =>
    profileColumn(c.name, c.label, data, i),
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
      filled: profiles[index]?.filled ?? 0,
      kind: kinds[index] ?? 'attribute',
    })),
    rows: data.slice(0, PREVIEW_ROWS),
    rowCount: data.length,
    proposedMapping,
  };
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
  projectId: number;
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
  const project = findProject(db, input.projectId);
  if (!project) throw errors.notFound('project', input.projectId);
  refuseRepeatedCoder(mapping);
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  refuseRepeat(db, project.id, contentHash, fileName);

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
  const { resolved, problems } = resolveMapping(mapping, header, fileName);
  if (problems.length === 0)
    problems.push(
      ...(await checkRows(table, mapping.headerRows, resolved, fileName, (n) =>
        progress.rows(n),
      )),
    );
  if (problems.length > 0) throw errors.badFile(fileName, problems);

  progress.phase('writing');
  return inTransaction(db, () => {
    // Checked again inside the transaction: another upload of the same
    // bytes may have finished while this one was being read.
    refuseRepeat(db, project.id, contentHash, fileName);
    return writeRows({
      db,
      project,
      table,
      headerRows: mapping.headerRows,
      columnNames: new Set(header.map((c) => c.name)),
      resolved,
      mapping,
      fileName,
      contentHash,
      onRows: (n) => progress.rows(n),
    });
  });
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
    throw errors.alreadyImported(fileName, earlier.fileName, earlier.createdAt);
}
