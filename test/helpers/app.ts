import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The folder of hand-outs beside the checkout (read-only). */
export const sharedDir = join(import.meta.dirname, '../../../shared');
