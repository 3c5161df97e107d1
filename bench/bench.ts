/**
 * `npm run bench`: Verbatim's speed and memory on a generated survey of
 * 100,000 respondents × 3 questions, each figure next to a floor measured
 * in the same run on the same machine, printed as a ratio.
 *
 * - import: Verbatim's import vs csv-parse + prepared inserts in one
 *   transaction (target ≤ 2×, peak RSS ≤ 512 MB);
 * - counts: theme counts by question × group vs one raw GROUP BY on the
 *   same database (target ≤ 1.5×);
 * - suggestions: one comment against 50 themes (target p95 ≤ 1 ms);
 * - save-and-next over HTTP (p50, p95).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWideSurvey } from './generate';
import { readCsvRecords } from './stats';
import { benchCounts } from './bench-counts';
import { benchSuggest } from './bench-suggest';
import { benchSaveAndNext } from './bench-save';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 100_000);

interface ChildResult {
  ms: number;
  maxRssMb: number;
  projectId?: number;
}

function runChild(script: string, ...args: string[]): ChildResult {
  const out = execFileSync('npx', ['tsx', join(here, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as ChildResult;
}

function fresh(file: string): string {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(file + suffix, { force: true });
  return file;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main() {
  mkdirSync(outDir, { recursive: true });
  const sample = readCsvRecords(
    join(here, '../server/sample/nhs-fft-sample.csv'),
  );
  const texts = sample.map((row) => row.comment ?? '').filter(Boolean);

  const csv = join(outDir, 'survey.csv');
  console.log(
    `Generating ${RESPONDENTS.toLocaleString('en-GB')} respondents × 3 questions from ${texts.length} sample comments…`,
  );
  await writeWideSurvey(csv, RESPONDENTS, texts);

  console.log('Import: floor (csv-parse + prepared inserts, one transaction)…');
  const floor = runChild(
    'floor-import.ts',
    csv,
    fresh(join(outDir, 'floor.db')),
  );
  console.log('Import: Verbatim…');
  const dbFile = fresh(join(outDir, 'verbatim.db'));
  const ours = runChild('verbatim-import.ts', csv, dbFile);
  const importRatio = ours.ms / floor.ms;

  console.log('Counts, suggestions, save-and-next…');
  const counts = await benchCounts(dbFile, ours.projectId ?? 1);
  const suggestion = benchSuggest(texts);
  const save = await benchSaveAndNext(dbFile, ours.projectId ?? 1);

  console.log('');
  console.log('| measure | Verbatim | floor | ratio | target | |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(
    `| import time | ${fmt(ours.ms / 1000, 2)} s | ${fmt(floor.ms / 1000, 2)} s | ${fmt(importRatio, 2)}× | ≤ 2× | ${verdict(importRatio <= 2)} |`,
  );
  console.log(
    `| import peak RSS | ${fmt(ours.maxRssMb, 0)} MB | ${fmt(floor.maxRssMb, 0)} MB | ${fmt(ours.maxRssMb / floor.maxRssMb, 2)}× | ≤ 512 MB | ${verdict(ours.maxRssMb <= 512)} |`,
  );
  console.log(
    `| theme counts (${counts.comments.toLocaleString('en-GB')} comments, 1 coder) | ${fmt(counts.oursMs)} ms | ${fmt(counts.floorMs)} ms | ${fmt(counts.oursMs / counts.floorMs, 2)}× | ≤ 1.5× | ${verdict(counts.oursMs / counts.floorMs <= 1.5)} |`,
  );
  console.log(
    `| theme counts over HTTP (GET /report/counts) | ${fmt(counts.httpMs)} ms | ${fmt(counts.floorMs)} ms | ${fmt(counts.httpMs / counts.floorMs, 2)}× | (informative) | |`,
  );
  console.log(
    `| suggestions, 50 themes, p50 / p95 | ${fmt(suggestion.p50 * 1000, 0)} µs / ${fmt(suggestion.p95 * 1000, 0)} µs | | | p95 ≤ 1 ms | ${verdict(suggestion.p95 <= 1)} |`,
  );
  console.log(
    `| save-and-next over HTTP, p50 / p95 (${save.n} saves) | ${fmt(save.p50, 2)} ms / ${fmt(save.p95, 2)} ms | | | | |`,
  );
  console.log('');
  console.log(
    `Floors are measured in this run on this machine; ratios compare like with like. Comments imported: ${String(counts.comments)}.`,
  );
}

await main();
