import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the suggest capability fills it in.
export const suggestRoutes: FastifyPluginAsyncTypebox = async () => {};
