/**
 * How well keyword suggestions alone predict hand coding, on the NHS
 * Friends and Family Test comments (`npm run eval:suggest`).
 *
 * Keywords come only from each theme's name and description (the way a new
 * codebook starts: initialKeywords), never from the labels. Blank and
 * placeholder answers ("Did not answer", "N/A", "None.") are skipped: they
 * are not suggested for. Two ways of turning the ranking into a coding are
 * scored against the `themes` column: the top suggestion alone, and the
 * top k whose score reaches a threshold.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { initialKeywords } from '../shared/keywords';
import {
  buildKeywordIndex,
  suggest,
  type SuggestTheme,
} from '../shared/suggest/keyword-index';
import {
  coverage,
  microPrf,
  recallAtK,
  type Prf,
} from '../shared/suggest/metrics';
import { starredSuggestions } from '../shared/suggest/starred';
import { isBlank, isPlaceholder } from '../shared/text';

const dataDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/nhs-fft-patient-feedback',
);

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(join(dataDir, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

function loadCodebook(): SuggestTheme[] {
  return readCsv('codebook.csv').map((row, i) => ({
    id: i + 1,
    name: row.theme ?? '',
    keywords: initialKeywords(row.theme ?? '', row.description ?? ''),
    archived: false,
    groupIds: null,
  }));
}

interface Scored {
  gold: Set<string>;
  /** Theme names with scores, best first. */
  ranked: Array<{ name: string; score: number }>;
}

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  );
}

function scoreComments(codebook: SuggestTheme[]) {
  const index = buildKeywordIndex(codebook);
  const names = new Map(codebook.map((t) => [t.id, t.name]));
  const scored: Scored[] = [];
  const timesMs: number[] = [];
  let skipped = 0;

  for (const row of readCsv('fft_v6_shared_tidy.csv')) {
    const text = row.comment ?? '';
    if (isBlank(text) || isPlaceholder(text)) {
      skipped += 1;
      continue;
    }
    const started = performance.now();
    const suggestions = suggest(index, text);
    timesMs.push(performance.now() - started);
    scored.push({
      gold: new Set((row.themes ?? '').split('|').filter((t) => t !== '')),
      ranked: suggestions.map((s) => ({
        name: names.get(s.themeId) ?? '',
        score: s.score,
      })),
    });
  }
  timesMs.sort((a, b) => a - b);
  return { scored, skipped, timesMs };
}

interface Strategy {
  label: string;
  pick: (ranked: Scored['ranked']) => string[];
}

const STRATEGIES: Strategy[] = [
  { label: 'top-1', pick: (r) => r.slice(0, 1).map((s) => s.name) },
  {
    label: 'starred (key a)',
    pick: (r) => starredSuggestions(r).map((s) => s.name),
  },
  ...[
    [2, 0],
    [3, 0],
    [3, 2],
    [3, 3],
    [2, 4],
  ].map(([k = 1, threshold = 0]) => ({
    label: `top-${k}, score >= ${threshold}`,
    pick: (r: Scored['ranked']) =>
      r
        .filter((s) => s.score >= threshold)
        .slice(0, k)
        .map((s) => s.name),
  })),
];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

function printTable(scored: Scored[]): void {
  const gold = scored.map((s) => s.gold);
  console.log(
    `${'prediction'.padEnd(22)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'coverage'.padStart(8)}`,
  );
  for (const strategy of STRATEGIES) {
    const predicted = scored.map((s) => strategy.pick(s.ranked));
    const prf: Prf = microPrf(
      gold,
      predicted.map((p) => new Set(p)),
    );
    console.log(
      `${strategy.label.padEnd(22)} ${pct(prf.precision).padStart(9)} ${pct(prf.recall)} ${pct(prf.f1)} ${pct(coverage(predicted)).padStart(8)}`,
    );
  }
}

function recallAt3Labels(scored: Scored[]): number {
  let found = 0;
  let total = 0;
  for (const s of scored) {
    const top = new Set(s.ranked.slice(0, 3).map((r) => r.name));
    total += s.gold.size;
    for (const label of s.gold) if (top.has(label)) found += 1;
  }
  return total === 0 ? 0 : found / total;
}

function main(): void {
  const codebook = loadCodebook();
  const { scored, skipped, timesMs } = scoreComments(codebook);
  const ranked = scored.map((s) => s.ranked.map((r) => r.name));

  console.log('Keyword suggestions on NHS FFT (shared rows)');
  console.log(
    `themes: ${codebook.length} (keywords from name + description only); ` +
      `comments scored: ${scored.length}; skipped blank/placeholder: ${skipped}`,
  );
  console.log('Micro-averaged over comments x themes:\n');
  printTable(scored);
  console.log('');
  console.log(
    `recall@3 (share of gold labels in the top 3):      ${pct(recallAt3Labels(scored))}`,
  );
  console.log(
    `R@3 (mean per comment, as in reference METHODS):   ${pct(
      recallAtK(
        ranked,
        scored.map((s) => s.gold),
        3,
      ),
    )}`,
  );
  console.log(
    `coverage (comments with any suggestion):           ${pct(coverage(ranked))}`,
  );
  console.log(
    `suggest() per comment: p50 ${percentile(timesMs, 0.5).toFixed(3)} ms, ` +
      `p95 ${percentile(timesMs, 0.95).toFixed(3)} ms, ` +
      `max ${percentile(timesMs, 1).toFixed(3)} ms`,
  );
}

main();
