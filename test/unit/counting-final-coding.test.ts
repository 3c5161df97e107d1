import { describe, expect, it } from 'vitest';
import { finalCoding, type FinalCoding } from '../../shared/final-coding';

const coders = (...sets: number[][]) =>
  new Map(sets.map((themes, i) => [i + 1, themes]));

describe('finalCoding', () => {
  const cases: Array<
    [string, number[] | null, Map<number, number[]>, FinalCoding]
  > = [
    ['nobody coded it', null, coders(), { status: 'uncoded', themeIds: null }],
    ['one coder', null, coders([3, 1]), { status: 'single', themeIds: [1, 3] }],
    [
      'one coder, no theme applies',
      null,
      coders([]),
      { status: 'single', themeIds: [] },
    ],
    [
      'two coders agree, in any order',
      null,
      coders([2, 1], [1, 2]),
      { status: 'agreed', themeIds: [1, 2] },
    ],
    [
      'two coders agree no theme applies',
      null,
      coders([], []),
      { status: 'agreed', themeIds: [] },
    ],
    [
      'two coders differ',
      null,
      coders([1], [2]),
      { status: 'unreconciled', themeIds: null },
    ],
    [
      'one set inside the other still differs',
      null,
      coders([1], [1, 2]),
      { status: 'unreconciled', themeIds: null },
    ],
    [
      'three coders, one differs',
      null,
      coders([1], [1], [1, 4]),
      { status: 'unreconciled', themeIds: null },
    ],
    [
      'a lead decision outranks disagreement',
      [5, 2],
      coders([1], [2]),
      { status: 'decided', themeIds: [2, 5] },
    ],
    [
      'a lead decision outranks the only coder',
      [],
      coders([1]),
      { status: 'decided', themeIds: [] },
    ],
    [
      'a decision with nobody coding',
      [7],
      coders(),
      { status: 'decided', themeIds: [7] },
    ],
    [
      'a theme given twice counts once',
      null,
      coders([4, 4]),
      { status: 'single', themeIds: [4] },
    ],
  ];

  it.each(cases)('%s', (_name, decision, codings, expected) => {
    expect(finalCoding(decision, codings)).toEqual(expected);
  });
});
