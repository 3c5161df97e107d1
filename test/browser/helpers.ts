import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App } from '../../server/app';
import { openDatabase, type Db } from '../../server/db/open-database';

const root = resolve(import.meta.dirname, '../..');
export const fixturesDir = join(root, 'test/fixtures/browser');
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory()
      ? newestMtime(path)
      : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** Builds the client into dist/ unless dist/ is newer than every source. */
export async function ensureClientBuilt(): Promise<void> {
  const index = join(root, 'dist/index.html');
  const sources = Math.max(
    newestMtime(join(root, 'client')),
    newestMtime(join(root, 'shared')),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
  });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: run \`apt-get install chromium\` first.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface RunningServer {
  app: App;
  db: Db;
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real server on a fresh SQLite file, on a free local port. */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  const db = openDatabase(join(dir, 'browser.db'));
  const app = await buildApp({ db, serveClient: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    baseUrl: address,
    close: async () => {
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects console errors (with the URL they came from) and uncaught page
 * errors for a final check.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
