import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The records of a CSV file with a header row. */
export function readCsvRecords(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file), { columns: true, bom: true });
}

/** The q-quantile (0–1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? Number.NaN;
}

/** The median time of `runs` runs of `work`, in milliseconds. */
export function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return quantile(times, 0.5);
}
