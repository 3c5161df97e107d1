/**
 * How columns are read and proposed: theme lists split on the separator
 * their cells use, `codes_<coder>` columns, the respondent group, the
 * "Filled" counts, and long-layout attributes whose values differ between a
 * respondent's rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../shared/api/import';
import { sharedDir, useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { sharedFile, textFile } from '../helpers/multipart';
import { scalar } from '../helpers/queries';

const t = useTestApp();
const { preview, importFile } = importRoutes(t);

const CODED = 'data/exam-proctoring-two-coders/coded_answers.csv';
const codedRows = parse<Record<string, string>>(
  readFileSync(join(sharedDir, CODED)),
  { columns: true },
);

const themeNames = (projectId: number) =>
  t.db.$client
    .prepare('SELECT name FROM themes WHERE project_id = ? ORDER BY name')
    .pluck()
    .all(projectId) as string[];

const longMapping: Mapping = {
  layout: 'long',
  headerRows: 1,
  idColumn: 'response_id',
  group: null,
  questionColumn: 'question_id',
  textColumn: 'answer',
};

describe('theme-list separators', () => {
  it('splits theme lists on the separator their cells use when the mapping gives none', async () => {
    const projectId = seed.project(t.db);
    const report = await importFile(projectId, sharedFile(CODED), {
      ...longMapping,
      codes: [
        { format: 'delimited', column: 'codes_primary', coder: 'primary' },
        { format: 'delimited', column: 'codes_secondary', coder: 'secondary' },
      ],
    });
    const expected = new Set(
      codedRows.flatMap((r) =>
        [r.codes_primary, r.codes_secondary].flatMap((cell) =>
          (cell ?? '').split('|').filter((name) => name.trim() !== ''),
        ),
      ),
    );
    expect(report.newThemes).toHaveLength(expected.size);
    expect(themeNames(projectId).filter((n) => n.includes('|'))).toEqual([]);
  });

  it('detects `;` in a theme list', async () => {
    const projectId = seed.project(t.db);
    await importFile(
      projectId,
      textFile(
        'semicolons.csv',
        'id,answer,themes\n1,Late bus,Transport;Time\n2,Rude driver,Staff\n3,No bus,Transport\n',
      ),
      {
        layout: 'wide',
        headerRows: 1,
        idColumn: 'id',
        group: null,
        questions: [{ column: 'answer' }],
        codes: { format: 'delimited', column: 'themes' },
      },
    );
    expect(themeNames(projectId)).toEqual(['Staff', 'Time', 'Transport']);
  });

  it('proposes codes_primary and codes_secondary as two coders’ theme lists, with the detected separator', async () => {
    const projectId = seed.project(t.db);
    const p = await preview(projectId, sharedFile(CODED));
    const column = (name: string) => p.columns.find((c) => c.name === name);
    expect(column('codes_primary')).toMatchObject({
      kind: 'codes',
      listSeparator: '|',
    });
    expect(column('codes_secondary')?.kind).toBe('codes');
    expect(p.proposedMapping.codes).toEqual([
      {
        coder: 'primary',
        format: 'delimited',
        column: 'codes_primary',
        delimiter: '|',
      },
      {
        coder: 'secondary',
        format: 'delimited',
        column: 'codes_secondary',
        delimiter: '|',
      },
    ]);
    expect(p.proposedMapping.attributeColumns).not.toContain('codes_primary');

    const report = await importFile(
      projectId,
      sharedFile(CODED),
      p.proposedMapping,
    );
    expect(report.coders.map((c) => c.name)).toEqual(['primary', 'secondary']);
    expect(themeNames(projectId).filter((n) => n.includes('|'))).toEqual([]);
  });
});

describe('the proposed respondent group', () => {
  const header = 'RespondentID,Local authority,Region,worked\n';
  const rows = Array.from(
    { length: 12 },
    (_, i) =>
      `P${i},${['Leeds', 'York', 'Hull'][i % 3]},${['North', 'South'][i % 2]},Answer number ${i} with several words`,
  ).join('\n');

  it('proposes no group rather than a local authority or region column', async () => {
    const p = await preview(
      seed.project(t.db),
      textFile('authorities.csv', header + rows),
    );
    expect(p.proposedMapping.group).toBeNull();
    expect(p.proposedMapping.attributeColumns).toEqual([
      'Local authority',
      'Region',
    ]);
    expect(p.columns.map((c) => c.kind)).toEqual([
      'id',
      'attribute',
      'attribute',
      'open',
    ]);
  });

  it('proposes a role column over a local authority column', async () => {
    const withRole = (header + rows)
      .split('\n')
      .map(
        (line, i) =>
          `${line},${i === 0 ? 'Your role' : ['Parent', 'Teacher'][i % 2]}`,
      )
      .join('\n');
    const p = await preview(
      seed.project(t.db),
      textFile('roles.csv', withRole),
    );
    expect(p.proposedMapping.group).toEqual({ column: 'Your role' });
  });
});

describe('preview "Filled" counts', () => {
  it('counts placeholder words such as "No" as filled', async () => {
    const p = await preview(seed.project(t.db), sharedFile(CODED));
    const filled = (name: string) =>
      codedRows.filter((r) => (r[name] ?? '').trim() !== '').length;
    const used = p.columns.find((c) => c.name === 'used_proctoring');
    expect(used?.filled).toBe(filled('used_proctoring'));
    expect(used?.filled).toBeGreaterThan(500);
  });
});

describe('a long layout’s attribute with several values for one respondent', () => {
  const csv = [
    'response_id,respondent_subset,question_id,answer',
    'R1,Yes and No,Q5,It locks the browser',
    'R1,Yes Only,Q8,We used it twice',
    'R2,No Only,N2,Never tried it',
    'R3,,Q5,A camera watches',
    'R3,Yes Only,Q8,Once a term',
  ].join('\n');

  it('keeps the first value and warns in the preview and the report', async () => {
    const projectId = seed.project(t.db);
    const file = textFile('subsets.csv', csv);
    const warning =
      'The attribute column "respondent_subset" has different values on the rows of 1 respondent; each respondent keeps the first value.';
    const p = await preview(projectId, file);
    expect(p.proposedMapping).toMatchObject({
      layout: 'long',
      attributeColumns: ['respondent_subset'],
    });
    expect(p.warnings).toContain(warning);

    const report = await importFile(projectId, file, {
      ...longMapping,
      attributeColumns: ['respondent_subset'],
    });
    expect(report.warnings).toEqual([warning]);
    const subset = (id: string) =>
      t.db.$client
        .prepare(
          `SELECT json_extract(attributes, '$.respondent_subset')
           FROM respondents WHERE project_id = ? AND external_id = ?`,
        )
        .pluck()
        .get(projectId, id);
    expect(subset('R1')).toBe('Yes and No');
    // A blank first value is filled from the respondent's next row.
    expect(subset('R3')).toBe('Yes Only');
    expect(
      scalar(
        t.db,
        'SELECT count(*) FROM respondents WHERE project_id = ?',
        projectId,
      ),
    ).toBe(3);
  });

  it('gives no warning when each respondent’s rows agree', async () => {
    const report = await importFile(
      seed.project(t.db),
      textFile(
        'agree.csv',
        'response_id,school,question_id,answer\nR1,Law,Q5,Fine\nR1,Law,Q8,Good\n',
      ),
      { ...longMapping, attributeColumns: ['school'] },
    );
    expect(report.warnings).toEqual([]);
  });
});
