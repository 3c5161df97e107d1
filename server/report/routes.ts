import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the report capability fills it in.
export const reportRoutes: FastifyPluginAsyncTypebox = async () => {};
