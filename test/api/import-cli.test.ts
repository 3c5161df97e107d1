import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import { sharedDir } from '../helpers/app';

let dir: string;
let dbFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
  dbFile = join(dir, 'cli.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(
    'npx',
    ['tsx', 'server/cli.ts', ...args, '--db', dbFile],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function count(sql: string): number {
  const db = openDatabase(dbFile);
  try {
    return db.$client.prepare(sql).pluck().get() as number;
  } finally {
    db.$client.close();
  }
}

describe('command line', () => {
  it('refuses an unknown project without --create, in a sentence', () => {
    const r = cli(
      'import',
      join(sharedDir, 'cases/C01/bom_utf8.csv'),
      '--project',
      'POET 2016',
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'There is no project "POET 2016". Add --create to create it.',
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('imports with the proposed mapping and lists the project', () => {
    const r = cli(
      'import',
      join(sharedDir, 'cases/C01/bom_utf8.csv'),
      '--project',
      'POET 2016',
      '--create',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Imported bom_utf8.csv into "POET 2016"');
    expect(r.out).toContain('3 respondents, 5 comments');
    expect(r.out).toContain('Questions: worked (3), not_worked (2).');
    const list = cli('projects');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^1\tPOET 2016\t3 respondents\t5 comments$/m);
  });

  it('takes mapping flags: a fixed group and named questions, as JSON', () => {
    const r = cli(
      'import',
      join(sharedDir, 'cases/C10/blanks.csv'),
      '--project',
      '1',
      '--group',
      'Parents/carers',
      '--questions',
      'worked,not_worked',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as {
      comments: number;
      groups: Array<{ name: string; respondents: number }>;
    };
    expect(report.comments).toBe(11);
    expect(report.groups).toEqual([
      expect.objectContaining({ name: 'Parents/carers', respondents: 8 }),
    ]);
  });

  it('prints file problems with row and column, exits non-zero, writes nothing', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'RespondentID,worked\nP1,Good\n,Bad\n');
    const before = count('SELECT count(*) FROM respondents');
    const r = cli(
      'import',
      file,
      '--project',
      '1',
      '--id-column',
      'RespondentID',
      '--questions',
      'worked',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'bad.csv could not be imported: 1 problem found. Nothing was saved.',
    );
    expect(r.err).toContain(
      '  row 3, column "RespondentID": The respondent id is empty.',
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(count('SELECT count(*) FROM respondents')).toBe(before);
  });

  it('leaves no project behind when an import with --create fails', () => {
    const file = join(dir, 'no-answers.csv');
    writeFileSync(file, 'RespondentID,worked\nP1,\nP2, \n');
    const projects = count('SELECT count(*) FROM projects');
    const r = cli(
      'import',
      file,
      '--project',
      'Never made',
      '--create',
      '--questions',
      'worked',
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'No comments found: none of the columns chosen as open questions has an answer. Check the mapping.',
    );
    expect(count('SELECT count(*) FROM projects')).toBe(projects);
    expect(
      count("SELECT count(*) FROM projects WHERE name = 'Never made'"),
    ).toBe(0);
  });

  it('says "File not found" for a missing file', () => {
    const missing = join(dir, 'nope.csv');
    const r = cli('import', missing, '--project', '1');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`File not found: ${missing}`);
    expect(r.err).not.toContain('ENOENT');
  });

  it('takes a number as an id when that project exists, else as a name', () => {
    const byId = cli(
      'import',
      join(sharedDir, 'cases/C12/formula_comments.csv'),
      '--project',
      '1',
    );
    expect(byId.code, byId.err).toBe(0);
    expect(byId.out).toContain('Project: "POET 2016" (id 1, found by id).');

    const created = cli(
      'import',
      join(sharedDir, 'cases/C03/multiline_crlf.csv'),
      '--project',
      '123',
      '--create',
    );
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(
      /^Project: "123" \(id \d+, created by this import\)\.$/m,
    );
    const id = count("SELECT id FROM projects WHERE name = '123'");
    expect(id).not.toBe(123);

    const byName = cli(
      'import',
      join(sharedDir, 'cases/C06/surveymonkey_export.csv'),
      '--project',
      '123',
    );
    expect(byName.code, byName.err).toBe(0);
    expect(byName.out).toContain(`Project: "123" (id ${id}, found by name).`);
  });

  it('matches ids within their group and says what was new and what matched', () => {
    const write = (name: string, csv: string) => {
      const file = join(dir, name);
      writeFileSync(file, csv);
      return file;
    };
    const parents = write(
      'parents.csv',
      'RespondentID,worked\nP001,The staff listened\nP002,Quick replies\nP003,Nothing really\n',
    );
    const children = write(
      'children.csv',
      'RespondentID,worked\nP001,Games\nP002,My teacher\nP003,Nothing really\n',
    );
    const importAs = (file: string, group: string) =>
      cli(
        'import',
        file,
        '--project',
        'Groups',
        '--create',
        '--group',
        group,
        '--id-column',
        'RespondentID',
        '--questions',
        'worked',
      );
    expect(importAs(parents, 'Parents/carers').code).toBe(0);
    const r = importAs(children, 'Children');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  3 respondents, 3 comments (3 substantive,');
    expect(r.out).toContain('  Groups: Children (3 new).');

    const again = importAs(
      write(
        'parents-2.csv',
        'RespondentID,worked\nP003,Nothing really\nP004,Kind\n',
      ),
      'Parents/carers',
    );
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(
      '  2 respondents (1 new, 1 already in the project), 2 comments (1 new, 1 already in the project)',
    );
    expect(again.out).toContain(
      '  Groups: Parents/carers (1 new, 1 already in the project).',
    );
  });

  it('says "1 respondent" and "1 comment", never "1 comments"', () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'RespondentID,worked\nP1,Good\n');
    const r = cli(
      'import',
      file,
      '--project',
      'Just one',
      '--create',
      '--questions',
      'worked',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  1 respondent, 1 comment (1 substantive');
    expect(r.out).not.toMatch(/\b1 (comments|respondents)\b/);
    const list = cli('projects');
    expect(list.out).toMatch(/\tJust one\t1 respondent\t1 comment$/m);
  });
});
