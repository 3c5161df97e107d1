import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initialKeywords } from '../shared/keywords';
import { buildKeywordIndex, suggest } from '../shared/suggest/keyword-index';
import { quantile, readCsvRecords } from './stats';

const here = dirname(fileURLToPath(import.meta.url));

/** Suggestion latency for single comments against the 50-theme codebook. */
export function benchSuggest(texts: readonly string[]) {
  const codebook = readCsvRecords(
    join(here, '../server/sample/nhs-fft-codebook.csv'),
  );
  const themes = codebook.map((row, i) => {
    const name = row.name ?? row.theme ?? '';
    const definition = row.definition ?? row.description ?? '';
    return {
      id: i + 1,
      name,
      keywords: initialKeywords(name, definition),
      archived: false,
      groupIds: null,
    };
  });
  const index = buildKeywordIndex(themes);
  for (const text of texts.slice(0, 500)) suggest(index, text); // warm up

  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    suggest(index, text);
    times.push(performance.now() - started);
  }
  return {
    themes: themes.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
  };
}
