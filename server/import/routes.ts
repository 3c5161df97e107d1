import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import {
  ImportProgress,
  ImportReport,
  Mapping,
  PastImport,
  Preview,
} from '../../shared/api/import';
import { errors } from '../errors';
import { importFile, previewFile } from './import-file';
import { findProject, listImports, type ProjectRow } from './import-repository';
import { getProgress, trackProgress } from './progress';

const ProjectParams = Type.Object({ projectId: Type.Integer({ minimum: 1 }) });
const ErrorReply = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Unknown(),
});

interface Upload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/** Reads a multipart upload: its one `file` part and its text fields. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart())
    throw errors.validation(
      'Send the file as multipart/form-data, in a field named "file".',
    );
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file')
        file = { fileName: part.filename || 'upload', bytes };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file)
    throw errors.validation(
      'No file was uploaded: add the file in a field named "file".',
    );
  return { ...file, fields };
}

function headerRowsField(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3)
    throw errors.validation('headerRows must be 1, 2 or 3.', {
      field: 'headerRows',
    });
  return n;
}

function mappingField(value: string | undefined): Mapping {
  if (value === undefined)
    throw errors.validation(
      'The mapping is missing: send it as a JSON field named "mapping".',
      { field: 'mapping' },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw errors.validation('The mapping is not valid JSON.', {
      field: 'mapping',
    });
  }
  if (!Value.Check(Mapping, parsed)) {
    const first = Value.Errors(Mapping, parsed)[0];
    const where = first?.instancePath.replace(/^\//, '').replace(/\//g, '.');
    throw errors.validation(
      `The mapping is not valid: ${where ? `${where} ` : ''}${first?.message ?? 'has the wrong shape'}.`,
      { field: 'mapping', path: where ?? '' },
    );
  }
  return parsed;
}

function requireProject(
  request: FastifyRequest,
  projectId: number,
): ProjectRow {
  const project = findProject(request.server.db, projectId);
  if (!project) throw errors.notFound('project', projectId);
  return project;
}

export const importRoutes: FastifyPluginAsyncTypebox = (app) => {
  app.post(
    '/projects/:projectId/imports/preview',
    {
      schema: {
        summary: 'Read an uploaded file and propose a mapping (writes nothing)',
        params: ProjectParams,
        response: { 200: Preview, 400: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      const project = requireProject(request, request.params.projectId);
      const upload = await readUpload(request);
      return previewFile(upload.bytes, {
        fileName: upload.fileName,
        placeholders: project.placeholders,
        sheet: upload.fields.sheet || undefined,
        headerRows: headerRowsField(upload.fields.headerRows),
        delimiter: upload.fields.delimiter || undefined,
        encoding: upload.fields.encoding || undefined,
      });
    },
  );

  app.post(
    '/projects/:projectId/imports',
    {
      schema: {
        summary: 'Import an uploaded file with a mapping (all or nothing)',
        params: ProjectParams,
        response: {
          201: ImportReport,
          400: ErrorReply,
          404: ErrorReply,
          409: ErrorReply,
        },
      },
    },
    async (request, reply) => {
      const { projectId } = request.params;
      requireProject(request, projectId);
      const upload = await readUpload(request);
      const mapping = mappingField(upload.fields.mapping);
      const token = upload.fields.progressToken;
      const report = await importFile(request.server.db, {
        projectId,
        fileName: upload.fileName,
        bytes: upload.bytes,
        mapping,
        ...(token ? { progress: trackProgress(token) } : {}),
      });
      request.log.info(
        { projectId, importId: report.importId, comments: report.comments },
        'file imported',
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/projects/:projectId/imports',
    {
      schema: {
        summary: 'Past imports of a project',
        params: ProjectParams,
        response: { 200: Type.Array(PastImport), 404: ErrorReply },
      },
    },
    (request) => {
      requireProject(request, request.params.projectId);
      return Promise.resolve(
        listImports(request.server.db, request.params.projectId),
      );
    },
  );

  app.get(
    '/imports/progress/:token',
    {
      schema: {
        summary: 'Progress of a running import',
        params: Type.Object({ token: Type.String({ minLength: 1 }) }),
        response: { 200: ImportProgress, 404: ErrorReply },
      },
    },
    (request) => {
      const progress = getProgress(request.params.token);
      if (!progress)
        throw errors.notFound('import in progress', request.params.token);
      return Promise.resolve(progress);
    },
  );
  return Promise.resolve();
};
