/**
 * The import routes as the import tests call them, through `app.inject`
 * with multipart bodies: `const { preview, importFile } = importRoutes(t)`.
 */
import { expect } from 'vitest';
import type { App } from '../../server/app';
import type { ImportReport, Mapping, Preview } from '../../shared/api/import';
import { multipart, type Upload } from './multipart';

type ImportMapping = Mapping | Record<string, unknown>;

/** Bound to a test app (read lazily, so `useTestApp()` works). */
export function importRoutes(t: { readonly app: App }) {
  const previewRequest = (
    projectId: number,
    file: Upload,
    fields: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports/preview`,
      ...multipart(fields, file),
    });

  const importRequest = (
    projectId: number,
    file: Upload,
    mapping: ImportMapping,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports`,
      ...multipart({ mapping: JSON.stringify(mapping) }, file),
    });

  /** The preview of a file, which must succeed. */
  const preview = async (
    projectId: number,
    file: Upload,
    fields: Record<string, string> = {},
  ): Promise<Preview> => {
    const res = await previewRequest(projectId, file, fields);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Preview>();
  };

  /** The report of an import, which must succeed. */
  const importFile = async (
    projectId: number,
    file: Upload,
    mapping: ImportMapping,
  ): Promise<ImportReport> => {
    const res = await importRequest(projectId, file, mapping);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    return res.json<ImportReport>();
  };

  /** A file imported with the mapping its preview proposes. */
  const importProposed = async (projectId: number, file: Upload) => {
    const p = await preview(projectId, file);
    return importRequest(projectId, file, p.proposedMapping);
  };

  return { previewRequest, importRequest, preview, importFile, importProposed };
}

/**
 * The hand-out survey coded by two coders side by side, and the mapping
 * that imports both coders' codes (long layout, group from Q6).
 */
export const PROCTORING_TWO_CODERS =
  'data/exam-proctoring-two-coders/coded_answers.csv';

export const proctoringTwoCodersMapping: Mapping = {
  layout: 'long',
  headerRows: 1,
  idColumn: 'response_id',
  group: { column: 'used_proctoring' },
  questionColumn: 'question_id',
  textColumn: 'answer',
  attributeColumns: ['school'],
  codes: [
    { format: 'delimited', column: 'codes_primary', coder: 'primary' },
    {
      format: 'delimited',
      column: 'codes_secondary',
      coder: 'secondary',
      delimiter: '|',
    },
  ],
};
