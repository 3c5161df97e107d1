import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App } from '../../server/app';
import { openDatabase, type Db } from '../../server/db/open-database';

export interface TestApp {
  app: App;
  db: Db;
  dbFile: string;
  close: () => Promise<void>;
}

/** A fresh app on a fresh SQLite file, migrated, with no sample loaded. */
export async function buildTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-test-'));
  const dbFile = join(dir, 'test.db');
  const db = openDatabase(dbFile);
  const app = await buildApp({ db });
  await app.ready();
  return {
    app,
    db,
    dbFile,
    close: async () => {
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One app for the tests of this file (or describe block): built before
 * them, closed after. Read `app` and `db` inside hooks and tests only.
 */
export function useTestApp(): TestApp {
  let built: TestApp | null = null;
  beforeAll(async () => {
    built = await buildTestApp();
  });
  afterAll(async () => built?.close());
  const current = (): TestApp => {
    if (!built) throw new Error('The test app is built in beforeAll.');
    return built;
  };
  return {
    get app() {
      return current().app;
    },
    get db() {
      return current().db;
    },
    get dbFile() {
      return current().dbFile;
    },
    close: () => current().close(),
  };
}

/** The error reply of every route. */
export interface ErrorBody {
  code: string;
  message: string;
  details: {
    problemCount?: number;
    problems?: Array<Record<string, unknown>>;
  };
}

/** The folder of hand-outs beside the checkout (read-only). */
export const sharedDir = join(import.meta.dirname, '../../../shared');
