import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { ensureCoder } from '../server/coders/local-coder';
import { insertTheme } from '../server/codebook/themes-repository';
import { openDatabase } from '../server/db/open-database';
import { themeCounts } from '../server/report/counts-repository';
import { hasOnlySingleCodings } from '../server/report/scope';
import { medianMs, readCsvRecords } from './stats';

const here = dirname(fileURLToPath(import.meta.url));

/** The floor: one GROUP BY over one coder's theme rows, nothing else. */
const FLOOR_SQL = `
  SELECT ct.theme_id, c.question_id, r.group_id, count(*) AS n
  FROM coding_themes ct
  JOIN codings k ON k.id = ct.coding_id
  JOIN comments c ON c.id = k.comment_id
  JOIN respondents r ON r.id = c.respondent_id
  WHERE c.project_id = ? AND k.coder_id = ?
  GROUP BY ct.theme_id, c.question_id, r.group_id`;

/**
 * Adds the sample's 50 themes, has one coder code every comment with one to
 * three of them, then times Verbatim's theme counts (as a function and over
 * HTTP) against the raw GROUP BY floor.
 */
export async function benchCounts(dbFile: string, projectId: number) {
  const db = openDatabase(dbFile);
  const sqlite = db.$client;
  const codebook = readCsvRecords(
    join(here, '../server/sample/nhs-fft-codebook.csv'),
  );
  const coderId = ensureCoder(db, 'bench coder', 'person');
  const themeIds = sqlite.transaction(() =>
    codebook.map(
      (row) =>
        insertTheme(db, projectId, {
          name: row.theme ?? '',
          definition: row.description ?? '',
        }).id,
    ),
  )();
  codeEveryComment(db.$client, projectId, coderId, themeIds);
  const comments = Number(
    sqlite
      .prepare('SELECT count(*) FROM comments WHERE project_id = ?')
      .pluck()
      .get(projectId),
  );

  const floorStatement = sqlite.prepare(FLOOR_SQL);
  // The check for lead decisions and double codings is part of the count.
  const ours = () =>
    themeCounts(
      db,
      {
        projectId,
        filters: [],
        coderId: null,
        singleCodingsOnly: hasOnlySingleCodings(db, projectId),
      },
      null,
    );
  floorStatement.all(projectId, coderId);
  ours();
  const floorMs = medianMs(5, () => floorStatement.all(projectId, coderId));
  const oursMs = medianMs(5, ours);

  const app = await buildApp({ db });
  const url = `/api/projects/${projectId}/report/counts`;
  await app.inject({ url });
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    const reply = await app.inject({ url });
    if (reply.statusCode !== 200) throw new Error(reply.body);
    times.push(performance.now() - started);
  }
  await app.close();
  db.$client.close();
  times.sort((a, b) => a - b);
  return { comments, floorMs, oursMs, httpMs: times[2] ?? Number.NaN };
}

function codeEveryComment(
  sqlite: ReturnType<typeof openDatabase>['$client'],
  projectId: number,
  coderId: number,
  themeIds: readonly number[],
): void {
  const ids = sqlite
    .prepare('SELECT id FROM comments WHERE project_id = ? AND substantive = 1')
    .pluck()
    .all(projectId) as number[];
  const insertCoding = sqlite.prepare(
    'INSERT INTO codings (comment_id, coder_id) VALUES (?, ?) RETURNING id',
  );
  const insertTheme = sqlite.prepare(
    'INSERT OR IGNORE INTO coding_themes (coding_id, theme_id) VALUES (?, ?)',
  );
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  sqlite.transaction(() => {
    for (const commentId of ids) {
      const codingId = insertCoding.pluck().get(commentId, coderId);
      const n = 1 + (next() % 3);
      for (let i = 0; i < n; i += 1) {
        insertTheme.run(codingId, themeIds[next() % themeIds.length]);
      }
    }
  })();
}
