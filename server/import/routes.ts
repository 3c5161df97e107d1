import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder so the app composes; the import capability fills it in.
export const importRoutes: FastifyPluginAsyncTypebox = async () => {};
