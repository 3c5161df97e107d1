import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { CommentIdParams } from '../../shared/api/coding';
import { SuggestionsReply } from '../../shared/api/suggest';
import { errors } from '../errors';
import { findCommentToSuggest, suggestionsFor } from './comment-suggestions';

export const suggestRoutes: FastifyPluginCallbackTypebox = (
  app,
  _options,
  done,
) => {
  app.get(
    '/comments/:commentId/suggestions',
    {
      schema: {
        summary: 'Keyword suggestions for a comment, with matched words',
        params: CommentIdParams,
        response: { 200: SuggestionsReply },
      },
    },
    (request) => {
      const { commentId } = request.params;
      const comment = findCommentToSuggest(app.db, commentId);
      if (!comment) throw errors.notFound('comment', commentId);
      return { suggestions: suggestionsFor(app.db, comment) };
    },
  );
  done();
};
