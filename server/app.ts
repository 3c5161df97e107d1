import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './db/open-database';
import { registerErrorHandler } from './error-handler';
import { validatorCompiler } from './validation';
import { ensureLocalCoder } from './coders/local-coder';
import { projectRoutes } from './projects/routes';
import { importRoutes } from './import/routes';
import { codebookRoutes } from './codebook/routes';
import { codingRoutes } from './coding/routes';
import { suggestRoutes } from './suggest/routes';
import { reportRoutes } from './report/routes';
import { exportRoutes } from './export/routes';

export interface AppOptions {
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built client from dist/ when it exists. */
  serveClient?: boolean;
  /** Serve the client built in this folder instead of dist/. */
  clientDir?: string;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Until accounts exist, every request codes as this one local coder. */
    localCoderId: number;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the app without listening: tests inject requests into it. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.decorate('db', options.db);
  app.decorate('localCoderId', ensureLocalCoder(options.db));
  registerErrorHandler(app);

  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes ?? 512 * 1024 * 1024, files: 1 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Verbatim API',
        description:
          'The JSON API the Verbatim client uses: import, codebook, coding, suggestions, counts and exports.',
        version: '0.1.0',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      await api.register(projectRoutes);
      await api.register(importRoutes);
      await api.register(codebookRoutes);
      await api.register(codingRoutes);
      await api.register(suggestRoutes);
      await api.register(reportRoutes);
      await api.register(exportRoutes);
    },
    { prefix: '/api' },
  );

  const clientDir =
    options.clientDir ?? (options.serveClient ? resolve(root, 'dist') : null);
  if (clientDir !== null && existsSync(clientDir)) {
    await app.register(fastifyStatic, { root: clientDir, wildcard: false });
    // Client-side routes: any GET outside /api gets the app shell.
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  }

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
