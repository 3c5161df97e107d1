/**
 * Two coders' codes in one file, side by side (exam proctoring survey:
 * `codes_primary`, `codes_secondary`). The expectations are computed here
 * from the raw CSV with csv-parse, independently of the importer.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import type { CountsReply } from '../../shared/api/report';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import {
  importRoutes,
  PROCTORING_TWO_CODERS,
  proctoringTwoCodersMapping,
} from '../helpers/imports';
import { sharedFile, textFile } from '../helpers/multipart';
import { tableCounts } from '../helpers/queries';

const FILE = PROCTORING_TWO_CODERS;

interface Answer {
  response_id: string;
  question_id: string;
  used_proctoring: string;
  answer: string;
  codes_primary: string;
  codes_secondary: string;
  double_coded: string;
}

const rows = parse<Answer>(readFileSync(join(sharedDir, FILE)), {
  columns: true,
  bom: true,
});

/**
 * A cell's codes as a set. Theme names are matched case-insensitively in a
 * codebook, so the set is of lower-cased names; empty parts are dropped.
 */
function codeSet(cell: string): Set<string> {
  return new Set(
    cell
      .split('|')
      .map((code) => code.trim().toLowerCase())
      .filter((code) => code !== ''),
  );
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((code) => b.has(code));
}

/**
 * This file's placeholder answers ("N/A", "None."): kept as comments but
 * counted in no theme, as the project's default placeholder list says.
 */
const isPlaceholderAnswer = (text: string) =>
  /^(n\/a|none)\.?$/i.test(text.trim());

/**
 * The final coding of one answer under the rule of ARCHITECTURE.md: the
 * only coder's set, or both coders' set when identical; null when the two
 * differ (unreconciled) and undefined when nobody coded it.
 */
function finalSet(row: Answer): Set<string> | null | undefined {
  const primary = codeSet(row.codes_primary);
  const secondary = codeSet(row.codes_secondary);
  // An empty cell means that coder did not code the answer.
  if (primary.size === 0) return secondary.size ? secondary : undefined;
  if (secondary.size === 0) return primary;
  return sameSet(primary, secondary) ? primary : null;
}

const groupName = (row: Answer) => row.used_proctoring || '(no group)';

/** Expected theme counts, keyed `question|group|theme`. */
function expectedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (isPlaceholderAnswer(row.answer)) continue;
    for (const theme of finalSet(row) ?? []) {
      const key = `${row.question_id}|${groupName(row)}|${theme}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The reply's non-zero cells, keyed the same way. */
function actualCounts(reply: CountsReply): Map<string, number> {
  const question = new Map(reply.questions.map((q) => [q.id, q.label]));
  const group = new Map(reply.groups.map((g) => [g.id, g.name]));
  const theme = new Map(reply.themes.map((t) => [t.id, t.name]));
  const counts = new Map<string, number>();
  for (const c of reply.cells)
    if (c.count > 0)
      counts.set(
        `${question.get(c.questionId)}|${group.get(c.groupId)}|${theme.get(c.themeId)?.toLowerCase()}`,
        c.count,
      );
  return counts;
}

const twoCoders = proctoringTwoCodersMapping;

const t = useTestApp();
const { importRequest } = importRoutes(t);

const upload = (projectId: number, mapping: Mapping) =>
  importRequest(projectId, sharedFile(FILE), mapping);

function codingsOf(projectId: number, coder: string) {
  const count = (table: string, where = '') =>
    t.db.$client
      .prepare(
        `SELECT count(*) FROM ${table} x JOIN comments c
           ON c.id = x.comment_id JOIN coders k ON k.id = x.coder_id
         WHERE c.project_id = ? AND k.name = ? AND k.kind = 'import' ${where}`,
      )
      .pluck()
      .get(projectId, coder) as number;
  return {
    codings: count('codings'),
    history: count('coding_history', "AND x.reason = 'import'"),
  };
}

describe('importing two coders’ codes side by side', () => {
  let projectId: number;
  let report: ImportReport;

  beforeAll(async () => {
    projectId = seed.project(t.db, { name: 'Exam proctoring' });
    const res = await upload(projectId, twoCoders);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    report = res.json<ImportReport>();
  });

  it('gives each coder the codings of their own column', () => {
    const primary = rows.filter((r) => codeSet(r.codes_primary).size).length;
    const secondary = rows.filter(
      (r) => codeSet(r.codes_secondary).size,
    ).length;
    // Empty secondary cells are exactly the answers not double-coded.
    expect(secondary).toBe(rows.filter((r) => r.double_coded === '1').length);

    expect(report.comments).toBe(rows.length);
    expect(report.coders).toEqual([
      { name: 'primary', codings: primary },
      { name: 'secondary', codings: secondary },
    ]);
    expect(report.codings).toBe(primary + secondary);
    expect(report.coder).toBe('primary');
    expect(codingsOf(projectId, 'primary')).toEqual({
      codings: primary,
      history: primary,
    });
    expect(codingsOf(projectId, 'secondary')).toEqual({
      codings: secondary,
      history: secondary,
    });
  });

  it('makes each code a theme once, shared by both coders', () => {
    const all = new Set(
      rows.flatMap((r) => [
        ...codeSet(r.codes_primary),
        ...codeSet(r.codes_secondary),
      ]),
    );
    const themes = t.db.$client
      .prepare('SELECT lower(name) FROM themes WHERE project_id = ?')
      .pluck()
      .all(projectId) as string[];
    expect(themes.sort()).toEqual([...all].sort());
    expect(report.newThemes).toHaveLength(all.size);
  });

  it('counts each answer under the final-coding rule', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/counts`,
    });
    expect(res.statusCode).toBe(200);
    const reply = res.json<CountsReply>();
    const expected = expectedCounts();
    const actual = actualCounts(reply);
    // Spot checks first, for a readable failure …
    for (const key of [
      'Q5|No|monitor_students',
      'Q5|No|monitor_students->webcam',
      'N3|No|harmful_to_students',
      'N4|No|timed_tests',
      'Q12|Yes|does_not_eliminate_cheating',
      'Q16|Yes|in_person_exams',
    ]) {
      expect(expected.get(key), key).toBeGreaterThan(0);
      expect(actual.get(key), key).toBe(expected.get(key));
    }
    // … then every theme × question × group.
    expect(actual).toEqual(expected);
    expect(expected.size).toBeGreaterThan(300);
  });

  it('leaves the 87 answers whose code sets differ unreconciled', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/counts`,
    });
    const reply = res.json<CountsReply>();
    const bases = reply.groups.flatMap((g) => Object.values(g.base));
    const sum = (field: 'unreconciled' | 'placeholders') =>
      bases.reduce((n, b) => n + b[field], 0);

    const differing = rows.filter((r) => finalSet(r) === null);
    const doubleCoded = rows.filter((r) => r.double_coded === '1');
    const identical = doubleCoded.filter((r) => finalSet(r) !== null);
    // The folder's README: 301 double-coded, 214 with identical full sets.
    expect([doubleCoded.length, identical.length]).toEqual([301, 214]);
    expect(differing).toHaveLength(87);
    // No placeholder answer is among them, so none is dropped from the base.
    expect(differing.filter((r) => isPlaceholderAnswer(r.answer))).toEqual([]);
    expect(sum('unreconciled')).toBe(87);
    expect(sum('placeholders')).toBe(
      rows.filter((r) => isPlaceholderAnswer(r.answer)).length,
    );
  });
});

describe('refused mappings of several coders', () => {
  it('refuses two code columns given to the same coder', async () => {
    const projectId = seed.project(t.db, { name: 'Same coder' });
    const before = tableCounts(t.db);
    const res = await upload(projectId, {
      ...twoCoders,
      codes: [
        { format: 'delimited', column: 'codes_primary', coder: 'ann' },
        { format: 'delimited', column: 'codes_secondary', coder: ' ann ' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toBe(
      'The mapping gives the codes of several columns to the same coder "ann": give each coder’s codes their own coder name.',
    );
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('refuses two unnamed coders, who would both be "imported"', async () => {
    const projectId = seed.project(t.db, { name: 'Unnamed coders' });
    const res = await upload(projectId, {
      ...twoCoders,
      codes: [
        { format: 'delimited', column: 'codes_primary' },
        { format: 'delimited', column: 'codes_secondary' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toContain('same coder "imported"');
  });

  it('names a code column that is not in the file, writing nothing', async () => {
    const projectId = seed.project(t.db, { name: 'Bad column' });
    const before = tableCounts(t.db);
    const res = await upload(projectId, {
      ...twoCoders,
      codes: [
        { format: 'delimited', column: 'codes_primary', coder: 'primary' },
        { format: 'delimited', column: 'codes_third', coder: 'third' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('bad_file');
    expect(body.message).toBe(
      'coded_answers.csv could not be imported: 1 problem found. Nothing was saved.',
    );
    expect(body.details.problems?.[0]).toMatchObject({
      column: 'codes_third',
      message: expect.stringMatching(
        /^The mapping names a column "codes_third" \(codes of coder "third"\) that is not in the file\./,
      ) as unknown,
    });
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('reports a bad cell of one coder’s 1/0 columns by row and column', async () => {
    const projectId = seed.project(t.db, { name: 'Bad binary' });
    const res = await upload(projectId, {
      ...twoCoders,
      codes: [
        { format: 'delimited', column: 'codes_primary', coder: 'primary' },
        { format: 'binary', coder: 'flags', columns: [{ column: 'school' }] },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('bad_file');
    expect(body.details.problems?.[0]).toMatchObject({
      row: 2,
      column: 'school',
      message:
        'A theme column should hold 1 (theme applies) or 0/empty, not "School of Business".',
    });
  });
});

describe('one coder’s codes for each question of a wide file', () => {
  it('accepts the same coder once per question', async () => {
    const projectId = seed.project(t.db, { name: 'Wide, one coder' });
    const csv =
      'id,worked,worked_codes,change,change_codes\n1,Quick,Time,Less,Paperwork|Time\n2,Kind,,More,\n';
    const res = await importRequest(projectId, textFile('wide.csv', csv), {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'id',
      group: null,
      questions: [{ column: 'worked' }, { column: 'change' }],
      codes: [
        {
          format: 'delimited',
          column: 'worked_codes',
          coder: 'ann',
          question: 'worked',
        },
        {
          format: 'delimited',
          column: 'change_codes',
          coder: 'ann',
          question: 'change',
        },
      ],
    } satisfies Mapping);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json<ImportReport>();
    expect(report.coders).toEqual([{ name: 'ann', codings: 2 }]);
    expect(report.newThemes).toEqual(['Time', 'Paperwork']);
  });
});

describe('the command line with two coders', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      'npx',
      [
        'tsx',
        'server/cli.ts',
        'import',
        join(sharedDir, FILE),
        '--db',
        t.dbFile,
        ...args,
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  const layout = [
    '--layout',
    'long',
    '--question-column',
    'question_id',
    '--text-column',
    'answer',
    '--id-column',
    'response_id',
  ];

  it('takes one --codes-column/--coder pair per coder', () => {
    const r = cli(
      '--project',
      'CLI two coders',
      '--create',
      ...layout,
      '--codes-column',
      'codes_primary',
      '--coder',
      'primary',
      '--codes-column',
      'codes_secondary',
      '--coder',
      'secondary',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Codings: 579 codings by primary, 301 codings by secondary;',
    );
  });

  it('refuses pairs that do not match, with the usage', () => {
    const r = cli(
      '--project',
      'CLI bad pairs',
      '--create',
      ...layout,
      '--codes-column',
      'codes_primary',
      '--codes-column',
      'codes_secondary',
      '--coder',
      'primary',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Give one --coder per --codes-column: 2 columns, 1 coder.',
    );
    expect(r.stderr).toContain('Usage:');
  });
});
