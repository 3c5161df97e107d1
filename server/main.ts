import { buildApp } from './app';
import { openDatabase } from './db/open-database';
import { loadSampleIfEmpty } from './sample/load-sample';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const dbFile = process.env.VERBATIM_DB ?? 'data/verbatim.db';

const db = openDatabase(dbFile);
const app = await buildApp({
  db,
  serveClient: true,
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: ['req.headers.cookie', 'req.headers.authorization', 'body.text'],
  },
});

await loadSampleIfEmpty(db, app.log);

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  db.$client.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port, host });
