import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the coding capability fills it in.
export const codingRoutes: FastifyPluginAsyncTypebox = async () => {};
