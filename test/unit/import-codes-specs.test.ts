import { describe, expect, it } from 'vitest';
import type { CodesSpec, Preview } from '../../shared/api/import';
import { repeatedCoder } from '../../shared/import/codes-specs';
import {
  draftFromPreview,
  mappingFromDraft,
} from '../../client/src/pages/import/mapping-state';

const list = (column: string, coder?: string, question?: string) =>
  ({
    format: 'delimited',
    column,
    ...(coder === undefined ? {} : { coder }),
    ...(question === undefined ? {} : { question }),
  }) satisfies CodesSpec;

describe('repeatedCoder', () => {
  const cases: Array<[string, CodesSpec[], 'wide' | 'long', string | null]> = [
    ['one spec', [list('a', 'ann')], 'long', null],
    ['two names', [list('a', 'ann'), list('b', 'ben')], 'long', null],
    ['same name', [list('a', 'ann'), list('b', 'ann')], 'long', 'ann'],
    ['spaces trimmed', [list('a', 'ann'), list('b', ' ann')], 'long', 'ann'],
    ['both unnamed', [list('a'), list('b')], 'long', 'imported'],
    [
      'wide, one per question',
      [list('a', 'ann', 'q1'), list('b', 'ann', 'q2')],
      'wide',
      null,
    ],
    [
      'long ignores the question',
      [list('a', 'ann', 'q1'), list('b', 'ann', 'q2')],
      'long',
      'ann',
    ],
  ];
  it.each(cases)('%s', (_, specs, layout, expected) => {
    expect(repeatedCoder(specs, layout)).toBe(expected);
  });
});

describe('the import form’s codes', () => {
  /** The separator the server detects in each column's cells. */
  const separators: Record<string, string> = { c2: ';' };
  const column = (index: number, name: string) => ({
    index,
    name,
    label: '',
    samples: [],
    filled: 1,
    kind: 'attribute' as const,
    listSeparator: separators[name] ?? '|',
  });
  const preview: Preview = {
    fileName: 'f.csv',
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    sheets: [],
    sheet: null,
    warnings: [],
    headerRows: 1,
    columns: ['q', 'text', 'c1', 'c2', 'Time', 'Cost'].map((n, i) =>
      column(i, n),
    ),
    rows: [],
    rowCount: 1,
    proposedMapping: {
      layout: 'long',
      headerRows: 1,
      group: null,
      questionColumn: 'q',
      textColumn: 'text',
      codes: list('c1', 'ann'),
    },
  };

  it('keeps one theme list as one spec, with the detected separator', () => {
    const mapping = mappingFromDraft(draftFromPreview(preview), preview);
    expect(typeof mapping !== 'string' && mapping.codes).toEqual({
      ...list('c1', 'ann'),
      delimiter: '|',
    });
  });

  it('keeps the separator the proposal gives, and a separator typed in', () => {
    const proposed: Preview = {
      ...preview,
      proposedMapping: {
        ...preview.proposedMapping,
        codes: { ...list('c1', 'ann'), delimiter: ',' },
      },
    };
    const draft = draftFromPreview(proposed);
    expect(draft.listDelimiters[2]).toBe(',');
    draft.listDelimiters[2] = '/';
    const mapping = mappingFromDraft(draft, proposed);
    expect(typeof mapping !== 'string' && mapping.codes).toMatchObject({
      delimiter: '/',
    });
  });

  it('gives each theme list and the 1/0 set their own coder', () => {
    const draft = draftFromPreview(preview);
    draft.roles = [
      'questionKey',
      'text',
      'codeList',
      'codeList',
      'code',
      'code',
    ];
    draft.listCoders = ['', '', 'ann', '', '', ''];
    draft.coder = 'flags';
    const mapping = mappingFromDraft(draft, preview);
    expect(typeof mapping !== 'string' && mapping.codes).toEqual([
      {
        format: 'binary',
        coder: 'flags',
        columns: [
          { column: 'Time', theme: 'Time' },
          { column: 'Cost', theme: 'Cost' },
        ],
      },
      // Each list splits on the separator detected in its own cells.
      { ...list('c1', 'ann'), delimiter: '|' },
      { ...list('c2', 'c2'), delimiter: ';' },
    ]);
  });
});
