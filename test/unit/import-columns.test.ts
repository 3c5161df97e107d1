import { describe, expect, it } from 'vitest';
import {
  attributeConflicts,
  attributeConflictWarning,
} from '../../shared/import/attribute-conflicts';
import { detectListSeparator } from '../../shared/import/codes-specs';
import {
  coderOfCodesColumn,
  guessKinds,
  profileColumn,
} from '../../shared/import/propose';

describe('detectListSeparator', () => {
  it.each([
    ['pipes', ['a|b', 'a', 'b|c'], '|'],
    ['semicolons', ['Transport;Time', 'Staff'], ';'],
    ['commas', ['late, rude', 'slow'], ','],
    ['none: the default', ['one', 'two', ''], '|'],
    ['the most frequent wins', ['a|b', 'a;b', 'c;d'], ';'],
    ['a comma inside pipe lists', ['a|b, c', 'd|e'], '|'],
    ['a tie goes to | before ; before ,', ['a;b', 'c,d'], ';'],
    ['hierarchical codes', ['x->y|z', 'x'], '|'],
  ])('%s', (_, cells, separator) => {
    expect(detectListSeparator(cells)).toBe(separator);
  });
});

describe('coderOfCodesColumn', () => {
  it.each([
    ['codes_primary', 'primary'],
    ['codes_secondary', 'secondary'],
    ['Themes (Ann)', 'Ann'],
    ['tags-ben', 'ben'],
    ['codes', null],
    ['Code 1', null],
    ['theme_3', null],
    ['code_description', null],
    ['codebook', null],
    ['school', null],
  ])('%s', (name, coder) => {
    expect(coderOfCodesColumn(name)).toBe(coder);
  });
});

describe('profileColumn', () => {
  it('counts placeholder words as filled in `nonBlank` only', () => {
    const rows = [['Yes'], ['No'], ['No'], [''], ['n/a']];
    expect(profileColumn('used_proctoring', '', rows, 0)).toMatchObject({
      filled: 1,
      placeholders: 3,
      nonBlank: 4,
    });
  });
});

describe('the proposed group', () => {
  const kindsOf = (header: string[], rows: string[][]) => {
    const profiles = header.map((h, i) => profileColumn(h, h, rows, i));
    return guessKinds(profiles);
  };
  const rows = Array.from({ length: 12 }, (_, i) => [
    `P${i}`,
    ['Leeds', 'York', 'Hull'][i % 3] ?? '',
    ['Parent', 'Teacher'][i % 2] ?? '',
    `Answer number ${i} with several words`,
  ]);

  it.each([
    ['Local authority', 'attribute'],
    ['local_authority', 'attribute'],
    ['LA', 'attribute'],
    ['Region', 'attribute'],
    ['School', 'attribute'],
    ['Country', 'attribute'],
    ['Area', 'attribute'],
  ])('never proposes "%s" (no group column)', (name, kind) => {
    const kinds = kindsOf(['id', name, 'v_2', 'Why?'], rows);
    expect(kinds[1]).toBe(kind);
    expect(kinds).not.toContain('group');
  });

  it.each([
    ['Role'],
    ['Your role'],
    ['Respondent type'],
    ['Which best describes you? (parent, school staff)'],
  ])('proposes "%s" over a local authority', (name) => {
    expect(kindsOf(['id', 'Local authority', name, 'Why?'], rows)).toEqual([
      'id',
      'attribute',
      'group',
      'open',
    ]);
  });
});

describe('attributeConflicts', () => {
  const rows = [
    ['id', 'subset', 'school'],
    ['R1', 'Yes and No', 'Law'],
    ['R1', 'Yes Only', 'Law'],
    ['R2', 'No Only', ''],
    ['R2', 'No Only', 'Arts'],
    ['R3', '', 'Arts'],
    ['R3', 'Yes Only', 'Arts'],
    ['R3', 'No Only', 'Arts'],
  ];
  const columns = [
    { index: 1, name: 'subset' },
    { index: 2, name: 'school' },
  ];

  it('counts respondents whose non-blank values differ, per column', () => {
    expect(
      attributeConflicts(rows, 1, (row) => row[0] ?? null, columns),
    ).toEqual([{ column: 'subset', respondents: 2 }]);
  });

  it('counts nothing in skipped rows or when each row is its own respondent', () => {
    let n = 0;
    expect(
      attributeConflicts(rows, 1, () => `row ${(n += 1)}`, columns),
    ).toEqual([]);
    expect(attributeConflicts(rows, 1, () => null, columns)).toEqual([]);
  });

  it('words the warning with one or several respondents', () => {
    expect(attributeConflictWarning({ column: 'subset', respondents: 1 })).toBe(
      'The attribute column "subset" has different values on the rows of 1 respondent; each respondent keeps the first value.',
    );
    expect(
      attributeConflictWarning({ column: 'subset', respondents: 1200 }),
    ).toContain('the rows of 1,200 respondents;');
  });
});
