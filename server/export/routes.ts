import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  ExportFile,
  ExportParams,
  ExportQuery,
  isExportFormat,
  isExportKind,
  type ExportKind,
} from '../../shared/api/export';
import { ErrorReply } from '../../shared/api/projects';
import { exportFileName } from '../../shared/spreadsheet';
import type { Db } from '../db/open-database';
import { errors } from '../errors';
import { resolveScope, type ResolvedScope } from '../report/scope';
import {
  codingsLongTable,
  codingsWideTable,
  countsTable,
  type Row,
} from './tables';
import { csvStream, xlsxStream } from './writers';

export const exportRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/projects/:projectId/exports/:kind.:format',
    {
      schema: {
        summary: 'Theme counts or coded data as a CSV or XLSX download',
        params: ExportParams,
        querystring: ExportQuery,
        response: {
          200: ExportFile,
          400: ErrorReply,
          404: ErrorReply,
        },
      },
    },
    (request, reply) => {
      const { projectId, kind, format } = request.params;
      if (!isExportKind(kind)) {
        throw errors.validation(
          `kind must be one of ${EXPORT_KINDS.join(', ')}; "${kind}" is not.`,
          { parameter: 'kind', value: kind },
        );
      }
      if (!isExportFormat(format)) {
        throw errors.validation(
          `format must be one of ${EXPORT_FORMATS.join(', ')}; "${format}" is not.`,
          { parameter: 'format', value: format },
        );
      }
      const resolved = resolveScope(app.db, projectId, request.query);

      const rows = exportRows(app.db, kind, resolved);
      const fileName = exportFileName(resolved.project.name, kind, format);
      void reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(format === 'csv' ? csvStream(rows) : xlsxStream(rows, kind));
    },
  );

  done();
};

function exportRows(
  db: Db,
  kind: ExportKind,
  resolved: ResolvedScope,
): Iterable<Row> {
  switch (kind) {
    case 'counts':
      return countsTable(db, resolved.scope, resolved.coder);
    case 'codings-long':
      return codingsLongTable(db, resolved.scope);
    case 'codings-wide':
      return codingsWideTable(db, resolved.scope);
  }
}
