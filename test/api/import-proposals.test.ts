/**
 * Every survey-platform export imported with the mapping Verbatim proposes,
 * untouched: each must give comments, and the columns a person would pick.
 * Also the refusals a fresh user meets: empty files, no comments, files
 * too wide, too many questions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile, textFile } from '../helpers/multipart';
import { tableCounts } from '../helpers/queries';

const t = useTestApp();
const { previewRequest, preview, importRequest } = importRoutes(t);

const EXPORTS = 'data/survey-exports';
const exportFiles = readdirSync(join(sharedDir, EXPORTS), {
  recursive: true,
  encoding: 'utf8',
})
  .filter((f) => /\.(csv|xlsx|txt|tsv)$/.test(f))
  .map((f) => `${EXPORTS}/${f}`)
  .sort();

/** Fewest comments a plausible import of each export gives. */
const MIN_COMMENTS: Record<string, number> = {
  'napire_pilot_export_2017-09-13.csv': 30,
  'autistica_turing_google_form_responses.csv': 28,
  'qualtRics_sample.csv': 1,
  'qualtRics_sample_legacy.csv': 1,
  'ggwash_anc_2022_candidate_questionnaire.csv': 6 * 130,
  'napire_portuguese_entries_efs_export.xlsx': 1000,
};

describe('every survey export with its proposed mapping', () => {
  it('finds the export files', () => {
    expect(exportFiles).toHaveLength(Object.keys(MIN_COMMENTS).length);
  });

  for (const path of exportFiles) {
    const name = path.split('/').pop() ?? path;
    it(`imports comments from ${name}`, async () => {
      const projectId = seed.project(t.db, { name: name });
      const file = sharedFile(path);
      const p = await preview(projectId, file);
      const res = await importRequest(projectId, file, p.proposedMapping);
      expect(res.statusCode, res.body).toBe(201);
      const report = res.json<ImportReport>();
      expect(report.comments).toBeGreaterThanOrEqual(MIN_COMMENTS[name] ?? 1);
      expect(report.substantive).toBeGreaterThan(0);
    });
  }

  it('EFS pilot: free text among -99/-66/-77 codes is open, with every long answer of v_277', async () => {
    const path = `${EXPORTS}/efs-unipark/napire_pilot_export_2017-09-13.csv`;
    const projectId = seed.project(t.db, { name: 'EFS pilot' });
    const p = await preview(projectId, sharedFile(path));
    const questions = (p.proposedMapping.questions ?? []).map((q) => q.column);
    expect(questions).toEqual(
      expect.arrayContaining(['v_168', 'v_170', 'v_277', 'v_297']),
    );
    const res = await importRequest(
      projectId,
      sharedFile(path),
      p.proposedMapping,
    );
    expect(res.statusCode, res.body).toBe(201);

    const raw = parse<Record<string, string>>(
      readFileSync(join(sharedDir, path)),
      { columns: true, delimiter: ';' },
    );
    const answers = raw
      .map((r) => r.v_277 ?? '')
      .filter((v) => !/^-\d\d$/.test(v.trim()) && v.trim().length > 20);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const stored = t.db.$client
      .prepare(
        `SELECT c.text FROM comments c JOIN questions q ON q.id = c.question_id
         WHERE c.project_id = ? AND q.key = 'v_277' AND c.substantive = 1`,
      )
      .pluck()
      .all(projectId);
    expect(stored).toEqual(expect.arrayContaining(answers));
  });

  it('Portuguese EFS workbook: the free-text columns are open questions', async () => {
    const path = `${EXPORTS}/xlsx/napire_portuguese_entries_efs_export.xlsx`;
    const p = await preview(seed.project(t.db), sharedFile(path));
    const kinds = Object.fromEntries(p.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      v_27: 'open',
      v_277: 'open',
      v_6: 'closed',
      lfdn: 'id',
    });
  });

  it('Qualtrics: the QID2_TEXT question is open even with one response', async () => {
    for (const path of [
      `${EXPORTS}/qualtrics/qualtRics_sample.csv`,
      `${EXPORTS}/qualtrics/qualtRics_sample_legacy.csv`,
    ]) {
      const p = await preview(seed.project(t.db), sharedFile(path));
      expect(p.proposedMapping.questions).toEqual([{ column: 'Q2' }]);
      expect(p.proposedMapping.closedColumns).not.toContain('Q2');
    }
  });

  it('SurveyMonkey: the ANC column is the proposed group', async () => {
    const path = `${EXPORTS}/surveymonkey/ggwash_anc_2022_candidate_questionnaire.csv`;
    const p = await preview(seed.project(t.db), sharedFile(path));
    expect(p.proposedMapping.group).toEqual({
      column:
        'Select the Advisory Neighborhood Commission in which you are running:',
    });
    expect(p.proposedMapping.questions).toHaveLength(6);
  });

  it('C10 and C12: short answers under open-question names are open', async () => {
    const blanks = await preview(
      seed.project(t.db),
      sharedFile('cases/C10/blanks.csv'),
    );
    expect(blanks.proposedMapping.questions).toEqual([
      { column: 'worked' },
      { column: 'not_worked' },
    ]);
    const formulas = await preview(
      seed.project(t.db),
      sharedFile('cases/C12/formula_comments.csv'),
    );
    expect(formulas.proposedMapping.questions).toEqual([{ column: 'change' }]);
  });
});

describe('refusals a fresh user meets', () => {
  let projectId: number;
  beforeAll(() => {
    projectId = seed.project(t.db, { name: 'Refusals' });
  });

  const wide: Mapping = {
    layout: 'wide',
    headerRows: 1,
    idColumn: 'id',
    group: null,
    questions: [{ column: 'worked' }],
  };

  it('answers 400 no_comments when no open column has an answer', async () => {
    const before = tableCounts(t.db);
    const res = await importRequest(
      projectId,
      textFile('blank-answers.csv', 'id,worked,rating\n1,,Good\n2, ,Poor\n'),
      wide,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'no_comments',
      message:
        'No comments found: none of the columns chosen as open questions has an answer. Check the mapping.',
    });
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('says "The file is empty." for a 0-byte and a blank file', async () => {
    for (const file of [
      textFile('empty.csv', ''),
      textFile('blank.csv', '\r\n  \r\n'),
    ]) {
      for (const res of [
        await previewRequest(projectId, file),
        await importRequest(projectId, file, wide),
      ]) {
        expect(res.statusCode).toBe(400);
        expect(res.json<ErrorBody>().details.problems).toEqual([
          { file: file.name, message: 'The file is empty.' },
        ]);
      }
    }
  });

  it('says what was expected for a text file that is not a table', async () => {
    const letter = textFile(
      'letter.txt',
      'Dear team,\nThanks for the survey. It was good, but long.\nI hope, in future, it is shorter.\nBest wishes,\nAlex\nP.S. The link, on page 2, did not work.\n',
    );
    const res = await previewRequest(projectId, letter);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().details.problems?.[0]?.message).toBe(
      'This does not look like a table. Verbatim reads a CSV or tab-separated text file, or an XLSX workbook, with a header row of column names and then one row per respondent (or per answer).',
    );
  });

  it('refuses a file of more than 2,000 columns, naming the limit', async () => {
    const header = Array.from({ length: 20_000 }, (_, i) => `q${i}`);
    const row = header.map((_, i) => `answer number ${i}`);
    const file = textFile(
      'wide.csv',
      `${header.join(',')}\n${row.join(',')}\n`,
    );
    const res = await previewRequest(projectId, file);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().details.problems?.[0]?.message).toBe(
      'The file has 20,000 columns; Verbatim reads files of at most 2,000 columns. Keep the columns you need and upload that.',
    );
  });

  it('refuses a mapping of more than 200 open questions, naming the limit', async () => {
    const header = Array.from({ length: 201 }, (_, i) => `q${i}`);
    const file = textFile(
      'many.csv',
      `${header.join(',')}\n${header.map((h) => `They were kind about ${h}`).join(',')}\n`,
    );
    const p = await preview(projectId, file);
    expect(p.proposedMapping.questions).toHaveLength(200);
    expect(p.warnings).toContain(
      '201 columns look like open questions; only the first 200 are chosen, as one import takes at most 200.',
    );
    const res = await importRequest(projectId, file, {
      ...wide,
      idColumn: null,
      questions: header.map((column) => ({ column })),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'validation_failed',
      message:
        'The mapping names 201 open questions; one import takes at most 200. Choose the columns of free-text answers, and map the rest as attributes or closed items.',
    });
  });

  it('warns in the preview about rows with extra or missing cells', async () => {
    const file = textFile(
      'ragged.csv',
      'id,worked,not_worked\nP1,Good,Slow\nP2,Fine,Late,extra\nP3,Kind\nP4,Quick,Clear\n',
    );
    const p = await preview(projectId, file);
    expect(p.warnings).toEqual([
      'Row 3 has 4 cells where the header has 3. Check the quotes and delimiters on this row. The extra cells are not shown, and the import will refuse the file until the row is fixed.',
      'Row 4 has 2 cells where the header has 3. Check the quotes and delimiters on this row. The import will refuse the file until the row is fixed.',
    ]);
    expect(p.proposedMapping.questions).toEqual([
      { column: 'worked' },
      { column: 'not_worked' },
    ]);
  });

  it('says "1 cell", not "1 cells"', async () => {
    const p = await preview(
      projectId,
      textFile('one-cell.csv', 'id,worked\nP1,Good\nP2\nP3,Fine\n'),
    );
    expect(p.warnings[0]).toMatch(/^Row 3 has 1 cell where the header has 2\./);
  });
});
