import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the export capability fills it in.
export const exportRoutes: FastifyPluginAsyncTypebox = async () => {};
