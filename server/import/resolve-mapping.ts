/**
 * Turns a mapping (columns by name) into column positions, and checks what
 * can be checked before reading any data row: every named column exists,
 * the layout has what it needs.
 */
import type { CodesSpec, Mapping } from '../../shared/api/import';
import {
  codesSpecs,
  detectListSeparator,
  specCoder,
} from '../../shared/import/codes-specs';
import type { HeaderColumn } from '../../shared/import/headers';
import type { FileProblem } from '../errors';

export interface ColumnRef {
  index: number;
  name: string;
}

export interface QuestionRef {
  index: number;
  column: string;
  key: string;
  label: string;
}

export type GroupRef =
  | { kind: 'fixed'; name: string }
  | {
      kind: 'column';
      index: number;
      name: string;
      values: Record<string, string | null> | null;
    }
  | null;

export type CodesRef =
  | {
      format: 'binary';
      coder: string;
      columns: Array<{ index: number; name: string; theme: string }>;
      /** Wide layout: position in `questions` the codes belong to. */
      question: number;
    }
  | {
      format: 'delimited';
      coder: string;
      index: number;
      name: string;
      delimiter: string;
      question: number;
    }
  | {
      format: 'columns';
      coder: string;
      /** One theme name per cell. */
      columns: ColumnRef[];
      question: number;
    };

export interface ResolvedMapping {
  layout: 'wide' | 'long';
  id: ColumnRef | null;
  group: GroupRef;
  questions: QuestionRef[];
  questionColumn: ColumnRef | null;
  fixedQuestion: { key: string; label: string } | null;
  questionLabels: Record<string, string>;
  text: ColumnRef | null;
  closed: QuestionRef[];
  attributes: ColumnRef[];
  /** One entry per coder's codes, in mapping order. */
  codes: CodesRef[];
}

/** The data cells of column `index`, to detect a theme-list separator. */
export type CellsOf = (index: number) => Iterable<string>;

export function resolveMapping(
  mapping: Mapping,
  columns: readonly HeaderColumn[],
  file: string,
  cellsOf: CellsOf = () => [],
): { resolved: ResolvedMapping; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const byName = new Map(columns.map((c, index) => [c.name, index]));
  const ref = (name: string, role: string): ColumnRef => {
    const index = byName.get(name);
    if (index === undefined) {
      problems.push({
        file,
        column: name,
        message: `The mapping names a column "${name}" (${role}) that is not in the file. Its columns are: ${listColumns(columns)}.`,
      });
      return { index: -1, name };
    }
    return { index, name };
  };
  const question = (name: string, key?: string, label?: string) => {
    const column = ref(name, 'question');
    return {
      index: column.index,
      column: name,
      key: key ?? name,
      label: label ?? columns[column.index]?.label ?? name,
    };
  };

  const id = mapping.idColumn ? ref(mapping.idColumn, 'respondent id') : null;
  const group = resolveGroup(mapping.group, ref);
  const questions =
    mapping.layout === 'wide'
      ? (mapping.questions ?? []).map((q) => question(q.column, q.key, q.label))
      : [];
  const closed = (mapping.closedColumns ?? []).map((c) => question(c));
  const layout = resolveLayout(mapping, ref, file, problems);
  if (mapping.layout === 'wide' && questions.length + closed.length === 0)
    problems.push({
      file,
      message:
        'The mapping names no question: choose at least one column of answers.',
    });
  for (const c of closed)
    if (questions.some((q) => q.column === c.column))
      problems.push({
        file,
        column: c.column,
        message: `The column "${c.column}" is mapped both as an open question and as a closed item.`,
      });
  const codes = codesSpecs(mapping.codes).map((spec) =>
    resolveCodes(spec, mapping.layout, questions, ref, file, problems, cellsOf),
  );
  const resolved: ResolvedMapping = {
    layout: mapping.layout,
    id,
    group,
    questions,
    ...layout,
    closed,
    attributes: [],
    codes,
  };
  resolved.attributes = resolveAttributes(mapping, columns, resolved, ref);
  return { resolved, problems };
}

function listColumns(columns: readonly HeaderColumn[]): string {
  const names = columns.slice(0, 30).map((c) => `"${c.name}"`);
  return names.join(', ') + (columns.length > 30 ? ', …' : '');
}

type Ref = (name: string, role: string) => ColumnRef;

function resolveGroup(group: Mapping['group'], ref: Ref): GroupRef {
  if (!group) return null;
  if ('fixed' in group) return { kind: 'fixed', name: group.fixed.trim() };
  const column = ref(group.column, 'respondent group');
  return { kind: 'column', ...column, values: group.values ?? null };
}

function resolveLayout(
  mapping: Mapping,
  ref: Ref,
  file: string,
  problems: FileProblem[],
): Pick<
  ResolvedMapping,
  'questionColumn' | 'fixedQuestion' | 'questionLabels' | 'text'
> {
  if (mapping.layout === 'wide')
    return {
      questionColumn: null,
      fixedQuestion: null,
      questionLabels: {},
      text: null,
    };
  if (!mapping.textColumn)
    problems.push({
      file,
      message:
        'A long layout needs the column that holds the answers (textColumn).',
    });
  if (!mapping.questionColumn && !mapping.fixedQuestion)
    problems.push({
      file,
      message:
        'A long layout needs the column naming each row’s question (questionColumn), or one question for the whole file (fixedQuestion).',
    });
  const fixed = mapping.fixedQuestion;
  return {
    questionColumn: mapping.questionColumn
      ? ref(mapping.questionColumn, 'question')
      : null,
    fixedQuestion: fixed
      ? { key: fixed.key, label: fixed.label ?? fixed.key }
      : null,
    questionLabels: mapping.questionLabels ?? {},
    text: mapping.textColumn ? ref(mapping.textColumn, 'answer text') : null,
  };
}

function resolveCodes(
  codes: CodesSpec,
  layout: Mapping['layout'],
  questions: QuestionRef[],
  ref: Ref,
  file: string,
  problems: FileProblem[],
  cellsOf: CellsOf,
): CodesRef {
  const coder = specCoder(codes);
  let question = 0;
  if (layout === 'wide') {
    const wanted = codes.question;
    question = wanted
      ? questions.findIndex((q) => q.key === wanted || q.column === wanted)
      : questions.length === 1
        ? 0
        : -1;
    // With no question at all, "the mapping names no question" says it.
    if (question < 0 && questions.length > 0)
      problems.push({
        file,
        message: codes.question
          ? `The codes of coder "${coder}" belong to question "${codes.question}", which is not one of the mapped questions.`
          : `The mapping has several questions: say which one the codes of coder "${coder}" belong to (codes.question).`,
      });
  }
  if (codes.format === 'binary')
    return {
      format: 'binary',
      coder,
      question,
      columns: codes.columns.map((c) => ({
        ...ref(c.column, `theme column of coder "${coder}"`),
        theme: c.theme ?? c.column,
      })),
    };
  if (codes.format === 'columns')
    return {
      format: 'columns',
      coder,
      question,
      columns: codes.columns.map((c) => ref(c, `codes of coder "${coder}"`)),
    };
  const column = ref(codes.column, `codes of coder "${coder}"`);
  return {
    format: 'delimited',
    coder,
    question,
    ...column,
    delimiter:
      codes.delimiter ??
      (column.index < 0 ? '|' : detectListSeparator(cellsOf(column.index))),
  };
}

/** Every column the code specs read. */
function codeColumnIndexes(codes: readonly CodesRef[]): number[] {
  return codes.flatMap((c) =>
    c.format === 'delimited' ? [c.index] : c.columns.map((col) => col.index),
  );
}

function resolveAttributes(
  mapping: Mapping,
  columns: readonly HeaderColumn[],
  r: ResolvedMapping,
  ref: Ref,
): ColumnRef[] {
  if (mapping.attributeColumns)
    return mapping.attributeColumns.map((name) => ref(name, 'attribute'));
  const used = new Set<number>(
    [
      r.id?.index,
      r.group?.kind === 'column' ? r.group.index : undefined,
      r.questionColumn?.index,
      r.text?.index,
      ...r.questions.map((q) => q.index),
      ...r.closed.map((q) => q.index),
      ...codeColumnIndexes(r.codes),
    ].filter((i): i is number => i !== undefined),
  );
  return columns
    .map((c, index) => ({ index, name: c.name }))
    .filter((c) => !used.has(c.index));
}
