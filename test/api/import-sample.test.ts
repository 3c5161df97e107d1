import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadSampleIfEmpty,
  SAMPLE_PROJECT_NAME,
} from '../../server/sample/load-sample';
import { useTestApp } from '../helpers/app';

describe('bundled sample survey', () => {
  const t = useTestApp();

  const one = (sql: string, ...params: unknown[]) =>
    t.db.$client
      .prepare(sql)
      .pluck()
      .get(...params) as number;

  it('loads on an empty database through the import, and only once', async () => {
    const log = t.app.log;
    await loadSampleIfEmpty(t.db, log);
    expect(one('SELECT count(*) FROM projects')).toBe(1);
    expect(one('SELECT name FROM projects')).toBe(SAMPLE_PROJECT_NAME);

    const comments = one('SELECT count(*) FROM comments');
    expect(comments).toBeGreaterThan(2500);
    expect(comments).toBeLessThan(3500);
    const coded = one(
      `SELECT count(*) FROM codings g JOIN coders c ON c.id = g.coder_id
       WHERE c.name = 'original' AND c.kind = 'import'`,
    );
    expect(coded / comments).toBeGreaterThan(0.4);
    expect(coded / comments).toBeLessThan(0.6);
    expect(one('SELECT count(*) FROM themes')).toBe(50);
    expect(
      one("SELECT count(*) FROM themes WHERE definition <> ''"),
    ).toBeGreaterThan(40);
    expect(
      t.db.$client
        .prepare('SELECT name FROM respondent_groups ORDER BY position')
        .pluck()
        .all(),
    ).toEqual(['North East Ambulance Service', 'Nottinghamshire Healthcare']);
    expect(
      t.db.$client
        .prepare('SELECT key FROM questions ORDER BY key')
        .pluck()
        .all(),
    ).toEqual(['could_improve', 'nonspecific', 'what_good']);

    await loadSampleIfEmpty(t.db, log);
    expect(one('SELECT count(*) FROM projects')).toBe(1);
  });

  it('keeps the bundled file small', () => {
    const file = join(
      import.meta.dirname,
      '../../server/sample/nhs-fft-sample.csv',
    );
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });
});
