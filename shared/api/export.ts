/**
 * Shapes of the export route, shared with the client (which builds the
 * download links).
 */
import { Type, type Static } from 'typebox';
import { groupAttributeFilters, type AttributeFilter } from '../counting';

/**
 * - `counts`: one row per theme × question × group: count, base, percent.
 * - `codings-long`: one row per theme of each coding, plus the final
 *   coding as coder `(final)`; a coding without themes, or a comment
 *   nobody coded, is one row with an empty theme.
 * - `codings-wide`: one row per comment with a 0/1 column per theme of its
 *   final coding (empty when it has none).
 */
export const EXPORT_KINDS = ['counts', 'codings-long', 'codings-wide'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The coder name the final coding's rows carry in `codings-long`. */
export const FINAL_CODER_NAME = '(final)';

export const ExportParams = Type.Object({
  projectId: Type.Integer({ minimum: 1 }),
  kind: Type.String(),
  format: Type.String(),
});

/** The file itself: CSV text or an XLSX workbook, sent as an attachment. */
export const ExportFile = Type.Unknown({
  description: 'The file, as an attachment (text/csv or XLSX).',
});

export const ExportQuery = Type.Object({
  /** `attr=<name>:<value>`, repeatable, as in the report. */
  attr: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  coderId: Type.Optional(Type.Integer({ minimum: 1 })),
  /**
   * Counts export only: one group's rows (the report's tab of that group).
   * A group id, or `none` for respondents without a group.
   */
  groupId: Type.Optional(Type.String({ pattern: '^([1-9][0-9]*|none)$' })),
});
export type ExportQuery = Static<typeof ExportQuery>;

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Attribute filters in words, for an export's `filter` column and its
 * About sheet: `Local authority: Kent or Surrey; Age: 18-24`. Several
 * values of one attribute are alternatives, several attributes all apply
 * (see `groupAttributeFilters`). '' when there is no filter.
 */
export function describeFilters(filters: readonly AttributeFilter[]): string {
  return [...groupAttributeFilters(filters)]
    .map(([name, values]) => `${name}: ${values.join(' or ')}`)
    .join('; ');
}

/** File names keep this much of the filter; the rest is in the file. */
const MAX_SUFFIX_LENGTH = 80;

/** Letters (accents dropped) and digits, dash-separated, case kept. */
function safePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * What narrows an export, readable in its file name: the attribute
 * filters (`Local-authority-Kent`), the group and the coder (`by-ann`),
 * in safe characters only and at most 80 of them. '' when nothing does.
 */
export function exportNameSuffix(scope: {
  filters: readonly AttributeFilter[];
  group?: string | null;
  coder?: string | null;
}): string {
  const parts = [...groupAttributeFilters(scope.filters)].flatMap(
    ([name, values]) => [name, ...values],
  );
  if (scope.group) parts.push(scope.group);
  if (scope.coder) parts.push('by', scope.coder);
  return parts
    .map(safePart)
    .filter((part) => part !== '')
    .join('-')
    .slice(0, MAX_SUFFIX_LENGTH)
    .replace(/-+$/, '');
}
