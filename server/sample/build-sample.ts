/**
 * Rebuilds the bundled sample from the NHS FFT hand-out (run by hand:
 * `npx tsx server/sample/build-sample.ts <folder of the hand-out>`). The
 * subset is deterministic: respondents are chosen by a hash of their id,
 * and every other chosen respondent keeps the original human codes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isBlank, isPlaceholder } from '../../shared/text';

const source = process.argv[2];
if (!source) throw new Error('usage: build-sample <nhs-fft-patient-feedback>');
const here = dirname(fileURLToPath(import.meta.url));

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const rows = parse<Record<string, string>>(readFileSync(join(source, 'fft_v6_shared_tidy.csv')), {
  columns: true,
  bom: true,
});

const COLUMNS = [
  'respondent_id',
  'trust',
  'service_type_1',
  'service_type_2',
  'date',
  'fft_score',
  'question_type',
  'comment',
  'themes',
];
const chosen = rows.filter((r) => {
  const text = r.comment ?? '';
  if (isBlank(text) || isPlaceholder(text)) return false;
  return fnv1a(`sample:${r.respondent_id}`) % 100 < 67;
});
const out = chosen.map((r) => {
  const coded = fnv1a(`coded:${r.respondent_id}`) % 2 === 0;
  return COLUMNS.map((c) => (c === 'themes' && !coded ? '' : (r[c] ?? '')));
});
writeFileSync(
  join(here, 'nhs-fft-sample.csv'),
  stringify([COLUMNS, ...out]),
);

const codebook = parse<Record<string, string>>(readFileSync(join(source, 'codebook.csv')), {
  columns: true,
  bom: true,
});
writeFileSync(
  join(here, 'nhs-fft-codebook.csv'),
  stringify([
    ['theme', 'category', 'description'],
    ...codebook.map((t) => [t.theme, t.category, t.description]),
  ]),
);
console.log(
  JSON.stringify({
    rows: out.length,
    coded: out.filter((r) => r[8] !== '').length,
  }),
);
