import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App } from '../../server/app';
import { openDatabase, type Db } from '../../server/db/open-database';
import type { CommentDetail } from '../../shared/api/coding';
import type { Theme } from '../../shared/api/codebook';
import type { Mapping } from '../../shared/api/import';
import { multipart, type Upload } from '../helpers/multipart';

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

/** Every file under `dir`, sorted, for hashing. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of everything the client build reads. */
function clientSourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'client')),
    ...filesUnder(join(root, 'shared')),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const CLIENT_CACHE = join(root, 'node_modules/.cache/verbatim-browser');
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The client built from the current sources, in a folder of its own named
 * by their hash. Never dist/: a build there empties the folder another run
 * (or `npm start`) is serving from, and its pages then load a 404. A build
 * goes to a private folder and is renamed into place whole, so concurrent
 * runs never see half a build; a folder once in place is never changed.
 */
export async function ensureClientBuilt(): Promise<string> {
  const target = join(CLIENT_CACHE, clientSourceHash());
  if (existsSync(join(target, 'index.html'))) return target;
  mkdirSync(CLIENT_CACHE, { recursive: true });
  const scratch = mkdtempSync(join(CLIENT_CACHE, 'building-'));
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: scratch, emptyOutDir: true },
  });
  try {
    renameSync(scratch, target);
  } catch {
    // Another run put the same build in place first: use theirs.
    rmSync(scratch, { recursive: true, force: true });
  }
  pruneOldBuilds(target);
  return target;
}

/** Builds of older sources, left by past runs, once a day old. */
function pruneOldBuilds(keep: string): void {
  for (const name of readdirSync(CLIENT_CACHE)) {
    const path = join(CLIENT_CACHE, name);
    if (path !== keep && Date.now() - statSync(path).mtimeMs > DAY_MS)
      rmSync(path, { recursive: true, force: true });
  }
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

/**
 * The real server on a fresh SQLite file, on a free local port, serving
 * the client built in `clientDir` (server/app.ts serves it as it does dist/).
 */
export async function startServer(clientDir: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  const db = openDatabase(join(dir, 'browser.db'));
  const app = await buildApp({ db, clientDir });
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

/** The mapping the journey picks by hand for small-survey.csv. */
const SMALL_SURVEY_MAPPING: Mapping = {
  layout: 'wide',
  headerRows: 1,
  idColumn: 'respondent_id',
  group: { column: 'group' },
  questions: [
    { column: 'worked', label: 'What worked well?' },
    { column: 'not_worked', label: 'What did not work well?' },
  ],
  attributeColumns: ['local_authority'],
};

export interface SeededSurvey {
  projectId: number;
  /** Theme ids by name. */
  themes: Map<string, number>;
}

/**
 * A project with the parents/carers starter codebook and small-survey.csv
 * imported, made through the API: a test that is not about importing
 * starts from its own project, whatever the tests before it did.
 */
export async function seedSurvey(
  app: App,
  name: string,
): Promise<SeededSurvey> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: { name, starterCodebook: 'parents' },
  });
  if (created.statusCode !== 201 && created.statusCode !== 200)
    throw new Error(`Creating ${name} failed: ${created.body}`);
  const projectId = created.json<{ id: number }>().id;
  const file: Upload = {
    name: 'small-survey.csv',
    bytes: readFileSync(join(fixturesDir, 'small-survey.csv')),
  };
  const imported = await app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/imports`,
    ...multipart({ mapping: JSON.stringify(SMALL_SURVEY_MAPPING) }, file),
  });
  if (imported.statusCode !== 201)
    throw new Error(`Importing into ${name} failed: ${imported.body}`);
  const list = await app.inject(`/api/projects/${projectId}/themes`);
  const themes = new Map(
    list.json<Theme[]>().map((t): [string, number] => [t.name, t.id]),
  );
  return { projectId, themes };
}

/** The project's comments in queue order, with their text. */
export async function commentsOf(
  app: App,
  projectId: number,
): Promise<CommentDetail[]> {
  const queue = await app.inject(`/api/projects/${projectId}/queue?status=all`);
  const ids = queue.json<{ commentIds: number[] }>().commentIds;
  return Promise.all(
    ids.map(async (id) =>
      (await app.inject(`/api/comments/${id}`)).json<CommentDetail>(),
    ),
  );
}

/** Saves the local coder's themes for a comment, as another tab would. */
export async function saveCoding(
  app: App,
  comment: CommentDetail,
  themeIds: number[],
): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/comments/${comment.id}/coding`,
    payload: { themeIds, version: comment.coding?.version ?? 0 },
  });
  if (res.statusCode !== 200)
    throw new Error(`Saving a coding failed: ${res.body}`);
}
