import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the projects capability fills it in.
export const projectRoutes: FastifyPluginAsyncTypebox = async () => {};
