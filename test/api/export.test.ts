import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

const BOM = '\ufeff';

describe('export routes', () => {
  const t = useTestApp();
  let project = 0;
  const id: Record<
    'time' | 'forms' | 'formula' | 'c1' | 'c2' | 'c3' | 'c4',
    number
  > = { time: 0, forms: 0, formula: 0, c1: 0, c2: 0, c3: 0, c4: 0 };

  beforeAll(() => {
    const db = t.db;
    project = seed.project(db, { name: 'POET Wave 2 (2016)' });
    const parents = seed.group(db, project, { name: 'Parents' });
    const odd = seed.group(db, project, { name: '-Odd group' });
    const change = seed.question(db, project, {
      key: 'change',
      label: '=Would you change?',
    });
    id.time = seed.theme(db, project, { name: 'Time' });
    id.forms = seed.theme(db, project, { name: 'Forms', archived: true });
    id.formula = seed.theme(db, project, { name: '@Formula theme' });
    // Merged into another theme: archived and carrying no codings.
    seed.theme(db, project, { name: 'Lines theme', archived: true });
    const ann = seed.coder(db, { name: 'ann' });
    const bob = seed.coder(db, { name: '+bob' });
    const lead = seed.coder(db, { name: 'lead' });

    const answer = (
      externalId: string,
      groupId: number | null,
      attributes: Record<string, string>,
      text: string,
    ) =>
      seed.comment(db, {
        projectId: project,
        questionId: change,
        respondent: { externalId, groupId, attributes },
        text,
      });
    id.c1 = answer('P1', parents, { LA: 'North', Age: '-5' }, 'Faster, please');
    seed.coding(db, id.c1, { coderId: ann, themeIds: [id.time, id.forms] });
    id.c2 = answer('P2', odd, { LA: 'South' }, 'Line one\nLine "two"');
    seed.coding(db, id.c2, { coderId: ann, themeIds: [id.time] });
    seed.coding(db, id.c2, { coderId: bob, themeIds: [id.formula] });
    id.c3 = answer('P3', parents, { LA: 'North' }, 'Nothing fits');
    seed.coding(db, id.c3, { coderId: ann, themeIds: [] });
    seed.coding(db, id.c3, { coderId: bob, themeIds: [id.time] });
    seed.finalCoding(db, id.c3, { decidedBy: lead, themeIds: [] });
    id.c4 = answer('P4', null, { LA: 'South' }, 'Not coded yet');
  });

  const download = (path: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/projects/${project}/exports/${path}`,
    });
  const csvRecords = async (path: string) => {
    const res = await download(path);
    expect(res.statusCode).toBe(200);
    return parse(res.body, { bom: true });
  };
  const xlsxRows = async (path: string) => {
    const res = await download(path);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // The data, then an "About" sheet saying what was exported.
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      expect.any(String),
      'About',
    ]);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  };

  it('writes counts as CSV: BOM once, CRLF, one row per theme × question × group', async () => {
    const res = await download('counts.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="poet-wave-2-2016-counts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.startsWith(BOM)).toBe(true);
    expect(res.body.indexOf(BOM, 1)).toBe(-1);
    expect(res.body.split('\r\n')[0]).toBe(
      `${BOM}question_key,question,group,theme,archived,count,` +
        'base_all_comments,percent_of_all,' +
        'base_coded_comments,percent_of_coded',
    );
    const records = parse(res.body, { bom: true });
    // 3 themes × 1 question × 3 groups (Parents, -Odd group, (no group)):
    // the merged "Lines theme" (archived, no codings) is left out, the
    // archived but used "Forms" stays, marked archived.
    expect(records).toHaveLength(1 + 9);
    expect(records.some((r) => r[3] === 'Lines theme')).toBe(false);
    // Parents: P1 and P3 are coded (P3 by a decision), both substantive.
    expect(records).toContainEqual([
      'change',
      "'=Would you change?",
      'Parents',
      'Time',
      '0',
      '1',
      '2',
      '50',
      '2',
      '50',
    ]);
    // -Odd group: P2 is unreconciled, so nothing there is coded yet.
    expect(records).toContainEqual([
      'change',
      "'=Would you change?",
      "'-Odd group",
      "'@Formula theme",
      '0',
      '0',
      '1',
      '0',
      '0',
      '',
    ]);
    expect(records).toContainEqual([
      'change',
      "'=Would you change?",
      '(no group)',
      'Forms',
      '1',
      '0',
      '1',
      '0',
      '0',
      '',
    ]);
  });

  it('gives the percentage of the coded comments next to that of all', async () => {
    // +bob coded P3 (Time) but not P1: 1 of 2 Parents comments, 1 of 1
    // coded.
    const bob = seed.coder(t.db, { name: '+bob' });
    const records = await csvRecords(`counts.csv?coderId=${bob}`);
    const time = records.find((r) => r[2] === 'Parents' && r[3] === 'Time');
    expect(time?.slice(5)).toEqual(['1', '2', '50', '1', '100']);
  });

  it('writes codings-long with each coder, the final coding and empty themes', async () => {
    const records = await csvRecords('codings-long.csv');
    expect(records[0]).toEqual([
      'respondent_id',
      'group',
      'question_key',
      'question',
      'comment_id',
      'comment',
      'coder',
      'theme',
    ]);
    const rows = records.slice(1).map((r) => [r[0], r[6], r[7]]);
    expect(rows).toEqual([
      ['P1', 'ann', 'Time'],
      ['P1', 'ann', 'Forms'],
      ['P1', '(final)', 'Time'],
      ['P1', '(final)', 'Forms'],
      ['P2', "'+bob", "'@Formula theme"],
      ['P2', 'ann', 'Time'],
      ['P3', "'+bob", 'Time'],
      ['P3', 'ann', ''],
      ['P3', '(final)', ''],
      ['P4', '', ''],
    ]);
    const p2 = records.find((r) => r[0] === 'P2');
    expect(p2?.[5]).toBe('Line one\nLine "two"');
  });

  it('writes codings-wide: one row per comment, attributes, 0/1 per theme', async () => {
    const records = await csvRecords('codings-wide.csv');
    expect(records[0]).toEqual([
      'respondent_id',
      'group',
      'question_key',
      'question',
      'comment_id',
      'comment',
      'placeholder',
      'status',
      'LA',
      'Age',
      'Time',
      'Forms',
      "'@Formula theme",
    ]);
    expect(records.slice(1).map((r) => [r[0], ...r.slice(7)])).toEqual([
      ['P1', 'coded', 'North', "'-5", '1', '1', '0'],
      ['P2', 'unreconciled', 'South', '', '', '', ''],
      ['P3', 'coded', 'North', '', '0', '0', '0'],
      ['P4', 'uncoded', 'South', '', '', '', ''],
    ]);
  });

  it('applies attribute filters to exports', async () => {
    const records = await csvRecords('codings-wide.csv?attr=LA:South');
    expect(records.slice(1).map((r) => r[0])).toEqual(['P2', 'P4']);
  });

  it("exports one coder's codings without final rows when asked", async () => {
    const ann = seed.coder(t.db, { name: 'ann' });
    const records = await csvRecords(`codings-long.csv?coderId=${ann}`);
    expect(records.slice(1).map((r) => [r[0], r[6], r[7]])).toEqual([
      ['P1', 'ann', 'Time'],
      ['P1', 'ann', 'Forms'],
      ['P2', 'ann', 'Time'],
      ['P3', 'ann', ''],
      ['P4', '', ''],
    ]);
  });

  it('writes XLSX with the same cells, numbers as numbers', async () => {
    const res = await download('counts.xlsx');
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(/-counts-.*\.xlsx"$/);
    const rows = await xlsxRows('counts.xlsx');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([
      'question_key',
      'question',
      'group',
      'theme',
      'archived',
      'count',
      'base_all_comments',
      'percent_of_all',
      'base_coded_comments',
      'percent_of_coded',
    ]);
    // XLSX text is exactly as stored: typed string cells need no "'".
    expect(rows).toContainEqual([
      'change',
      '=Would you change?',
      'Parents',
      'Time',
      0,
      1,
      2,
      50,
      2,
      50,
    ]);
    const wide = await xlsxRows('codings-wide.xlsx');
    expect(wide[2]?.[5]).toBe('Line one\nLine "two"');
    expect(wide[0]?.slice(-3)).toEqual(['Time', 'Forms', '@Formula theme']);
  });

  it('answers 400 naming kind for an unknown kind', async () => {
    const res = await download('themes.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'validation_failed',
      message:
        'kind must be one of counts, codings-long, codings-wide; "themes" is not.',
      details: { parameter: 'kind', value: 'themes' },
    });
  });

  it('answers 400 naming format for an unknown format', async () => {
    const res = await download('counts.pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message: 'format must be one of csv, xlsx; "pdf" is not.',
      details: { parameter: 'format' },
    });
  });

  it('answers 400 naming attr for a bad filter', async () => {
    const res = await download('counts.csv?attr=LA');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      details: { parameter: 'attr', value: 'LA' },
    });
    expect(res.json<{ message: string }>().message).toContain(
      'attr filter "LA"',
    );
  });

  it('answers 404 for an unknown project', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/projects/999/exports/counts.csv',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toBe(
      'There is no project with id 999.',
    );
  });
});
