/**
 * Case C03, the export half: answers holding CRLF and LF line breaks,
 * commas and doubled quotes, imported through the real import route, come
 * back out of a CSV export as exactly three records with identical texts,
 * and out of an XLSX export one answer per cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCommentsReply } from '../../shared/api/report';
import { buildTestApp, sharedDir, type TestApp } from '../helpers/app';
import {
  seedCoder,
  seedCoding,
  seedProject,
  seedTheme,
} from './report-factories';

const caseFile = join(sharedDir, 'cases/C03/multiline_crlf.csv');

function importBody(fileName: string, bytes: Buffer, mapping: object) {
  const boundary = '----verbatim-c03-boundary';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n` +
          `${JSON.stringify(mapping)}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: text/csv\r\n\r\n',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('case C03: multi-line answers survive the export round trip', () => {
  let t: TestApp;
  let projectId = 0;
  let stored: Map<string, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    projectId = seedProject(t.db, 'C03');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports`,
      ...importBody('multiline_crlf.csv', readFileSync(caseFile), {
        layout: 'wide',
        headerRows: 1,
        idColumn: 'RespondentID',
        group: { column: 'Group' },
        questions: [{ column: 'change', key: 'change' }],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);

    const theme = seedTheme(t.db, projectId, 'Communication');
    const coder = seedCoder(t.db, 'ann');
    const ids = t.db.$client
      .prepare('SELECT id FROM comments WHERE project_id = ?')
      .all(projectId) as Array<{ id: number }>;
    for (const { id } of ids) seedCoding(t.db, id, coder, [theme]);

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/comments`,
    });
    stored = new Map(
      listed
        .json<ReportCommentsReply>()
        .comments.map((c) => [c.respondentExternalId, c.text]),
    );
  });
  afterAll(async () => t.close());

  const download = (path: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/exports/${path}`,
    });

  it('stored the three answers with their line breaks', () => {
    expect(stored.get('P201')).toBe(
      'Three things:\n1. Send the draft plan earlier\n2. One named contact\n3. Fewer forms',
    );
    expect(stored.get('P202')).toBe(
      'Training on the "new" system, please, for SENCOs',
    );
    expect(stored.get('P203')).toBe('Ask me, not just my mum.\nThanks');
  });

  // The long export's final-coding rows would double the count: take one
  // coder's rows, which is one record per answer.
  it.each(['codings-wide', 'codings-long'])(
    '%s.csv has exactly 3 records whose texts parse back identical',
    async (kind) => {
      const coderId = t.db.$client
        .prepare("SELECT id FROM coders WHERE name = 'ann'")
        .pluck()
        .get() as number;
      const res = await download(`${kind}.csv?coderId=${coderId}`);
      expect(res.statusCode).toBe(200);
      const [header, ...rows] = parse(res.body, { bom: true });
      expect(header?.[5]).toBe('comment');
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row[5], row[0]).toBe(stored.get(row[0] ?? ''));
      }
      // The records themselves are separated by CRLF; the answers keep \n.
      expect(res.body.endsWith('\r\n')).toBe(true);
      expect(res.body).toContain('"Three things:\n1. Send');
    },
  );

  it('puts each answer in one XLSX cell', async () => {
    const res = await download('codings-wide.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(4);
    const texts = new Map<string, unknown>();
    sheet?.eachRow((row, n) => {
      if (n > 1) texts.set(row.getCell(1).text, row.getCell(6).value);
    });
    expect(Object.fromEntries(texts)).toEqual(Object.fromEntries(stored));
  });
});
