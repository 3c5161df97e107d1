import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddStarterBody,
  AddStarterResult,
  CodebookImportResult,
  CreateThemeBody,
  DeleteThemeQuery,
  ListThemesQuery,
  MergeResult,
  MergeThemeBody,
  StarterCodebookSchema,
  Theme,
  ThemeIdParams,
  UpdateThemeBody,
} from '../../shared/api/codebook';
import { ErrorReply, ProjectIdParams } from '../../shared/api/projects';
import { exportFileName } from '../../shared/spreadsheet';
import { STARTER_CODEBOOKS } from '../../shared/starter-codebooks';
import { errors } from '../errors';
import { getProjectOr404 } from '../projects/projects-repository';
import { codebookCsv, importCodebookCsv } from './codebook-csv';
import {
  addStarterThemes,
  createTheme,
  deleteTheme,
  mergeThemes,
  updateTheme,
} from './codebook-service';
import { listThemes } from './themes-repository';

const tags = ['codebook'];

export const codebookRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/starter-codebooks',
    {
      schema: {
        tags,
        summary: 'The POET starter codebooks',
        response: { 200: Type.Array(StarterCodebookSchema) },
      },
    },
    () => [...STARTER_CODEBOOKS],
  );

  app.post(
    '/projects/:projectId/codebook/starter',
    {
      schema: {
        tags,
        summary: "Add a starter codebook's themes (skipping known names)",
        params: ProjectIdParams,
        body: AddStarterBody,
        response: { 200: AddStarterResult, 400: ErrorReply, 404: ErrorReply },
      },
    },
    (request) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      return addStarterThemes(app.db, project.id, request.body.starter);
    },
  );

  app.get(
    '/projects/:projectId/themes',
    {
      schema: {
        tags,
        summary: 'The codebook, with how much each theme is used',
        params: ProjectIdParams,
        querystring: ListThemesQuery,
        response: { 200: Type.Array(Theme), 404: ErrorReply },
      },
    },
    (request) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      return listThemes(app.db, project.id, {
        includeArchived: request.query.includeArchived ?? false,
      });
    },
  );

  app.post(
    '/projects/:projectId/themes',
    {
      schema: {
        tags,
        summary: 'Create a theme',
        params: ProjectIdParams,
        body: CreateThemeBody,
        response: {
          201: Theme,
          400: ErrorReply,
          404: ErrorReply,
          409: ErrorReply,
        },
      },
    },
    async (request, reply) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      const theme = createTheme(app.db, project.id, request.body);
      return reply.status(201).send(theme);
    },
  );

  app.patch(
    '/themes/:themeId',
    {
      schema: {
        tags,
        summary: 'Edit, rename, move, archive or restore a theme',
        params: ThemeIdParams,
        body: UpdateThemeBody,
        response: {
          200: Theme,
          400: ErrorReply,
          404: ErrorReply,
          409: ErrorReply,
        },
      },
    },
    (request) =>
      updateTheme(
        app.db,
        request.params.themeId,
        request.body,
        app.localCoderId,
      ),
  );

  app.post(
    '/themes/:themeId/merge',
    {
      schema: {
        tags,
        summary: 'Merge this theme into another',
        params: ThemeIdParams,
        body: MergeThemeBody,
        response: {
          200: MergeResult,
          400: ErrorReply,
          404: ErrorReply,
          409: ErrorReply,
        },
      },
    },
    (request) =>
      mergeThemes(
        app.db,
        request.params.themeId,
        request.body.intoThemeId,
        app.localCoderId,
      ),
  );

  app.delete(
    '/themes/:themeId',
    {
      schema: {
        tags,
        summary:
          'Delete a theme; refused while used unless force=true confirms removing it from its codings',
        params: ThemeIdParams,
        querystring: DeleteThemeQuery,
        response: { 204: Type.Null(), 404: ErrorReply, 409: ErrorReply },
      },
    },
    async (request, reply) => {
      deleteTheme(app.db, request.params.themeId, {
        force: request.query.force ?? false,
        actorId: app.localCoderId,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/projects/:projectId/codebook.csv',
    {
      schema: {
        tags,
        summary: 'Export the codebook as CSV',
        params: ProjectIdParams,
        response: {
          200: Type.String({ description: 'CSV with a UTF-8 BOM' }),
          404: ErrorReply,
        },
      },
    },
    async (request, reply) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      const fileName = exportFileName(project.name, 'codebook', 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(codebookCsv(app.db, project.id));
    },
  );

  const importSchema = {
    tags,
    summary: 'Import a codebook CSV (multipart field "file"), all or nothing',
    params: ProjectIdParams,
    consumes: ['multipart/form-data'],
    response: {
      200: CodebookImportResult,
      400: ErrorReply,
      404: ErrorReply,
      413: ErrorReply,
    },
  };
  for (const url of [
    '/projects/:projectId/codebook',
    '/projects/:projectId/codebook.csv',
  ]) {
    app.post(url, { schema: importSchema }, async (request) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) {
        throw errors.validation(
          'Send the codebook as a CSV file in the form field "file".',
          { field: 'file' },
        );
      }
      const bytes = await file.toBuffer();
      return importCodebookCsv(app.db, project.id, bytes, file.filename);
    });
  }
  done();
};
