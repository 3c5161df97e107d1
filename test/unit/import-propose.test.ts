import { describe, expect, it } from 'vitest';
import { columnNames } from '../../shared/import/headers';
import {
  guessKinds,
  profileColumn,
  proposeMapping,
} from '../../shared/import/propose';

/** Kinds guessed for a table given as header + rows. */
function kindsOf(header: string[], rows: string[][], labels = header) {
  const profiles = header.map((h, i) =>
    profileColumn(h, labels[i] ?? h, rows, i),
  );
  return Object.fromEntries(header.map((h, i) => [h, guessKinds(profiles)[i]]));
}

describe('profileColumn', () => {
  it('counts placeholder codes as empty, so the answers decide', () => {
    const rows = [['-99'], ['-66'], ['Broken communication chain'], ['-77']];
    expect(profileColumn('v_277', 'v_277', rows, 0)).toMatchObject({
      filled: 1,
      placeholders: 3,
      distinct: 1,
      numericShare: 0,
    });
  });
});

describe('guessKinds', () => {
  it.each([
    [
      'free text among missing-value codes',
      ['-99', '-66', 'Insufficient requirements V&V', '-66', 'no one cared'],
      'open',
    ],
    ['short answers under a known key', ['Fine', 'Good', 'Quick'], 'open'],
    [
      'few values repeated across rows',
      ['Agree', 'Disagree', 'Agree', 'Agree', 'Disagree'],
      'closed',
    ],
    [
      'distinct one-word values, not repeated',
      ['red', 'blue', 'green'],
      'attribute',
    ],
  ])('%s', (_, values, kind) => {
    // A Group column, so that no column is taken as the group instead.
    const name = kind === 'open' && values[0] === 'Fine' ? 'worked' : 'v_1';
    const kinds = kindsOf(
      ['Group', name],
      values.map((v, i) => [i % 2 ? 'Parents' : 'Staff', v]),
    );
    expect(kinds[name]).toBe(kind);
  });

  it('takes the question text as a hint even with one response', () => {
    const rows = [['R_1', '2', 'Hello World!']];
    expect(
      kindsOf(['ResponseId', 'Q1', 'Q2'], rows, [
        'Response ID',
        'This is a multiple choice question.',
        'This is a free text question.',
      ]),
    ).toEqual({ ResponseId: 'id', Q1: 'attribute', Q2: 'open' });
  });

  it('reads Qualtrics text entries and SurveyMonkey sub-labels', () => {
    const qualtrics = columnNames(
      [
        ['Q1', 'Q2'],
        ['Pick one', 'Tell us'],
        ['{"ImportId":"QID1"}', '{"ImportId":"QID2_TEXT"}'],
      ],
      2,
    );
    expect(qualtrics.map((c) => c.answer)).toEqual([undefined, 'open']);
    const monkey = columnNames(
      [
        ['Satisfied?', 'Tell us'],
        ['Response', 'Open-Ended Response'],
      ],
      2,
    );
    expect(monkey.map((c) => c.answer)).toEqual(['choice', 'open']);
  });

  it('proposes a column of few repeated values as the group, preferring a group-like name', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      `P${i}`,
      ['Yes', 'No'][i % 2] ?? '',
      ['1A', '1B', '2C'][i % 3] ?? '',
      `Answer number ${i} with several words`,
    ]);
    const kinds = kindsOf(
      ['id', 'Legal?', 'Select the commission', 'Why?'],
      rows,
    );
    expect(kinds).toEqual({
      id: 'id',
      'Legal?': 'closed',
      'Select the commission': 'group',
      'Why?': 'open',
    });
  });

  it('proposes numbered code columns as one coder’s theme names', () => {
    const header = ['ResponseId', 'How does it work?', 'Code 1', 'Code 2'];
    const rows = [
      ['R_1', 'It locks the browser during the exam', 'lockdown', ''],
      ['R_2', 'A camera watches the student all the time', 'webcam', 'ai'],
    ];
    const profiles = header.map((h, i) => profileColumn(h, h, rows, i));
    const mapping = proposeMapping(profiles, guessKinds(profiles), 1);
    expect(mapping).toMatchObject({
      idColumn: 'ResponseId',
      questions: [{ column: 'How does it work?' }],
      codes: { format: 'columns', columns: ['Code 1', 'Code 2'] },
    });
  });
});
