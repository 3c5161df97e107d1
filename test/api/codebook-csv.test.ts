import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../../shared/api/codebook';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { multipartFile } from '../helpers/multipart';

describe('codebook CSV', () => {
  const t = useTestApp();

  const upload = (projectId: number, csv: string | Buffer, name = 'cb.csv') => {
    const { payload, headers } = multipartFile(name, csv);
    return t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/codebook`,
      payload,
      headers,
    });
  };
  const themesOf = async (projectId: number) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/themes?includeArchived=true`,
      })
    ).json<Theme[]>();

  describe('export', () => {
    let projectId: number;
    beforeAll(() => {
      projectId = seed.project(t.db, { name: 'Wave 2' });
      const group = seed.group(t.db, projectId, { name: 'Parents/carers' });
      const parent = seed.theme(t.db, projectId, {
        name: 'Communication',
        definition: '=HYPERLINK("x") advice',
        keywords: ['email', 'rang back'],
        colour: '#4e79a7',
      });
      seed.theme(t.db, projectId, {
        name: 'Email',
        keywords: ['email'],
        colour: '#f28e2b',
        parentId: parent,
        groupIds: [group],
      });
    });

    it('writes a BOM, the columns and one row per theme', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/codebook.csv`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="wave-2-codebook-\d{4}-\d\d-\d\d\.csv"$/,
      );
      expect(res.rawPayload.subarray(0, 3)).toEqual(
        Buffer.from([0xef, 0xbb, 0xbf]),
      );
      const rows = parse(res.body, { bom: true });
      expect(rows).toEqual([
        [
          'name',
          'definition',
          'keywords',
          'colour',
          'parent',
          'groups',
          'archived',
        ],
        [
          'Communication',
          `'=HYPERLINK("x") advice`,
          'email; rang back',
          '#4e79a7',
          '',
          '',
          'no',
        ],
        [
          'Email',
          '',
          'email',
          '#f28e2b',
          'Communication',
          'Parents/carers',
          'no',
        ],
      ]);
    });

    it('round-trips: importing the export changes nothing', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/codebook.csv`,
      });
      const before = await themesOf(projectId);
      const again = await upload(projectId, res.rawPayload);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ created: 0, updated: 0 });
      expect(await themesOf(projectId)).toEqual(before);
    });

    it('answers 404 for an unknown project', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/projects/9999/codebook.csv',
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        message: 'There is no project with id 9999.',
      });
    });
  });

  describe('import', () => {
    it('creates new themes and updates known ones by name', async () => {
      const projectId = seed.project(t.db, { name: 'Import target' });
      seed.group(t.db, projectId, { name: 'Practitioners' });
      seed.theme(t.db, projectId, {
        name: 'Time',
        definition: 'old',
        keywords: ['old'],
      });
      const csv = [
        'Name,Definition,Keywords,Colour,Parent,Groups,Archived',
        'time ,Speed of the process,delay; months,,,,',
        'Transport,Getting to school,"taxi; bus",#00FF00,Travel,practitioners,no',
        'Travel,,,,,,yes',
      ].join('\r\n');
      const res = await upload(projectId, csv);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 1 });

      const themes = await themesOf(projectId);
      const byName = new Map(themes.map((th) => [th.name, th]));
      expect(byName.get('Time')).toMatchObject({
        definition: 'Speed of the process',
        keywords: ['delay', 'months'],
      });
      expect(byName.get('Transport')).toMatchObject({
        keywords: ['taxi', 'bus'],
        colour: '#00ff00',
        parentId: byName.get('Travel')?.id,
        groupIds: [expect.any(Number) as number],
      });
      expect(byName.get('Travel')).toMatchObject({
        archived: true,
        keywords: ['travel'],
      });
    });

    it('also accepts the upload at codebook.csv', async () => {
      const projectId = seed.project(t.db, { name: 'Alt path' });
      const { payload, headers } = multipartFile('cb.csv', 'name\nSupport\n');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/codebook.csv`,
        payload,
        headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 1, updated: 0 });
    });

    it('refuses a file without a name column (400 bad_file)', async () => {
      const projectId = seed.project(t.db);
      const res = await upload(projectId, 'theme,definition\nA,b\n');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'bad_file',
        message:
          'cb.csv could not be imported: 1 problem found. Nothing was saved.',
        details: {
          problems: [
            {
              file: 'cb.csv',
              row: 1,
              column: 'name',
              message: 'The header has no "name" column.',
            },
          ],
        },
      });
    });

    it('names the line of a broken quote in a sentence', async () => {
      const projectId = seed.project(t.db);
      const res = await upload(projectId, 'name,definition\nA,"never closed\n');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'bad_file',
        details: {
          problems: [
            {
              file: 'cb.csv',
              message:
                'The CSV could not be read here: a quoted cell is not closed, or a quote appears inside an unquoted cell.',
            },
          ],
        },
      });
    });

    it('reports every bad row with row and column, saving nothing', async () => {
      const projectId = seed.project(t.db);
      const csv = [
        'name,colour,parent,archived',
        'Good,#123456,,',
        ',#123456,,',
        'Bad colour,blue,,',
        'Orphan,,Nobody,',
        'Odd,,,maybe',
        'good,,,',
      ].join('\n');
      const res = await upload(projectId, csv);
      expect(res.statusCode).toBe(400);
      const body = res.json<{
        code: string;
        details: { problems: unknown[] };
      }>();
      expect(body.code).toBe('bad_file');
      expect(body.details.problems).toEqual([
        {
          file: 'cb.csv',
          row: 3,
          column: 'name',
          message: 'The theme name is empty.',
        },
        {
          file: 'cb.csv',
          row: 4,
          column: 'colour',
          message: '"blue" is not a colour like #4e79a7.',
        },
        {
          file: 'cb.csv',
          row: 6,
          column: 'archived',
          message: '"maybe" is not yes or no.',
        },
        {
          file: 'cb.csv',
          row: 7,
          column: 'name',
          message: '"good" appears twice (first on row 2).',
        },
        {
          file: 'cb.csv',
          row: 5,
          column: 'parent',
          message: 'The parent "Nobody" is not a theme of this codebook.',
        },
      ]);
      expect(await themesOf(projectId)).toEqual([]);
    });

    it('refuses a parent cycle among new themes', async () => {
      const projectId = seed.project(t.db);
      const res = await upload(projectId, 'name,parent\nA,B\nB,A\n');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'bad_file',
        details: {
          problems: [
            {
              row: 2,
              column: 'parent',
              message: '"A" would be its own ancestor.',
            },
            {
              row: 3,
              column: 'parent',
              message: '"B" would be its own ancestor.',
            },
          ],
        },
      });
    });

    it('reads a Windows-1252 file', async () => {
      const projectId = seed.project(t.db);
      const bytes = Buffer.from('name,definition\nCaf\xe9,Lunch\n', 'latin1');
      const res = await upload(projectId, bytes);
      expect(res.statusCode).toBe(200);
      expect((await themesOf(projectId))[0]?.name).toBe('Café');
    });

    it('refuses a request without a file (400)', async () => {
      const projectId = seed.project(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/codebook`,
        payload: { name: 'x' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'Send the codebook as a CSV file in the form field "file".',
        details: { field: 'file' },
      });
    });

    it('answers 404 for an unknown project', async () => {
      const res = await upload(9999, 'name\nA\n');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        message: 'There is no project with id 9999.',
      });
    });
  });
});
