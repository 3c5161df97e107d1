/**
 * Case C03, the export half: answers holding CRLF and LF line breaks,
 * commas and doubled quotes, imported through the real import route, come
 * back out of a CSV export as exactly three records with identical texts,
 * and out of an XLSX export one answer per cell.
 */

import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportCommentsReply } from '../../shared/api/report';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile } from '../helpers/multipart';
import { commentIdsOf } from '../helpers/queries';

const caseFile = sharedFile('cases/C03/multiline_crlf.csv');

describe('case C03: multi-line answers survive the export round trip', () => {
  const t = useTestApp();
  let projectId = 0;
  let stored: Map<string, string>;

  beforeAll(async () => {
    projectId = seed.project(t.db, { name: 'C03' });
    await importRoutes(t).importFile(projectId, caseFile, {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'RespondentID',
      group: { column: 'Group' },
      questions: [{ column: 'change', key: 'change' }],
    });

    const theme = seed.theme(t.db, projectId, { name: 'Communication' });
    const coder = seed.coder(t.db, { name: 'ann' });
    for (const id of commentIdsOf(t.db, projectId))
      seed.coding(t.db, id, { coderId: coder, themeIds: [theme] });

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
