import { describe, expect, it } from 'vitest';
import {
  columnNames,
  detectHeaderRows,
  looksNumeric,
} from '../../shared/import/headers';
import { questionKey } from '../../shared/import/question-key';
import {
  guessKinds,
  profileColumn,
  proposeMapping,
} from '../../shared/import/propose';
import {
  DEFAULT_PLACEHOLDERS,
  isPlaceholder,
  placeholderMatcher,
} from '../../shared/text';

describe('detectHeaderRows', () => {
  it.each([
    [
      'one header row',
      [
        ['id', 'worked'],
        ['1', 'Good'],
        ['2', 'Fine'],
      ],
      1,
    ],
    [
      'SurveyMonkey Response row',
      [
        ['ID', 'Q'],
        ['', 'Open-Ended Response'],
        ['1', 'Good'],
      ],
      2,
    ],
    [
      'Qualtrics ImportId row',
      [['Q1'], ['Text?'], ['{"ImportId":"QID1"}'], ['Hello']],
      3,
    ],
    [
      'words above numeric data',
      [
        ['lfdn', 'v_1'],
        ['number', 'Team size'],
        ['39', '4'],
        ['47', '5'],
      ],
      2,
    ],
    [
      'a repeated variable name',
      [
        ['ResponseId', 'Q5'],
        ['ResponseId', 'How?'],
        ['R_1', 'So'],
      ],
      2,
    ],
  ])('%s', (_, rows, expected) => {
    expect(detectHeaderRows(rows)).toBe(expected);
  });
});

describe('columnNames', () => {
  it('continues a question over blank cells and appends sub-labels', () => {
    const names = columnNames(
      [
        ['\ufeffRespondent ID', 'Which best describes you?', '', 'Why?'],
        ['', 'Response', 'Other (please specify)', 'Open-Ended Response'],
      ],
      4,
    ).map((c) => c.name);
    expect(names).toEqual([
      'Respondent ID',
      'Which best describes you?',
      'Which best describes you? — Other (please specify)',
      'Why?',
    ]);
  });

  it('names blank columns and de-duplicates repeats', () => {
    const names = columnNames([['a', '', 'a', 'a (2)']], 4).map((c) => c.name);
    expect(names).toEqual(['a', 'Column 2', 'a (3)', 'a (2)']);
  });

  it('keeps the variable as the name and the question as the label', () => {
    expect(columnNames([['Q2'], ['Free text?']], 1)).toEqual([
      { name: 'Q2', label: 'Free text?' },
    ]);
  });
});

describe('looksNumeric', () => {
  it.each([
    ['39', true],
    ['-99', true],
    ['12/2/21 8:46', true],
    ['03/14/2016 09:02:11 AM', true],
    ['Start Date', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(looksNumeric(value)).toBe(expected);
  });
});

describe('questionKey', () => {
  it.each([
    ['What did not work well?', 'what_did_not_work_well'],
    ['could_improve', 'could_improve'],
    ['Café – Öffnungszeiten', 'cafe_offnungszeiten'],
  ])('%s → %s', (value, key) => {
    expect(questionKey(value)).toBe(key);
  });

  it('shortens long questions with a hash, merging space variants', () => {
    const a = questionKey(`${'Please describe the service '.repeat(4)}\n`);
    const b = questionKey(`${'Please describe the service '.repeat(4)} \n`);
    expect(a).toBe(b);
    expect(a.length).toBeLessThanOrEqual(60);
    expect(a).toMatch(/_[0-9a-f]{8}$/);
  });
});

describe('guessKinds and proposeMapping', () => {
  const header = ['RespondentID', 'Group', 'worked', 'Rating'];
  const rows = [
    ['P1', 'Parent', 'The coordinator phoned us back quickly.', 'Good'],
    ['P2', 'Practitioner', 'The joint meeting with health helped us.', 'Poor'],
    ['P3', 'Parent', 'I could say what I wanted in the meeting.', 'Good'],
    ['P4', 'Parent', 'Nobody listened to what we had to say.', 'Good'],
  ];
  const profiles = header.map((h, i) => profileColumn(h, h, rows, i));

  it('finds id, group, open and closed columns', () => {
    expect(guessKinds(profiles)).toEqual(['id', 'group', 'open', 'closed']);
  });

  it('proposes a wide mapping from them', () => {
    expect(proposeMapping(profiles, guessKinds(profiles), 1)).toEqual({
      layout: 'wide',
      headerRows: 1,
      idColumn: 'RespondentID',
      group: { column: 'Group' },
      codes: null,
      questions: [{ column: 'worked' }],
      closedColumns: ['Rating'],
      attributeColumns: [],
    });
  });

  it('proposes a long mapping when the id repeats', () => {
    const long = [
      ['1', 'Why?', 'Because the staff were kind to me.'],
      ['1', 'Improve?', 'Shorter waits for the transport home.'],
      ['2', 'Why?', 'The driver was late and did not call.'],
    ];
    const p = ['id', 'question', 'answer'].map((h, i) =>
      profileColumn(h, h, long, i),
    );
    expect(proposeMapping(p, guessKinds(p), 1)).toMatchObject({
      layout: 'long',
      idColumn: 'id',
      questionColumn: 'question',
      textColumn: 'answer',
    });
  });
});

describe('placeholderMatcher', () => {
  const isDefaultPlaceholder = placeholderMatcher(DEFAULT_PLACEHOLDERS);
  it.each([
    ['N/A', true],
    [' n/a ', true],
    ['None.', true],
    ['Nothing!', true],
    ['No comment', true],
    ['Nothing worked', false],
    ['  Too slow  ', false],
    ['-', true],
    ['prefer not to say', true],
    ['Did not answer', true],
    ['x'.repeat(200), false],
  ])('%j is a placeholder: %s', (text, expected) => {
    expect(isDefaultPlaceholder(text)).toBe(expected);
    expect(isPlaceholder(text)).toBe(expected);
  });
});
