import type { ImportMapping, ImportPreview } from '../../api/types';

/** What one column of the file is used for. */
export type ColumnRole =
  | 'ignore'
  | 'id'
  | 'group'
  | 'open'
  | 'questionKey'
  | 'text'
  | 'closed'
  | 'attribute'
  | 'code'
  | 'codeList'
  | 'codeCell';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  ignore: 'Not imported',
  id: 'Respondent id',
  group: 'Respondent group',
  open: 'Open question',
  questionKey: 'Question (long layout)',
  text: 'Answer text (long layout)',
  closed: 'Closed question',
  attribute: 'Respondent attribute',
  code: 'Theme code (1/0)',
  codeList: 'Theme list (one cell)',
  codeCell: 'Theme name (one per cell)',
};

/** The mapping form's state: one role per column plus a few settings. */
export interface MappingDraft {
  layout: 'wide' | 'long';
  roles: ColumnRole[];
  labels: string[];
  fixedGroup: string;
  /** The coder of the 1/0 theme columns (one coder for the whole set). */
  coder: string;
  /** The coder of the theme-name columns (`Code 1`, `Code 2`, …). */
  cellCoder: string;
  /** Per column: the coder of a theme-list column ('' = a default name). */
  listCoders: string[];
  /**
   * Per column: the separator of a theme-list column, at first the one the
   * server detected in its cells.
   */
  listDelimiters: string[];
  /** Column name of the question imported codes belong to ('' = only one). */
  codesQuestion: string;
}

/** Spreads a proposed mapping onto per-column roles for the form. */
export function draftFromPreview(preview: ImportPreview): MappingDraft {
  const m = preview.proposedMapping;
  const names = preview.columns.map((c) => c.name);
  const roles: ColumnRole[] = names.map(() => 'ignore');
  const labels = preview.columns.map((c) => c.label || c.name);
  const set = (name: string | null | undefined, role: ColumnRole) => {
    const i = name == null ? -1 : names.indexOf(name);
    if (i !== -1) roles[i] = role;
  };
  set(m.idColumn, 'id');
  if (m.group && 'column' in m.group) set(m.group.column, 'group');
  for (const q of m.questions ?? []) {
    set(q.column, 'open');
    const i = names.indexOf(q.column);
    if (q.label && i !== -1) labels[i] = q.label;
  }
  set(m.questionColumn, 'questionKey');
  set(m.textColumn, 'text');
  for (const c of m.closedColumns ?? []) set(c, 'closed');
  for (const c of m.attributeColumns ?? []) set(c, 'attribute');
  const specs = specsOf(m.codes);
  const binary = specs.find((c) => c.format === 'binary');
  const lists = specs.flatMap((c) => (c.format === 'delimited' ? [c] : []));
  for (const c of binary?.columns ?? []) set(c.column, 'code');
  const cells = specs.find((c) => c.format === 'columns');
  for (const c of cells?.columns ?? []) set(c, 'codeCell');
  const listCoders = names.map(() => '');
  const listDelimiters = preview.columns.map((c) => c.listSeparator);
  for (const c of lists) {
    set(c.column, 'codeList');
    const i = names.indexOf(c.column);
    if (i === -1) continue;
    listCoders[i] = c.coder ?? '';
    if (c.delimiter) listDelimiters[i] = c.delimiter;
  }
  return {
    layout: m.layout,
    roles,
    labels,
    fixedGroup: m.group && 'fixed' in m.group ? m.group.fixed : '',
    coder: binary?.coder ?? DEFAULT_CODER,
    cellCoder: cells?.coder ?? DEFAULT_CODER,
    listCoders,
    listDelimiters,
    codesQuestion: specs[0]?.question ?? '',
  };
}

type CodesSpec = Extract<
  NonNullable<ImportMapping['codes']>,
  { format: string }
>;

const DEFAULT_CODER = 'imported';

function specsOf(codes: ImportMapping['codes']): CodesSpec[] {
  if (!codes) return [];
  return Array.isArray(codes) ? codes : [codes];
}

function columnsWith(
  draft: MappingDraft,
  preview: ImportPreview,
  role: ColumnRole,
): string[] {
  return preview.columns.flatMap((c, i) =>
    draft.roles[i] === role ? [c.name] : [],
  );
}

/**
 * The codes of the mapping: one spec for the 1/0 columns (one coder), one
 * for the theme-name columns (one coder), one per theme-list column (each
 * its own coder); the array form only when
 * there are several. An unnamed list coder is `imported` when alone, else
 * named after its column.
 */
function codesFrom(
  draft: MappingDraft,
  preview: ImportPreview,
): ImportMapping['codes'] {
  const question = draft.codesQuestion || undefined;
  const binary = columnsWith(draft, preview, 'code');
  const lists = preview.columns.flatMap((c, i) =>
    draft.roles[i] === 'codeList'
      ? [
          {
            column: c.name,
            coder: draft.listCoders[i]?.trim() ?? '',
            delimiter: draft.listDelimiters[i]?.trim() || c.listSeparator,
          },
        ]
      : [],
  );
  const cells = columnsWith(draft, preview, 'codeCell');
  const alone =
    lists.length + (binary.length > 0 ? 1 : 0) + (cells.length > 0 ? 1 : 0) ===
    1;
  const specs: CodesSpec[] = lists.map(({ column, coder, delimiter }) => ({
    coder: coder || (alone ? DEFAULT_CODER : column),
    format: 'delimited',
    question,
    column,
    delimiter,
  }));
  if (cells.length > 0)
    specs.unshift({
      coder: draft.cellCoder.trim() || DEFAULT_CODER,
      format: 'columns',
      question,
      columns: cells,
    });
  if (binary.length > 0)
    specs.unshift({
      coder: draft.coder.trim() || DEFAULT_CODER,
      format: 'binary',
      question,
      columns: binary.map((column) => ({ column, theme: column })),
    });
  return specs.length > 1 ? specs : specs[0];
}

/** Builds the API mapping, or returns the sentence saying what is missing. */
export function mappingFromDraft(
  draft: MappingDraft,
  preview: ImportPreview,
): ImportMapping | string {
  const pick = (role: ColumnRole) => columnsWith(draft, preview, role);
  const [groupColumn] = pick('group');
  const fixed = draft.fixedGroup.trim();
  const mapping: ImportMapping = {
    layout: draft.layout,
    headerRows: preview.headerRows,
    idColumn: pick('id')[0] ?? null,
    group: groupColumn ? { column: groupColumn } : fixed ? { fixed } : null,
    closedColumns: pick('closed'),
    attributeColumns: pick('attribute'),
  };
  if (preview.sheet) mapping.sheet = preview.sheet;
  if (preview.delimiter) mapping.delimiter = preview.delimiter;
  if (draft.layout === 'wide') {
    mapping.questions = preview.columns.flatMap((c, i) =>
      draft.roles[i] === 'open'
        ? [{ column: c.name, label: draft.labels[i]?.trim() || c.name }]
        : [],
    );
    if (mapping.questions.length === 0)
      return 'Choose at least one column as an open question.';
  } else {
    [mapping.questionColumn] = pick('questionKey');
    [mapping.textColumn] = pick('text');
    if (!mapping.questionColumn || !mapping.textColumn)
      return 'In the long layout, choose the question column and the answer text column.';
  }
  const codes = codesFrom(draft, preview);
  if (codes) mapping.codes = codes;
  return mapping;
}
