import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  ExportFile,
  ExportParams,
  ExportQuery,
  describeFilters,
  exportNameSuffix,
  isExportFormat,
  isExportKind,
  type ExportKind,
} from '../../shared/api/export';
import { ErrorReply } from '../../shared/api/projects';
import { NO_GROUP_NAME } from '../../shared/counting';
import { exportFileName } from '../../shared/spreadsheet';
import type { Db } from '../db/open-database';
import { errors } from '../errors';
import { resolveScope, type ResolvedScope } from '../report/scope';
import { aboutRows, describeCodingRows } from './about';
import {
  codingsLongTable,
  codingsWideTable,
  countsTable,
  type Row,
} from './tables';
import { csvStream, withColumn, xlsxStream } from './writers';

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
      const query = request.query;
      const resolved = resolveScope(app.db, projectId, query);
      const group = exportedGroup(app.db, projectId, kind, query.groupId);
      const table = exportTable(app.db, kind, resolved, group);
      const exportedAt = new Date();
      const suffix = exportNameSuffix({
        filters: resolved.scope.filters,
        group: group?.name ?? null,
        coder: resolved.coder?.name ?? null,
      });
      const fileName = exportFileName(
        resolved.project.name,
        suffix === '' ? kind : `${kind}-${suffix}`,
        format,
        exportedAt,
      );
      const filter = describeFilters(resolved.scope.filters);
      const body =
        format === 'csv'
          ? csvStream(
              filter === ''
                ? table.rows
                : withColumn(table.rows, 'filter', filter),
            )
          : xlsxStream([
              { name: kind, rows: table.rows },
              {
                name: 'About',
                rows: aboutRows({
                  project: resolved.project.name,
                  kind,
                  exportedAt,
                  filters: resolved.scope.filters,
                  group: group?.name ?? null,
                  coder: resolved.coder,
                  counted: table.counted,
                  note: table.note,
                }),
              },
            ]);
      void reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );

  done();
};

interface ExportTable {
  rows: Iterable<Row>;
  counted: string;
  note: string | null;
}

function exportTable(
  db: Db,
  kind: ExportKind,
  resolved: ResolvedScope,
  group: { id: number | null } | null,
): ExportTable {
  const { scope, coder } = resolved;
  switch (kind) {
    case 'counts':
      return countsTable(
        db,
        scope,
        coder,
        group === null ? undefined : group.id,
      );
    case 'codings-long':
      return {
        rows: codingsLongTable(db, scope),
        counted: describeCodingRows(kind, coder),
        note: null,
      };
    case 'codings-wide':
      return {
        rows: codingsWideTable(db, scope),
        counted: describeCodingRows(kind, coder),
        note: null,
      };
  }
}

/**
 * The one group a counts export is limited to, from `groupId` (`none`:
 * respondents without a group); null when all are exported.
 */
function exportedGroup(
  db: Db,
  projectId: number,
  kind: ExportKind,
  groupId: string | undefined,
): { id: number | null; name: string } | null {
  if (groupId === undefined) return null;
  if (kind !== 'counts') {
    throw errors.validation(
      `groupId limits the counts export to one group; the ${kind} export has every group, with a group column to filter on.`,
      { parameter: 'groupId', kind },
    );
  }
  if (groupId === 'none') return { id: null, name: NO_GROUP_NAME };
  const id = Number(groupId);
  const group = db.$client
    .prepare<[number, number], { name: string }>(
      'SELECT name FROM respondent_groups WHERE id = ? AND project_id = ?',
    )
    .get(id, projectId);
  if (!group) throw errors.notFound('group', id);
  return { id, name: group.name };
}
