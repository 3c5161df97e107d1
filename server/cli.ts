/**
 * The command line: `npm run verbatim -- <command>`. It does what the API
 * does, through the same modules, and prints errors as sentences (never a
 * stack trace), exiting non-zero on failure.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport, Mapping } from '../shared/api/import';
import { openDatabase, type Db } from './db/open-database';
import { AppError } from './errors';
import { importFile, previewFile } from './import/import-file';
import { newAndMatched, plural } from '../shared/wording';
import {
  findProject,
  findProjectByIdOrName,
  listProjects,
  type ProjectRow,
} from './import/import-repository';

const USAGE = `Usage:
  npm run verbatim -- projects [--db <file>]
  npm run verbatim -- import <file> --project <name or id> [options]

Import options:
  --create                 create the project when there is none of that name
  --group <name>           one respondent group for the whole file
  --group-column <col>     the column holding each respondent's group
  --id-column <col>        the column of respondent ids (default: proposed)
  --questions <c1,c2,…>    the open-question columns (wide layout)
  --layout long            one row per answer, with:
  --question-column <col>  the column naming each row's question
  --text-column <col>      the column holding the answer
  --codes-column <col>     a column of existing codes, separated by the
                           most frequent of | ; , in its cells (| if none)
  --coder <name>           whose codes those are (default: imported)
                           Repeat the pair for several coders' codes side by
                           side: --codes-column a --coder ann
                           --codes-column b --coder ben (names must differ).
                           An empty codes cell means that coder did not code
                           the answer.
  --header-rows <n>        1, 2 or 3 (default: detected)
  --sheet <name>           the XLSX sheet (default: the first)
  --json                   print the import report as JSON
  --db <file>              the database (default: $VERBATIM_DB or data/verbatim.db)

Without mapping options the import uses the mapping Verbatim proposes.`;

const OPTIONS = {
  db: { type: 'string' },
  project: { type: 'string' },
  create: { type: 'boolean' },
  group: { type: 'string' },
  'group-column': { type: 'string' },
  'id-column': { type: 'string' },
  questions: { type: 'string' },
  layout: { type: 'string' },
  'question-column': { type: 'string' },
  'text-column': { type: 'string' },
  'codes-column': { type: 'string', multiple: true },
  coder: { type: 'string', multiple: true },
  'header-rows': { type: 'string' },
  sheet: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseFlags>['values'];

function parseFlags(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true });
}

/** A mistake in how the command was called: printed with the usage. */
class UsageError extends Error {}

/** A failure the user can fix, printed as it is. */
class CliError extends Error {}

function openDb(flags: Flags): Db {
  return openDatabase(
    flags.db ?? process.env.VERBATIM_DB ?? 'data/verbatim.db',
  );
}

function runProjects(flags: Flags): void {
  const db = openDb(flags);
  const projects = listProjects(db);
  if (projects.length === 0) console.log('No projects yet.');
  for (const p of projects)
    console.log(
      `${p.id}\t${p.name}\t${plural(p.respondents, 'respondent')}\t${plural(p.comments, 'comment')}`,
    );
  db.$client.close();
}

/** The project an import goes to, and how the --project value found it. */
type Target =
  { project: ProjectRow; how: 'id' | 'name' } | { project: null; name: string };

/**
 * `--project 12` is project 12 when there is one, else the project named
 * "12"; a name not found is created with the import when --create says so.
 */
function resolveProject(db: Db, flags: Flags): Target {
  const value = flags.project?.trim();
  if (!value)
    throw new UsageError('Say which project to import into: --project.');
  const byId = /^\d+$/.test(value) ? findProject(db, Number(value)) : null;
  if (byId) return { project: byId, how: 'id' };
  const byName = findProjectByIdOrName(db, value);
  if (byName) return { project: byName, how: 'name' };
  if (flags.create) return { project: null, name: value };
  const orId = /^\d+$/.test(value) ? ` (and no project has id ${value})` : '';
  throw new UsageError(
    `There is no project "${value}"${orId}. Add --create to create it.`,
  );
}

function describeTarget(target: Target, project: ProjectRow): string {
  const how = target.project
    ? `found by ${target.how}`
    : 'created by this import';
  return `Project: "${project.name}" (id ${project.id}, ${how}).`;
}

function headerRowsFlag(flags: Flags): number | undefined {
  const value = flags['header-rows'];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (![1, 2, 3].includes(n))
    throw new UsageError('--header-rows must be 1, 2 or 3.');
  return n;
}

const REMAPPING_FLAGS = [
  'group',
  'group-column',
  'id-column',
  'questions',
  'layout',
  'codes-column',
] as const;

/** The proposed mapping with the command line's choices laid over it. */
function applyFlags(proposed: Mapping, flags: Flags): Mapping {
  const m: Mapping = { ...proposed };
  if (flags.group) m.group = { fixed: flags.group };
  if (flags['group-column']) m.group = { column: flags['group-column'] };
  if (flags['id-column']) m.idColumn = flags['id-column'];
  if (flags.questions) {
    const columns = flags.questions.split(',').map((c) => c.trim());
    m.layout = 'wide';
    m.questions = columns.map((column) => ({ column }));
    m.closedColumns = (m.closedColumns ?? []).filter(
      (c) => !columns.includes(c),
    );
  }
  if (flags.layout === 'long') {
    m.layout = 'long';
    delete m.questions;
    delete m.fixedQuestion;
    m.questionColumn = flags['question-column'];
    m.textColumn = flags['text-column'];
  } else if (flags.layout && flags.layout !== 'wide') {
    throw new UsageError('--layout must be wide or long.');
  }
  const codes = codesFromFlags(m.codes, flags);
  if (codes !== undefined) m.codes = codes;
  const remapped = REMAPPING_FLAGS.some((name) => flags[name] !== undefined);
  // The proposal's attribute list no longer fits: keep every other column.
  if (remapped) delete m.attributeColumns;
  return m;
}

/**
 * The codes the command line asks for: `--codes-column`/`--coder` pairs
 * (one column may go without a coder), or a `--coder` renaming the
 * proposed codes. Undefined: keep the proposal.
 */
function codesFromFlags(
  proposed: Mapping['codes'],
  flags: Flags,
): Mapping['codes'] | undefined {
  const columns = flags['codes-column'] ?? [];
  const coders = flags.coder ?? [];
  if (columns.length === 0) {
    if (coders.length > 1)
      throw new UsageError('Give each --coder its --codes-column.');
    const [coder] = coders;
    if (coder === undefined || !proposed || Array.isArray(proposed))
      return undefined;
    return { ...proposed, coder };
  }
  if (columns.length > 1 && coders.length !== columns.length)
    throw new UsageError(
      `Give one --coder per --codes-column: ${plural(columns.length, 'column')}, ${plural(coders.length, 'coder')}.`,
    );
  const specs = columns.map((column, i) => ({
    format: 'delimited' as const,
    column,
    coder: coders[i] ?? 'imported',
  }));
  return specs.length === 1 ? specs[0] : specs;
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new CliError(`File not found: ${file}`);
    if (code === 'EISDIR')
      throw new CliError(`${file} is a folder: give the path of a file.`);
    if (code === 'EACCES')
      throw new CliError(`${file} cannot be read: permission denied.`);
    throw error;
  }
}

async function runImport(file: string | undefined, flags: Flags) {
  if (!file) throw new UsageError('Say which file to import.');
  const bytes = readInput(file);
  const fileName = basename(file);
  const db = openDb(flags);
  try {
    const target = resolveProject(db, flags);
    const preview = await previewFile(bytes, {
      fileName,
      sheet: flags.sheet,
      headerRows: headerRowsFlag(flags),
      placeholders: target.project?.placeholders,
    });
    const mapping = applyFlags(preview.proposedMapping, flags);
    const report = await importFile(db, {
      ...(target.project
        ? { projectId: target.project.id }
        : { newProjectName: target.name }),
      fileName,
      bytes,
      mapping,
    });
    const project = target.project ?? findProjectByIdOrName(db, target.name);
    if (!project) throw new Error('the imported project is missing');
    if (flags.json) {
      console.error(describeTarget(target, project));
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(
        `${describeTarget(target, project)}\n${describe(report, project)}`,
      );
    }
  } finally {
    db.$client.close();
  }
}

/** `Children (3 new)`, `Parents (1 new, 2 already in the project)`. */
function describeGroup(g: ImportReport['groups'][number]): string {
  const parts = [`${g.respondentsNew.toLocaleString('en-GB')} new`];
  if (g.respondentsMatched > 0)
    parts.push(
      `${g.respondentsMatched.toLocaleString('en-GB')} already in the project`,
    );
  return `${g.name} (${parts.join(', ')})`;
}

/** The import report as a few lines a person reads. */
function describe(r: ImportReport, project: ProjectRow): string {
  const lines = [
    `Imported ${r.fileName} into "${project.name}" (project ${project.id}, import ${r.importId}).`,
    `  ${plural(r.respondents, 'respondent')}${newAndMatched(r.respondentsNew, r.respondentsMatched)}, ${plural(r.comments, 'comment')}${newAndMatched(r.commentsNew, r.commentsMatched)} (${r.substantive.toLocaleString('en-GB')} substantive, ${plural(r.placeholders, 'placeholder')}); ${plural(r.skippedBlank, 'blank answer')} skipped.`,
    `  Questions: ${r.questions.map((q) => `${q.key} (${q.comments})`).join(', ') || 'none'}.`,
    `  Groups: ${r.groups.map(describeGroup).join(', ') || 'none'}.`,
  ];
  if (r.closedQuestions.length)
    lines.push(
      `  Closed items: ${r.closedQuestions.map((q) => `${q.key} (${q.answers})`).join(', ')}.`,
    );
  if (r.coders.length)
    lines.push(
      `  Codings: ${r.coders.map((c) => `${plural(c.codings, 'coding')} by ${c.name}`).join(', ')}; new themes: ${r.newThemes.length}.`,
    );
  if (r.unmappedGroupValues?.length)
    lines.push(
      `  Unmapped group values: ${r.unmappedGroupValues.map((u) => `"${u.value}" (${u.respondents})`).join(', ')}.`,
    );
  for (const warning of r.warnings) lines.push(`  Warning: ${warning}`);
  return lines.join('\n');
}

/** An error as sentences: file problems one per line with row and column. */
function explain(error: unknown): string {
  if (error instanceof AppError) {
    const problems = (error.details as { problems?: unknown }).problems;
    const lines = [error.message];
    if (Array.isArray(problems))
      for (const p of problems as Array<Record<string, unknown>>) {
        const where = [
          typeof p.row === 'number' ? `row ${p.row}` : '',
          typeof p.column === 'string' && p.column
            ? `column "${p.column}"`
            : '',
        ]
          .filter(Boolean)
          .join(', ');
        lines.push(`  ${where ? `${where}: ` : ''}${String(p.message)}`);
      }
    return lines.join('\n');
  }
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof CliError) return error.message;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (!command || command === 'help' || parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'projects') runProjects(parsed.values);
  else if (command === 'import') await runImport(rest[0], parsed.values);
  else throw new UsageError(`Unknown command "${command}".`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explain(error));
    process.exit(1);
  },
);
