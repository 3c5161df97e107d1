/**
 * Exports made under a filter say so: a file name suffix, a `filter`
 * column on every CSV row, an About sheet in the XLSX; and the counts
 * export can be limited to one group.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CountsReply } from '../../shared/api/report';
import { COUNT_NOTE } from '../../shared/counting';
import { useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';

const t = useTestApp();
const LA = 'Local authority';
const DAY = String.raw`\d{4}-\d{2}-\d{2}`;

let projectId: number;
let otherGroup: number;
const ids = { north: 0, south: 0, bob: 0 };

beforeAll(() => {
  const s = seed.survey(t.db, {
    name: 'Parents 2016',
    groups: ['North', 'South'],
    questions: ['q1'],
    themes: ['Time', 'Cost'],
    coders: ['ann', 'bob'],
  });
  projectId = s.projectId;
  ids.north = s.groups.North;
  ids.south = s.groups.South;
  ids.bob = s.coders.bob;
  const answer = (groupId: number | null, la: string, themeIds: number[]) => {
    const id = seed.comment(t.db, {
      projectId,
      questionId: s.questions.q1,
      respondent: { groupId, attributes: { [LA]: la } },
    });
    seed.coding(t.db, id, { coderId: s.coders.ann, themeIds });
    return id;
  };
  const kent = answer(s.groups.North, 'Kent', [s.themes.Time]);
  seed.coding(t.db, kent, { coderId: s.coders.bob, themeIds: [] });
  answer(s.groups.North, 'Kent', [s.themes.Time, s.themes.Cost]);
  answer(s.groups.South, 'Kent', [s.themes.Cost]);
  answer(s.groups.South, 'Surrey', [s.themes.Time]);
  answer(null, 'Île-de-France', [s.themes.Cost]);

  const other = seed.survey(t.db, { groups: ['Elsewhere'] });
  otherGroup = other.groups.Elsewhere;
});

const download = (path: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/exports/${encodeURI(path)}`,
  });

async function csv(path: string) {
  const res = await download(path);
  expect(res.statusCode, res.body).toBe(200);
  const records: string[][] = parse(res.body, { bom: true });
  return {
    fileName: /filename="([^"]+)"/.exec(
      String(res.headers['content-disposition']),
    )?.[1],
    header: records[0] ?? [],
    rows: records.slice(1),
  };
}

async function xlsx(path: string) {
  const res = await download(path);
  expect(res.statusCode, res.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rowsOf = (index: number) => {
    const rows: unknown[][] = [];
    workbook.worksheets[index]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  };
  const about = new Map(rowsOf(1).map(([k, v]) => [String(k), v]));
  return {
    sheets: workbook.worksheets.map((s) => s.name),
    rows: rowsOf(0),
    about,
    fileName: /filename="([^"]+)"/.exec(
      String(res.headers['content-disposition']),
    )?.[1],
  };
}

async function reportCounted(query: string): Promise<string> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/report/counts${encodeURI(query)}`,
  });
  return res.json<CountsReply>().counted;
}

describe('a filtered CSV export', () => {
  it('names the filter in the file name and on every counts row', async () => {
    const { fileName, header, rows } = await csv(`counts.csv?attr=${LA}:Kent`);
    expect(fileName).toMatch(
      new RegExp(`^parents-2016-counts-Local-authority-Kent-${DAY}\\.csv$`),
    );
    expect(header.at(-1)).toBe('filter');
    expect(header).toHaveLength(11);
    // 2 themes × 1 question × 2 groups, Kent's respondents only.
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.at(-1)).toBe('Local authority: Kent');
    const time = rows.find((r) => r[2] === 'North' && r[3] === 'Time');
    // Kent, North: one comment agreed on Time… the other differs.
    expect(time?.slice(5, 10)).toEqual(['1', '2', '50', '1', '100']);
  });

  it('adds no filter column and no suffix without a filter', async () => {
    const { fileName, header } = await csv('counts.csv');
    expect(fileName).toMatch(new RegExp(`^parents-2016-counts-${DAY}\\.csv$`));
    expect(header).not.toContain('filter');
    expect(header).toHaveLength(10);
  });

  it('writes several values of one attribute as alternatives', async () => {
    const { fileName, rows } = await csv(
      `codings-long.csv?attr=${LA}:Kent&attr=${LA}:Surrey`,
    );
    expect(fileName).toMatch(
      new RegExp(
        `^parents-2016-codings-long-Local-authority-Kent-Surrey-${DAY}\\.csv$`,
      ),
    );
    expect(new Set(rows.map((r) => r.at(-1)))).toEqual(
      new Set(['Local authority: Kent or Surrey']),
    );
  });

  it('keeps the file name to safe characters', async () => {
    const { fileName, rows } = await csv(
      `codings-wide.csv?attr=${LA}:Île-de-France&coderId=${ids.bob}`,
    );
    expect(fileName).toMatch(
      new RegExp(
        `^parents-2016-codings-wide-Local-authority-Ile-de-France-by-bob-${DAY}\\.csv$`,
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.at(-1)).toBe('Local authority: Île-de-France');
  });
});

describe('a filtered XLSX export', () => {
  it('adds an About sheet with the filter, scope and note', async () => {
    const before = Date.now();
    const file = await xlsx(`counts.xlsx?attr=${LA}:Kent`);
    expect(file.fileName).toMatch(
      new RegExp(`^parents-2016-counts-Local-authority-Kent-${DAY}\\.xlsx$`),
    );
    expect(file.sheets).toEqual(['counts', 'About']);
    // The data sheet stays as it was: the filter is on the About sheet.
    expect(file.rows[0]).toHaveLength(10);
    expect(file.rows).toHaveLength(5);
    expect(file.about.get('Project')).toBe('Parents 2016');
    expect(file.about.get('Export')).toBe('counts');
    expect(file.about.get('Filter')).toBe('Local authority: Kent');
    expect(file.about.get('What is counted')).toBe(
      await reportCounted(`?attr=${LA}:Kent`),
    );
    expect(file.about.get('Note')).toBe(COUNT_NOTE);
    expect(file.about.get('Coder scope')).toMatch(/^Final codings: a lead/);
    expect(file.about.has('Group')).toBe(false);
    const at = Date.parse(String(file.about.get('Exported at')));
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('says when nothing was filtered, and whose codings', async () => {
    const file = await xlsx(`counts.xlsx?coderId=${ids.bob}`);
    expect(file.fileName).toMatch(
      new RegExp(`^parents-2016-counts-by-bob-${DAY}\\.xlsx$`),
    );
    expect(file.about.get('Filter')).toBe('None: all respondents');
    expect(file.about.get('Coder scope')).toBe('Only the codings of bob.');
    expect(file.about.get('What is counted')).toBe(
      await reportCounted(`?coderId=${ids.bob}`),
    );
  });

  it('describes the rows of a codings export', async () => {
    const file = await xlsx(`codings-wide.xlsx?attr=${LA}:Surrey`);
    expect(file.sheets).toEqual(['codings-wide', 'About']);
    expect(file.rows).toHaveLength(2);
    expect(file.about.get('Filter')).toBe('Local authority: Surrey');
    expect(file.about.get('What is counted')).toMatch(/^One row per comment/);
    expect(file.about.has('Note')).toBe(false);
  });
});

describe('GET /api/projects/:projectId/exports/counts.*?groupId', () => {
  it('exports one group’s rows', async () => {
    const { fileName, rows } = await csv(`counts.csv?groupId=${ids.south}`);
    expect(fileName).toMatch(
      new RegExp(`^parents-2016-counts-South-${DAY}\\.csv$`),
    );
    expect(rows.map((r) => [r[2], r[3], r[5]])).toEqual([
      ['South', 'Time', '1'],
      ['South', 'Cost', '1'],
    ]);
  });

  it('exports respondents without a group with groupId=none', async () => {
    const { rows } = await csv(`counts.csv?groupId=none`);
    expect(rows.map((r) => [r[2], r[3], r[5]])).toEqual([
      ['(no group)', 'Time', '0'],
      ['(no group)', 'Cost', '1'],
    ]);
  });

  it('names the group on the About sheet, with the filter', async () => {
    const file = await xlsx(`counts.xlsx?groupId=${ids.north}&attr=${LA}:Kent`);
    expect(file.fileName).toMatch(
      new RegExp(`^parents-2016-counts-Local-authority-Kent-North-${DAY}`),
    );
    expect(file.about.get('Group')).toBe('North');
    expect(file.rows.slice(1).map((r) => r[2])).toEqual(['North', 'North']);
  });

  it('answers 400 for groupId on a codings export', async () => {
    const res = await download(`codings-long.csv?groupId=${ids.north}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'validation_failed',
      message:
        'groupId limits the counts export to one group; the codings-long export has every group, with a group column to filter on.',
    });
  });

  it('answers 400 for a groupId that is not an id', async () => {
    const res = await download('counts.csv?groupId=North');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'validation_failed',
      message:
        'The query string is not valid: groupId must match pattern "^([1-9][0-9]*|none)$".',
    });
  });

  it('answers 404 for a group of another project', async () => {
    const res = await download(`counts.xlsx?groupId=${otherGroup}`);
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'not_found',
      message: `There is no group with id ${otherGroup}.`,
    });
  });
});
