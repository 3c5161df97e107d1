import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the codebook capability fills it in.
export const codebookRoutes: FastifyPluginAsyncTypebox = async () => {};
