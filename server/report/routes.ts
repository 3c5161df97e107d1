import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ProjectIdParams, ErrorReply } from '../../shared/api/projects';
import {
  CountsReply,
  ReportCommentsQuery,
  ReportCommentsReply,
  ReportFilterQuery,
} from '../../shared/api/report';
import { errors } from '../errors';
import { commentsBehindCount } from './comments-repository';
import {
  codebookThemes,
  openQuestions,
  themeCounts,
} from './counts-repository';
import { resolveScope } from './scope';

export const reportRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/projects/:projectId/report/counts',
    {
      schema: {
        summary: 'Theme counts per question × group, with their bases',
        params: ProjectIdParams,
        querystring: ReportFilterQuery,
        response: { 200: CountsReply, 400: ErrorReply, 404: ErrorReply },
      },
    },
    (request) => {
      const { scope, coder } = resolveScope(
        app.db,
        request.params.projectId,
        request.query,
      );
      return themeCounts(app.db, scope, coder);
    },
  );

  app.get(
    '/projects/:projectId/report/comments',
    {
      schema: {
        summary: 'The comments behind one count',
        params: ProjectIdParams,
        querystring: ReportCommentsQuery,
        response: {
          200: ReportCommentsReply,
          400: ErrorReply,
          404: ErrorReply,
        },
      },
    },
    (request) => {
      const { projectId } = request.params;
      const query = request.query;
      const { scope } = resolveScope(app.db, projectId, query);
      checkBelongs(app.db, projectId, query);
      return commentsBehindCount(app.db, scope, {
        themeId: query.themeId ?? null,
        questionId: query.questionId ?? null,
        groupId: parseGroupId(query.groupId),
        status: query.status ?? null,
        limit: query.limit,
        offset: query.offset,
      });
    },
  );

  done();
};

function parseGroupId(groupId: string | undefined): number | null | undefined {
  if (groupId === undefined) return undefined;
  return groupId === 'none' ? null : Number(groupId);
}

/** A theme, question or group of another project is as good as absent. */
function checkBelongs(
  db: Parameters<typeof openQuestions>[0],
  projectId: number,
  query: ReportCommentsQuery,
): void {
  if (
    query.themeId !== undefined &&
    !codebookThemes(db, projectId).some((t) => t.id === query.themeId)
  ) {
    throw errors.notFound('theme', query.themeId);
  }
  if (
    query.questionId !== undefined &&
    !openQuestions(db, projectId).some((q) => q.id === query.questionId)
  ) {
    throw errors.notFound('question', query.questionId);
  }
  const groupId = parseGroupId(query.groupId);
  if (typeof groupId === 'number') {
    const found = db.$client
      .prepare(
        'SELECT 1 FROM respondent_groups WHERE id = ? AND project_id = ?',
      )
      .get(groupId, projectId);
    if (!found) throw errors.notFound('group', groupId);
  }
}
