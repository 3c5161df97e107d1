/**
 * The same respondents imported again: matched by their id, their answers
 * matched by text, a second coder's file adding only that coder's codings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile, textFile, type Upload } from '../helpers/multipart';
import { scalar, tableCounts } from '../helpers/queries';

const t = useTestApp();
const { preview, importRequest, importProposed } = importRoutes(t);

const count = (sql: string, ...params: unknown[]) =>
  scalar(t.db, sql, ...params);

const C01 = {
  utf16: 'cases/C01/excel_unicode_text_utf16le.txt',
  utf8: 'cases/C01/bom_utf8.csv',
};

describe('importing the same respondents again', () => {
  it('refuses the same table under other bytes with 409 nothing_new', async () => {
    const projectId = seed.project(t.db, { name: 'C01 twice' });
    const first = await importProposed(projectId, sharedFile(C01.utf16));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<ImportReport>()).toMatchObject({
      respondents: 3,
      respondentsNew: 3,
      respondentsMatched: 0,
      comments: 5,
      commentsMatched: 0,
    });
    const before = tableCounts(t.db);

    const again = await importProposed(projectId, sharedFile(C01.utf8));
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({
      code: 'nothing_new',
      message:
        'Every respondent and answer in this file is already in the project.',
    });
    expect(tableCounts(t.db)).toEqual(before);
    expect(
      count('SELECT count(*) FROM respondents WHERE project_id = ?', projectId),
    ).toBe(3);
  });

  it('adds a matched respondent’s new answer and reports matched vs new', async () => {
    const projectId = seed.project(t.db, { name: 'Waves' });
    const mapping: Mapping = {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'id',
      group: null,
      questions: [{ column: 'worked' }, { column: 'change' }],
    };
    const first = await importRequest(
      projectId,
      textFile('a.csv', 'id,worked,change\nP1,Kind staff,\nP2,Quick,\n'),
      mapping,
    );
    expect(first.statusCode, first.body).toBe(201);
    const second = await importRequest(
      projectId,
      textFile(
        'b.csv',
        'id,worked,change\nP1,Kind staff ,Fewer forms\nP3,Clear letters,\n',
      ),
      mapping,
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<ImportReport>()).toMatchObject({
      respondents: 2,
      respondentsNew: 1,
      respondentsMatched: 1,
      comments: 3,
      commentsMatched: 1,
    });
    expect(
      count('SELECT count(*) FROM respondents WHERE project_id = ?', projectId),
    ).toBe(3);
    expect(
      count(
        `SELECT count(*) FROM comments c JOIN respondents r
           ON r.id = c.respondent_id
         WHERE r.project_id = ? AND r.external_id = 'P1'`,
        projectId,
      ),
    ).toBe(2);
  });

  it('refuses a respondent whose answer differs, naming row and question', async () => {
    const projectId = seed.project(t.db, { name: 'Different answers' });
    const mapping: Mapping = {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'RespondentID',
      group: null,
      questions: [{ column: 'worked' }],
    };
    const first = await importRequest(
      projectId,
      textFile('one.csv', 'RespondentID,worked\nP001,Good\nP002,Fine\n'),
      mapping,
    );
    expect(first.statusCode).toBe(201);
    const before = tableCounts(t.db);
    const res = await importRequest(
      projectId,
      textFile('two.csv', 'RespondentID,worked\nP002,Fine\nP001,Slow\n'),
      mapping,
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('bad_file');
    expect(body.details.problems).toEqual([
      {
        file: 'two.csv',
        row: 3,
        column: 'worked',
        message: 'Respondent P001 already has a different answer to worked.',
      },
    ]);
    expect(tableCounts(t.db)).toEqual(before);
  });
});

describe('a second coder’s file', () => {
  const dir = 'data/exam-proctoring-two-coders/raw/irr_inputs';
  const pairs = readdirSync(join(sharedDir, dir))
    .filter((name) => name.endsWith('(primary).csv'))
    .map((name) => ({
      primary: `${dir}/${name}`,
      secondary: `${dir}/${name.replace('(primary)', '(secondary)')}`,
    }));

  /** The proposed mapping with the codes given to `coder`. */
  async function codedBy(projectId: number, file: Upload, coder: string) {
    const p = await preview(projectId, file);
    const codes = p.proposedMapping.codes;
    expect(codes).toMatchObject({
      format: 'columns',
      columns: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Code ${n}`),
    });
    if (!codes || Array.isArray(codes)) throw new Error('no codes proposed');
    return { ...p.proposedMapping, codes: { ...codes, coder } };
  }

  it('ends with one set of comments and both coders’ codings', async () => {
    expect(pairs).toHaveLength(14);
    const pair = pairs.find((p) => p.primary.includes(' Q5 '));
    if (!pair) throw new Error('no Q5 files');
    const projectId = seed.project(t.db, { name: 'Two coders, two files' });
    const primary = sharedFile(pair.primary);
    const first = await importRequest(
      projectId,
      primary,
      await codedBy(projectId, primary, 'primary'),
    );
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json<ImportReport>();
    expect(one.comments).toBeGreaterThan(100);

    const secondary = sharedFile(pair.secondary);
    const second = await importRequest(
      projectId,
      secondary,
      await codedBy(projectId, secondary, 'secondary'),
    );
    expect(second.statusCode, second.body).toBe(201);
    const two = second.json<ImportReport>();
    expect(two).toMatchObject({
      respondentsNew: 0,
      respondentsMatched: one.respondents,
      comments: one.comments,
      commentsMatched: one.comments,
    });
    expect(two.coders).toEqual([
      { name: 'secondary', codings: expect.any(Number) as number },
    ]);
    expect(
      count('SELECT count(*) FROM comments WHERE project_id = ?', projectId),
    ).toBe(one.comments);
    const coders = t.db.$client
      .prepare(
        `SELECT k.name, count(*) AS n FROM codings g
         JOIN coders k ON k.id = g.coder_id
         JOIN comments c ON c.id = g.comment_id
         WHERE c.project_id = ? GROUP BY k.name ORDER BY k.name`,
      )
      .all(projectId) as Array<{ name: string; n: number }>;
    expect(coders.map((c) => c.name)).toEqual(['primary', 'secondary']);
    expect(coders[0]?.n).toBe(one.codings);
    expect(coders[1]?.n).toBe(two.codings);

    // The primary file once more, under other bytes: that coder has coded
    // these answers already.
    const before = tableCounts(t.db);
    const again = await importRequest(
      projectId,
      {
        name: 'primary-again.csv',
        bytes: Buffer.concat([primary.bytes, Buffer.from('\r\n')]),
      },
      await codedBy(projectId, primary, 'primary'),
    );
    expect(again.statusCode).toBe(400);
    const body = again.json<ErrorBody>();
    expect(body.code).toBe('bad_file');
    expect(body.details.problems?.[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(
        /^Coder "primary" has already coded the answer of respondent R_\w+: import each coder’s codes once\.$/,
      ) as string,
    });
    expect(tableCounts(t.db)).toEqual(before);
  });
});
