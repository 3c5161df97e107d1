import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CommentDetail,
  CommentIdParams,
  DeleteCodingQuery,
  HistoryReply,
  ProjectIdParams,
  QueueQuery,
  QueueReply,
  SaveCodingBody,
  SaveCodingReply,
} from '../../shared/api/coding';
import {
  parseAttributeFilter,
  type AttributeFilter,
} from '../../shared/counting';
import { matchingForm } from '../../shared/text';
import type { Db } from '../db/open-database';
import { errors } from '../errors';
import { suggestionsFor } from '../suggest/comment-suggestions';
import {
  deleteCoding,
  findCodingHistory,
  findCommentCodings,
  saveCoding,
} from './codings-repository';
import { findComment, type CommentRow } from './comments-repository';
import { findQueue, projectExists } from './queue-repository';

/** The comment view shows the best few suggestions; the route has all. */
const DETAIL_SUGGESTIONS = 5;

function attributeFilters(param: string | string[] | undefined) {
  const raw = param === undefined ? [] : [param].flat();
  return raw.map((p): AttributeFilter => {
    const filter = parseAttributeFilter(p);
    if (!filter) {
      throw errors.validation(
        `The attribute filter "${p}" is not valid: write it as name:value.`,
        { attr: p },
      );
    }
    return filter;
  });
}

function getComment(db: Db, commentId: number): CommentRow {
  const comment = findComment(db, commentId);
  if (!comment) throw errors.notFound('comment', commentId);
  return comment;
}

export const codingRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/projects/:projectId/queue',
    {
      schema: {
        summary: 'Filtered comment ids with coded/total',
        params: ProjectIdParams,
        querystring: QueueQuery,
        response: { 200: QueueReply },
      },
    },
    (request) => {
      const { projectId } = request.params;
      const query = request.query;
      if (!projectExists(app.db, projectId)) {
        throw errors.notFound('project', projectId);
      }
      return findQueue(app.db, {
        projectId,
        coderId: app.localCoderId,
        status: query.status ?? 'all',
        search: matchingForm(query.search ?? ''),
        includePlaceholders: query.includePlaceholders ?? false,
        attributes: attributeFilters(query.attr),
        ...(query.questionId === undefined
          ? {}
          : { questionId: query.questionId }),
        ...(query.groupId === undefined ? {} : { groupId: query.groupId }),
      });
    },
  );

  app.get(
    '/comments/:commentId',
    {
      schema: {
        summary: 'A comment with its context, my coding and suggestions',
        params: CommentIdParams,
        response: { 200: CommentDetail },
      },
    },
    (request) => {
      const comment = getComment(app.db, request.params.commentId);
      const codings = findCommentCodings(app.db, comment.id, app.localCoderId);
      const suggestions = suggestionsFor(
        app.db,
        { ...comment, groupId: comment.group?.id ?? null },
        DETAIL_SUGGESTIONS,
      );
      return {
        ...comment,
        coding: codings.mine,
        otherCodings: codings.others,
        suggestions,
      };
    },
  );

  app.put(
    '/comments/:commentId/coding',
    {
      schema: {
        summary: 'Save my coding against the version I saw (409 when stale)',
        params: CommentIdParams,
        body: SaveCodingBody,
        response: { 200: SaveCodingReply },
      },
    },
    (request) => {
      const comment = getComment(app.db, request.params.commentId);
      const coding = saveCoding(app.db, {
        commentId: comment.id,
        projectId: comment.projectId,
        coderId: app.localCoderId,
        actorId: app.localCoderId,
        themeIds: request.body.themeIds,
        version: request.body.version,
      });
      return { coding };
    },
  );

  app.delete(
    '/comments/:commentId/coding',
    {
      schema: {
        summary:
          'Delete my coding against the version I saw, so the comment is uncoded again',
        params: CommentIdParams,
        querystring: DeleteCodingQuery,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const comment = getComment(app.db, request.params.commentId);
      deleteCoding(app.db, {
        commentId: comment.id,
        coderId: app.localCoderId,
        actorId: app.localCoderId,
        version: request.query.version,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/comments/:commentId/history',
    {
      schema: {
        summary: 'Every change of the codings of a comment',
        params: CommentIdParams,
        response: { 200: HistoryReply },
      },
    },
    (request) => {
      const comment = getComment(app.db, request.params.commentId);
      return findCodingHistory(app.db, comment.id);
    },
  );
  done();
};
