/**
 * Shapes of the export route, shared with the client (which builds the
 * download links).
 */
import { Type, type Static } from 'typebox';

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
  attr: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  coderId: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ExportQuery = Static<typeof ExportQuery>;

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
