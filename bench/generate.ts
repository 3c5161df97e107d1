import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';

const GROUPS = ['Parents/carers', 'Practitioners', 'Children and young people'];
const AUTHORITIES = Array.from({ length: 70 }, (_, i) => `LA ${i + 1}`);

/**
 * Writes a wide CSV of `respondents` rows × 3 open questions, drawing the
 * answers from `texts` in a fixed pseudo-random order (same file every run).
 */
export async function writeWideSurvey(
  file: string,
  respondents: number,
  texts: readonly string[],
): Promise<void> {
  if (texts.length === 0) throw new Error('no texts to draw answers from');
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const pick = () => texts[next() % texts.length] ?? '';
  const out = createWriteStream(file);
  out.write(
    stringify([
      [
        'RespondentID',
        'Group',
        'Local authority',
        'worked',
        'not_worked',
        'change',
      ],
    ]),
  );
  for (let i = 1; i <= respondents; i += 1) {
    const row = [
      `R${String(i).padStart(6, '0')}`,
      GROUPS[i % GROUPS.length] ?? '',
      AUTHORITIES[next() % AUTHORITIES.length] ?? '',
      pick(),
      pick(),
      pick(),
    ];
    if (!out.write(stringify([row]))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
