import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile, textFile } from '../helpers/multipart';
import { tableCounts } from '../helpers/queries';

const NHS = 'data/nhs-fft-patient-feedback';

function readCsv(path: string): Array<Record<string, string>> {
  return parse<Record<string, string>>(readFileSync(join(sharedDir, path)), {
    columns: true,
    bom: true,
  });
}

/** The test's own idea of an empty answer: nothing but spaces. */
const hasText = (text: string | undefined) =>
  (text ?? '').replace(/[\s\u00a0\u200b\ufeff]/g, '') !== '';

const SOME_THEMES = [
  'Positive experience & gratitude',
  'Staff manner & personal attributes',
  'Timeliness of care',
  'Transport to/ from services',
  'Parking',
];

const t = useTestApp();
const routes = importRoutes(t);

/** The report of importing a hand-out file. */
const runImport = (projectId: number, path: string, mapping: Mapping) =>
  routes.importFile(projectId, sharedFile(path), mapping);

function codedComments(projectId: number, theme: string): number {
  return t.db.$client
    .prepare(
      `SELECT count(DISTINCT g.comment_id) FROM coding_themes ct
       JOIN codings g ON g.id = ct.coding_id
       JOIN themes th ON th.id = ct.theme_id
       WHERE th.project_id = ? AND th.name = ?`,
    )
    .pluck()
    .get(projectId, theme) as number;
}

describe('imported codes (NHS Friends and Family Test)', () => {
  it('imports the wide file’s 50 theme columns as binary codes', async () => {
    const rows = readCsv(`${NHS}/fft_v6_shared_wide.csv`);
    const header = Object.keys(rows[0] ?? {});
    const themeColumns = header.slice(header.indexOf('Comment sentiment') + 1);
    expect(themeColumns).toHaveLength(50);
    const answered = rows.filter((r) => hasText(r['FFT answer']));

    const projectId = seed.project(t.db);
    const report = await runImport(projectId, `${NHS}/fft_v6_shared_wide.csv`, {
      layout: 'long',
      headerRows: 1,
      idColumn: 'Respondent ID',
      group: { column: 'Trust' },
      questionColumn: 'FFT question',
      textColumn: 'FFT answer',
      codes: {
        format: 'binary',
        coder: 'original',
        columns: themeColumns.map((column) => ({ column })),
      },
    });
    expect(report.comments).toBe(answered.length);
    expect(report.skippedBlank).toBe(rows.length - answered.length);
    expect(report.codings).toBe(answered.length);
    expect(report.coder).toBe('original');
    expect(report.newThemes).toHaveLength(50);
    expect(report.groups.map((g) => g.name).sort()).toEqual(['NEAS', 'NHFT']);
    expect(report.respondents).toBe(
      new Set(rows.map((r) => r['Respondent ID'])).size,
    );
    for (const theme of SOME_THEMES) {
      const expected = answered.filter((r) => r[theme] === '1').length;
      expect(codedComments(projectId, theme), theme).toBe(expected);
    }
    const history = t.db.$client
      .prepare(
        `SELECT count(*) FROM coding_history h JOIN comments c
           ON c.id = h.comment_id
         WHERE c.project_id = ? AND h.reason = 'import'`,
      )
      .pluck()
      .get(projectId);
    expect(history).toBe(answered.length);
    const coderKind = t.db.$client
      .prepare("SELECT kind FROM coders WHERE name = 'original'")
      .pluck()
      .get();
    expect(coderKind).toBe('import');
  });

  it('imports the tidy file’s delimited themes, reusing existing themes', async () => {
    const rows = readCsv(`${NHS}/fft_v6_shared_tidy.csv`);
    // Rows repeating a respondent's answer to the same question are one
    // comment carrying the union of their themes.
    const comments = new Map<string, Set<string>>();
    for (const r of rows.filter((row) => hasText(row.comment))) {
      const key = [r.respondent_id, r.question_type, r.comment].join('\u0000');
      const themes = comments.get(key) ?? new Set<string>();
      for (const theme of (r.themes ?? '').split('|')) themes.add(theme);
      comments.set(key, themes);
    }
    const projectId = seed.project(t.db);
    const existing = t.db.$client
      .prepare(
        `INSERT INTO themes (project_id, name, name_key, colour)
         VALUES (?, 'Parking', 'parking', '#000000') RETURNING id`,
      )
      .pluck()
      .get(projectId);

    const report = await runImport(projectId, `${NHS}/fft_v6_shared_tidy.csv`, {
      layout: 'long',
      headerRows: 1,
      idColumn: 'respondent_id',
      group: { column: 'trust' },
      questionColumn: 'question_type',
      questionLabels: { what_good: 'What was good?' },
      textColumn: 'comment',
      attributeColumns: ['service_type_1', 'date'],
      codes: { format: 'delimited', column: 'themes' },
    });
    expect(report.coder).toBe('imported');
    expect(report.comments).toBe(comments.size);
    expect(report.codings).toBe(comments.size);
    expect(report.newThemes).not.toContain('Parking');
    expect(report.questions.map((q) => q.key).sort()).toEqual([
      'could_improve',
      'nonspecific',
      'what_good',
    ]);
    expect(report.questions.find((q) => q.key === 'what_good')?.label).toBe(
      'What was good?',
    );
    for (const theme of SOME_THEMES) {
      const expected = [...comments.values()].filter((themes) =>
        themes.has(theme),
      ).length;
      expect(codedComments(projectId, theme), theme).toBe(expected);
    }
    const parkingId = t.db.$client
      .prepare(
        `SELECT DISTINCT ct.theme_id FROM coding_themes ct JOIN themes th
           ON th.id = ct.theme_id WHERE th.project_id = ? AND th.name = ?`,
      )
      .pluck()
      .get(projectId, 'Parking');
    expect(parkingId).toBe(existing);
    const didNotAnswer = t.db.$client
      .prepare(
        "SELECT substantive FROM comments WHERE project_id = ? AND text = 'Did not answer' LIMIT 1",
      )
      .pluck()
      .get(projectId);
    expect(didNotAnswer).toBe(0);
  });

  it('gives an empty coding when a row’s theme columns are all 0', async () => {
    const projectId = seed.project(t.db);
    const csv = 'id,answer,Time,Staff\nA,Slow van,1,0\nB,All fine,0,0\n';
    const res = await routes.importRequest(
      projectId,
      textFile('zeros.csv', csv),
      {
        layout: 'wide',
        headerRows: 1,
        idColumn: 'id',
        group: null,
        questions: [{ column: 'answer' }],
        codes: {
          format: 'binary',
          columns: [{ column: 'Time' }, { column: 'Staff' }],
        },
      } satisfies Mapping,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportReport>().codings).toBe(2);
    const themesPerComment = t.db.$client
      .prepare(
        `SELECT r.external_id AS id, count(ct.theme_id) AS n FROM codings g
         JOIN comments c ON c.id = g.comment_id
         JOIN respondents r ON r.id = c.respondent_id
         LEFT JOIN coding_themes ct ON ct.coding_id = g.id
         WHERE c.project_id = ? GROUP BY g.id ORDER BY r.external_id`,
      )
      .all(projectId);
    expect(themesPerComment).toEqual([
      { id: 'A', n: 1 },
      { id: 'B', n: 0 },
    ]);
  });

  it('refuses the tidy file a second time and leaves the database as it was', async () => {
    const projectId = seed.project(t.db);
    const mapping: Mapping = {
      layout: 'long',
      headerRows: 1,
      idColumn: 'respondent_id',
      group: { column: 'trust' },
      questionColumn: 'question_type',
      textColumn: 'comment',
      codes: { format: 'delimited', column: 'themes' },
    };
    await runImport(projectId, `${NHS}/fft_v6_shared_tidy.csv`, mapping);
    const before = tableCounts(t.db);
    const res = await routes.importRequest(
      projectId,
      sharedFile(`${NHS}/fft_v6_shared_tidy.csv`),
      mapping,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().code).toBe('already_imported');
    expect(tableCounts(t.db)).toEqual(before);
  });
});
