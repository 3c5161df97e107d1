import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import type { CodebookImportResult } from '../../shared/api/codebook';
import { neutraliseCell } from '../../shared/spreadsheet';
import { nameKey } from '../../shared/text';
import { inTransaction, type Db } from '../db/open-database';
import { respondentGroups } from '../db/schema';
import { errors, type FileProblem } from '../errors';
import { cleanKeywords } from './codebook-service';
import {
  insertTheme,
  projectThemes,
  updateThemeRow,
  type ThemeRow,
} from './themes-repository';

export const CODEBOOK_COLUMNS = [
  'name',
  'definition',
  'keywords',
  'colour',
  'parent',
  'groups',
  'archived',
] as const;

const LIST_SEPARATOR = '; ';
const COLOUR = /^#[0-9a-f]{6}$/i;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

function groupNames(db: Db, projectId: number): Map<number, string> {
  const rows = db
    .select({ id: respondentGroups.id, name: respondentGroups.name })
    .from(respondentGroups)
    .where(eq(respondentGroups.projectId, projectId))
    .all();
  return new Map(rows.map((g) => [g.id, g.name] as const));
}

/** The codebook as CSV with a UTF-8 BOM (so Excel reads it as UTF-8). */
export function codebookCsv(db: Db, projectId: number): string {
  const themes = projectThemes(db, projectId, { includeArchived: true });
  const names = new Map(themes.map((t) => [t.id, t.name] as const));
  const groups = groupNames(db, projectId);
  const rows = themes.map((t) =>
    [
      t.name,
      t.definition,
      t.keywords.join(LIST_SEPARATOR),
      t.colour,
      t.parentId === null ? '' : (names.get(t.parentId) ?? ''),
      (t.groupIds ?? []).map((id) => groups.get(id) ?? '').join(LIST_SEPARATOR),
      t.archived ? 'yes' : 'no',
    ].map(neutraliseCell),
  );
  return '\ufeff' + stringify([[...CODEBOOK_COLUMNS], ...rows]);
}

/** One data row of an imported codebook; undefined = empty or absent. */
interface CodebookRow {
  row: number;
  name: string;
  definition?: string;
  keywords?: string[];
  colour?: string;
  parent?: string;
  groupIds?: number[];
  archived: boolean;
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (old Excel). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/** Undoes the export's formula neutralisation: `'=x` reads back as `=x`. */
function cellText(value: string | undefined): string {
  const text = (value ?? '').trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function splitList(value: string): string[] {
  return value
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function readRecords(bytes: Buffer, file: string): ParsedRecord[] {
  try {
    return parse(decode(bytes), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw errors.badFile(file, [
      {
        file,
        ...(lines ? { row: lines } : {}),
        message: /quote/i.test((error as Error).message)
          ? 'The CSV could not be read here: a quoted cell is not closed, or a quote appears inside an unquoted cell.'
          : 'The CSV could not be read here: the rows do not follow CSV rules.',
      },
    ]);
  }
}

/** Reads the rows, collecting every problem instead of stopping at one. */
function readRows(
  records: ParsedRecord[],
  file: string,
  groupIdByName: Map<string, number>,
  problems: FileProblem[],
): CodebookRow[] {
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  if (column('name') < 0) {
    problems.push({
      file,
      row: 1,
      column: 'name',
      message: 'The header has no "name" column.',
    });
    return [];
  }

  return records.slice(1).map(({ record, info }) => {
    const row = info.lines;
    const cell = (name: string) => {
      const i = column(name);
      const text = i < 0 ? '' : cellText(record[i]);
      return text === '' ? undefined : text;
    };
    const problem = (columnName: string, message: string) =>
      problems.push({ file, row, column: columnName, message });

    const name = cell('name') ?? '';
    if (name === '') problem('name', 'The theme name is empty.');
    const colour = cell('colour');
    if (colour !== undefined && !COLOUR.test(colour)) {
      problem('colour', `"${colour}" is not a colour like #4e79a7.`);
    }
    const archived = (cell('archived') ?? '').toLowerCase();
    if (!YES.has(archived) && !NO.has(archived)) {
      problem('archived', `"${archived}" is not yes or no.`);
    }
    const groupIds = splitList(cell('groups') ?? '').flatMap((group) => {
      const id = groupIdByName.get(nameKey(group));
      if (id === undefined) {
        problem('groups', `"${group}" is not a respondent group.`);
      }
      return id === undefined ? [] : [id];
    });
    const keywords = cell('keywords');
    return {
      row,
      name,
      definition: cell('definition'),
      keywords: keywords === undefined ? undefined : splitList(keywords),
      colour: colour?.toLowerCase(),
      parent: cell('parent'),
      groupIds: groupIds.length > 0 ? groupIds : undefined,
      archived: YES.has(archived),
    };
  });
}

/** Duplicate names, unknown parents and parent cycles in the file. */
function checkNamesAndParents(
  rows: CodebookRow[],
  existing: Map<string, ThemeRow>,
  file: string,
  problems: FileProblem[],
): void {
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const key = nameKey(r.name);
    const seen = firstRow.get(key);
    if (r.name !== '' && seen !== undefined) {
      problems.push({
        file,
        row: r.row,
        column: 'name',
        message: `"${r.name}" appears twice (first on row ${seen}).`,
      });
    } else firstRow.set(key, r.row);
  }

  const newParent = new Map<string, string>();
  for (const r of rows) {
    if (r.parent === undefined) continue;
    const key = nameKey(r.parent);
    if (!firstRow.has(key) && !existing.has(key)) {
      problems.push({
        file,
        row: r.row,
        column: 'parent',
        message: `The parent "${r.parent}" is not a theme of this codebook.`,
      });
    } else if (!existing.has(nameKey(r.name))) {
      newParent.set(nameKey(r.name), key);
    }
  }

  // Only new themes take a parent from the file, so a cycle can only run
  // through new themes.
  for (const r of rows) {
    const start = nameKey(r.name);
    const visited = new Set<string>();
    let at = newParent.get(start);
    while (at !== undefined && !visited.has(at)) {
      if (at === start) {
        problems.push({
          file,
          row: r.row,
          column: 'parent',
          message: `"${r.name}" would be its own ancestor.`,
        });
        break;
      }
      visited.add(at);
      at = newParent.get(at);
    }
  }
}

function applyRows(
  db: Db,
  projectId: number,
  rows: CodebookRow[],
  existing: Map<string, ThemeRow>,
): CodebookImportResult {
  const created = new Map<string, ThemeRow>();
  let updated = 0;
  for (const r of rows) {
    const theme = existing.get(nameKey(r.name));
    if (!theme) {
      created.set(
        nameKey(r.name),
        insertTheme(db, projectId, {
          name: r.name,
          definition: r.definition ?? '',
          keywords: r.keywords && cleanKeywords(r.keywords),
          colour: r.colour,
          groupIds: r.groupIds ?? null,
        }),
      );
      continue;
    }
    const definition = r.definition ?? theme.definition;
    const keywords = r.keywords ? cleanKeywords(r.keywords) : theme.keywords;
    if (
      definition !== theme.definition ||
      keywords.join('\n') !== theme.keywords.join('\n')
    ) {
      updateThemeRow(db, theme.id, { definition, keywords });
      updated += 1;
    }
  }

  // Parents and archiving second, once every new theme has an id.
  for (const r of rows) {
    const theme = created.get(nameKey(r.name));
    if (!theme || (r.parent === undefined && !r.archived)) continue;
    const parentKey = r.parent === undefined ? null : nameKey(r.parent);
    const parent =
      parentKey === null
        ? null
        : (created.get(parentKey) ?? existing.get(parentKey) ?? null);
    updateThemeRow(db, theme.id, {
      parentId: parent?.id ?? null,
      archived: r.archived,
    });
  }
  return { created: created.size, updated };
}

/**
 * Imports a codebook CSV: new names become themes, known names get their
 * definition and keywords updated. Every problem is reported with its row
 * and column, and then nothing is saved.
 */
export function importCodebookCsv(
  db: Db,
  projectId: number,
  bytes: Buffer,
  file: string,
): CodebookImportResult {
  const records = readRecords(bytes, file);
  const groupIdByName = new Map(
    [...groupNames(db, projectId)].map(([id, name]) => [nameKey(name), id]),
  );
  const existing = new Map(
    projectThemes(db, projectId, { includeArchived: true }).map((t) => [
      nameKey(t.name),
      t,
    ]),
  );
  const problems: FileProblem[] = [];
  const rows = readRows(records, file, groupIdByName, problems);
  checkNamesAndParents(rows, existing, file, problems);
  if (problems.length > 0) throw errors.badFile(file, problems);

  return inTransaction(db, () => applyRows(db, projectId, rows, existing));
}
