import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateProjectBody,
  ErrorReply,
  Me,
  ProjectDetail,
  ProjectIdParams,
  ProjectSummary,
  UpdateProjectBody,
} from '../../shared/api/projects';
import { inTransaction, type Db } from '../db/open-database';
import { errors } from '../errors';
import { addStarterThemes } from '../codebook/codebook-service';
import {
  findCoder,
  getProjectOr404,
  findProjectByName,
  insertProject,
  listProjects,
  projectDetail,
  newProjectSummary,
  updateProject,
} from './projects-repository';

const tags = ['projects'];

/** A trimmed, non-empty name no other project of the database uses. */
function checkProjectName(
  db: Db,
  name: string,
  projectId: number | null,
): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw errors.validation('The project name must not be empty.', {
      field: 'name',
    });
  }
  const other = findProjectByName(db, trimmed);
  if (other && other.id !== projectId) throw errors.projectNameTaken(trimmed);
  return trimmed;
}

/** Placeholders trimmed, without empties: an empty one would match "". */
function cleanPlaceholders(placeholders: string[]): string[] {
  return [...new Set(placeholders.map((p) => p.trim()))].filter(
    (p) => p !== '',
  );
}

export const projectRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The coder requests act as',
        response: { 200: Me },
      },
    },
    () => {
      const coder = findCoder(app.db, app.localCoderId);
      if (!coder) throw errors.notFound('coder', app.localCoderId);
      return { coder };
    },
  );

  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Every project with its respondent and comment counts',
        response: { 200: Type.Array(ProjectSummary) },
      },
    },
    () => listProjects(app.db),
  );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a project, optionally with a starter codebook',
        body: CreateProjectBody,
        response: { 201: ProjectSummary, 400: ErrorReply, 409: ErrorReply },
      },
    },
    async (request, reply) => {
      const name = checkProjectName(app.db, request.body.name, null);
      const starter = request.body.starterCodebook ?? null;
      const project = inTransaction(app.db, () => {
        const row = insertProject(app.db, name);
        if (starter) addStarterThemes(app.db, row.id, starter);
        return row;
      });
      return reply.status(201).send(newProjectSummary(project));
    },
  );

  app.get(
    '/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Groups, questions, attributes, coders and settings',
        params: ProjectIdParams,
        response: { 200: ProjectDetail, 404: ErrorReply },
      },
    },
    (request) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      return projectDetail(app.db, project, app.localCoderId);
    },
  );

  app.patch(
    '/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Rename the project or change its placeholder answers',
        params: ProjectIdParams,
        body: UpdateProjectBody,
        response: {
          200: ProjectDetail,
          400: ErrorReply,
          404: ErrorReply,
          409: ErrorReply,
        },
      },
    },
    (request) => {
      const project = getProjectOr404(app.db, request.params.projectId);
      const { name, placeholders } = request.body;
      updateProject(app.db, project, {
        name:
          name === undefined
            ? undefined
            : checkProjectName(app.db, name, project.id),
        placeholders: placeholders && cleanPlaceholders(placeholders),
      });
      return projectDetail(
        app.db,
        getProjectOr404(app.db, project.id),
        app.localCoderId,
      );
    },
  );
  done();
};
