import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Mapping, Preview } from '../../shared/api/import';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile } from '../helpers/multipart';

const t = useTestApp();
const routes = importRoutes(t);

/** The preview of a hand-out file. */
const preview = (
  projectId: number,
  path: string,
  fields: Record<string, string> = {},
) => routes.preview(projectId, sharedFile(path), fields);

/** The report of importing a hand-out file. */
const runImport = (projectId: number, path: string, mapping: Mapping) =>
  routes.importFile(projectId, sharedFile(path), mapping);

function expectNamedColumns(p: Preview): void {
  const names = p.columns.map((c) => c.name);
  expect(names.every((n) => n.trim() !== '' && !n.includes('\ufeff'))).toBe(
    true,
  );
  expect(new Set(names).size).toBe(names.length);
}

const EXPORTS = [
  {
    path: 'data/survey-exports/qualtrics/qualtRics_sample.csv',
    headerRows: 3,
    delimiter: ',',
    columns: 20,
    respondents: 1,
    id: 'ResponseId',
  },
  {
    path: 'data/survey-exports/qualtrics/qualtRics_sample_legacy.csv',
    headerRows: 2,
    delimiter: ',',
    columns: 16,
    respondents: 1,
    id: 'V1',
  },
  {
    path: 'data/survey-exports/surveymonkey/ggwash_anc_2022_candidate_questionnaire.csv',
    headerRows: 2,
    delimiter: ',',
    columns: 41,
    respondents: 141,
    id: 'Respondent ID',
  },
  {
    path: 'data/survey-exports/google-forms/autistica_turing_google_form_responses.csv',
    headerRows: 1,
    delimiter: ',',
    columns: 5,
    respondents: 42,
    id: null,
  },
  {
    path: 'data/survey-exports/efs-unipark/napire_pilot_export_2017-09-13.csv',
    headerRows: 1,
    delimiter: ';',
    columns: 221,
    respondents: 8,
    id: 'lfdn',
  },
  {
    path: 'data/survey-exports/xlsx/napire_portuguese_entries_efs_export.xlsx',
    headerRows: 3,
    delimiter: null,
    columns: 264,
    respondents: 197,
    id: 'lfdn',
  },
  {
    path: 'data/exam-proctoring-two-coders/raw/OnlineProctoringEducatorSurveyResponses.csv',
    headerRows: 2,
    delimiter: ',',
    columns: 82,
    respondents: 125,
    id: null,
  },
];

describe('survey-platform exports', () => {
  for (const e of EXPORTS) {
    it(`previews and imports ${e.path.split('/').pop()}`, async () => {
      const projectId = seed.project(t.db);
      const p = await preview(projectId, e.path);
      expect(p).toMatchObject({
        headerRows: e.headerRows,
        delimiter: e.delimiter,
        rowCount: e.respondents,
      });
      expect(p.columns).toHaveLength(e.columns);
      expectNamedColumns(p);
      expect(p.proposedMapping.idColumn).toBe(e.id);
      const report = await runImport(projectId, e.path, p.proposedMapping);
      expect(report.respondents).toBe(e.respondents);
    });
  }

  it('names Qualtrics columns by variable and labels them by question', async () => {
    const projectId = seed.project(t.db);
    const path = 'data/survey-exports/qualtrics/qualtRics_sample.csv';
    const p = await preview(projectId, path);
    expect(p.columns.find((c) => c.name === 'Q2')?.label).toBe(
      'This is a free text question.',
    );
    const report = await runImport(projectId, path, {
      layout: 'wide',
      headerRows: 3,
      idColumn: 'ResponseId',
      group: null,
      questions: [{ column: 'Q2' }],
    });
    expect(report.questions).toEqual([
      expect.objectContaining({
        key: 'Q2',
        label: 'This is a free text question.',
        comments: 1,
      }),
    ]);
    const id = t.db.$client
      .prepare('SELECT external_id FROM respondents WHERE project_id = ?')
      .pluck()
      .get(projectId);
    expect(id).toBe('R_2YPOQ602ER1jkf1');
  });

  it('keeps the BOM out of the legacy Qualtrics header and names the blank column', async () => {
    const p = await preview(
      seed.project(t.db),
      'data/survey-exports/qualtrics/qualtRics_sample_legacy.csv',
    );
    expect(p.columns[0]).toMatchObject({ name: 'V1', label: 'ResponseID' });
    expect(p.columns[15]?.name).toBe('Column 16');
  });

  it('lets the user override the header rows', async () => {
    const p = await preview(
      seed.project(t.db),
      'cases/C06/surveymonkey_export.csv',
      { headerRows: '1' },
    );
    expect(p.headerRows).toBe(1);
    expect(p.rowCount).toBe(4);
    expect(p.columns[5]?.name).toBe('Column 6');
  });

  it('reads the formula cells of a Google Sheets workbook as their values', async () => {
    const path =
      'data/exam-proctoring-two-coders/raw/Qualitative_Responses_Q3_Q5.xlsx';
    const projectId = seed.project(t.db);
    const all = await preview(projectId, path);
    expect(all.sheets).toContain('Q5 (primary)');
    expect(all).toMatchObject({ sheet: 'All Responses', headerRows: 2 });
    const coded = await preview(projectId, path, { sheet: 'Q5 (primary)' });
    expect(coded.sheet).toBe('Q5 (primary)');
    expect(coded.columns[0]?.name).toBe('ResponseId');
    expect(coded.columns[1]?.name).toBe(
      'To the best of your understanding, how do online exam proctoring tools work?',
    );
    expect(coded.rows[0]?.[0]).toBe('R_xxgR2nBYBqt22zL');
    expect(coded.rows[0]?.[1]).toMatch(/^lock-down browser restricts/);
    expect(coded.rows.flat().some((v) => v.includes('DUMMYFUNCTION'))).toBe(
      false,
    );
    const mapping: Mapping = {
      layout: 'wide',
      headerRows: 1,
      sheet: 'Q5 (primary)',
      idColumn: 'ResponseId',
      group: null,
      questions: [{ column: coded.columns[1]?.name ?? '', key: 'Q5' }],
    };
    // The coders' sheet holds one respondent twice: refused by id …
    const refused = await routes.importRequest(
      projectId,
      sharedFile(path),
      mapping,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().details.problems?.[0]).toMatchObject({
      row: 101,
      column: 'ResponseId',
    });
    // … and imported with respondents numbered by row.
    const report = await runImport(projectId, path, {
      ...mapping,
      idColumn: null,
    });
    expect(report.respondents).toBe(coded.rowCount);
    expect(report.questions[0]?.comments).toBeGreaterThan(100);
  });

  it('refuses a sheet the workbook does not have', async () => {
    const res = await routes.previewRequest(
      seed.project(t.db),
      sharedFile(
        'data/exam-proctoring-two-coders/raw/Qualitative_Responses_Q3_Q5.xlsx',
      ),
      { sheet: 'Nope' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().details.problems?.[0]?.message).toMatch(
      /^The workbook has no sheet "Nope"\. Its sheets: All Responses, /,
    );
  });
});

interface NapireAnswer {
  respondent_id: string;
  question_id: string;
  answer: string;
  codes: string;
}

const napireShared = parse<NapireAnswer>(
  readFileSync(
    join(
      sharedDir,
      'data/napire-re-problems-coded/napire_coded_answers_shared.csv',
    ),
  ),
  { columns: true, bom: true },
);

describe('NaPiRE raw files: encodings, long layout, one row per code', () => {
  const files = [
    {
      file: 'v_277_with_246_total_365_coded.csv',
      question: 'v_277',
      encoding: 'windows-1252',
      lfdn: '586',
      text: 'It«_s always eay to compare and try to fit things to already known values etc',
    },
    {
      file: 'v_280_with_252_total_296_coded.csv',
      question: 'v_280',
      encoding: 'macintosh',
      lfdn: '1168',
      text: 'Hay ambigê_edad cuando se describen los requisitos',
    },
    {
      file: 'v_281_with_254_total_274_coded.csv',
      question: 'v_281',
      encoding: 'utf-8',
      lfdn: '48.0',
      text: 'Customers often do not specify the requirements enough for developers to understand what needs to be changed/implemented',
    },
  ];

  for (const f of files) {
    it(`decodes ${f.encoding} and imports ${f.question}`, async () => {
      const path = `data/napire-re-problems-coded/raw/${f.file}`;
      const projectId = seed.project(t.db);
      const p = await preview(projectId, path);
      expect(p).toMatchObject({
        encoding: f.encoding,
        delimiter: ';',
        headerRows: 1,
      });
      const report = await runImport(projectId, path, {
        layout: 'long',
        headerRows: 1,
        idColumn: 'lfdn',
        group: null,
        fixedQuestion: { key: f.question },
        textColumn: f.question,
        codes: { format: 'delimited', column: 'tag', coder: 'napire' },
      });
      const expected = napireShared.filter((a) => a.question_id === f.question);
      expect(report.respondents).toBe(expected.length);
      expect(report.comments).toBe(expected.length);
      expect(report.codings).toBe(expected.length);
      expect(report.coder).toBe('napire');

      const stored = t.db.$client
        .prepare(
          `SELECT c.text FROM comments c JOIN respondents r
             ON r.id = c.respondent_id
           WHERE c.project_id = ? AND r.external_id = ?`,
        )
        .pluck()
        .get(projectId, f.lfdn);
      expect(stored).toBe(f.text);
      const shared = expected.find(
        (a) => Number(a.respondent_id) === Number(f.lfdn),
      );
      expect(shared?.answer).toBe(f.text);

      // Each answer's themes are the union of its rows' tags.
      const themes = t.db.$client
        .prepare(
          `SELECT r.external_id AS id, group_concat(th.name, '|') AS names
           FROM codings g
           JOIN comments c ON c.id = g.comment_id
           JOIN respondents r ON r.id = c.respondent_id
           JOIN coding_themes ct ON ct.coding_id = g.id
           JOIN themes th ON th.id = ct.theme_id
           WHERE c.project_id = ? GROUP BY g.id`,
        )
        .all(projectId) as Array<{ id: string; names: string }>;
      for (const row of themes.slice(0, 40)) {
        const answer = expected.find(
          (a) => Number(a.respondent_id) === Number(row.id),
        );
        expect(new Set(row.names.split('|'))).toEqual(
          new Set(answer?.codes.split('|')),
        );
      }
    });
  }
});
