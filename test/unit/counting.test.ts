import { describe, expect, it } from 'vitest';
import {
  cellFigures,
  cellKey,
  groupAttributeFilters,
  isReported,
  parseAttributeFilter,
  percentOf,
  tallyThemes,
  type TalliedComment,
} from '../../shared/counting';

describe('parseAttributeFilter', () => {
  it.each([
    ['LA:North', { name: 'LA', value: 'North' }],
    [
      'Local authority:North East',
      { name: 'Local authority', value: 'North East' },
    ],
    ['Time:09:30', { name: 'Time', value: '09:30' }],
    ['LA:', { name: 'LA', value: '' }],
    [' LA :North', { name: 'LA', value: 'North' }],
    ['North', null],
    [':North', null],
    ['  :North', null],
  ])('%j', (param, expected) => {
    expect(parseAttributeFilter(param)).toEqual(expected);
  });
});

describe('groupAttributeFilters', () => {
  it('gathers the values of each attribute, once each', () => {
    const grouped = groupAttributeFilters([
      { name: 'LA', value: 'North' },
      { name: 'Age', value: '5-11' },
      { name: 'LA', value: 'South' },
      { name: 'LA', value: 'North' },
    ]);
    expect([...grouped]).toEqual([
      ['LA', ['North', 'South']],
      ['Age', ['5-11']],
    ]);
  });
});

describe('percentOf', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5, 5, 100],
    [0, 4, 0],
    [0, 0, null],
    [3, 0, null],
  ])('%i of %i', (count, base, expected) => {
    expect(percentOf(count, base)).toBe(expected);
  });
});

describe('tallyThemes', () => {
  const comment = (over: Partial<TalliedComment>): TalliedComment => ({
    questionId: 1,
    groupId: 10,
    substantive: true,
    status: 'single',
    themeIds: [],
    ...over,
  });

  it('counts each theme of a final coding once, and every status in the base', () => {
    const { bases, counts } = tallyThemes([
      comment({ themeIds: [100, 101] }),
      comment({ status: 'agreed', themeIds: [100] }),
      comment({ status: 'decided', themeIds: [101, 101] }),
      comment({ status: 'unreconciled', themeIds: null }),
      comment({ status: 'uncoded', themeIds: null }),
      comment({ substantive: false, themeIds: [100] }),
      comment({ groupId: null, themeIds: [100] }),
    ]);
    expect(bases.get(cellKey(1, 10))).toEqual({
      comments: 5,
      placeholders: 1,
      coded: 3,
      unreconciled: 1,
      uncoded: 1,
    });
    expect(counts.get(cellKey(1, 10, 100))).toBe(2);
    expect(counts.get(cellKey(1, 10, 101))).toBe(2);
    expect(counts.get(cellKey(1, null, 100))).toBe(1);
    expect(bases.get(cellKey(1, null))?.comments).toBe(1);
  });
});

describe('cellFigures', () => {
  it.each([
    // The sample's case: 138 of 908 comments, 447 of them coded so far.
    [138, 908, 447, { percent: 15.2, percentOfCoded: 30.9 }],
    [0, 5, 0, { percent: 0, percentOfCoded: null }],
    [0, 0, 0, { percent: null, percentOfCoded: null }],
    [3, 3, 3, { percent: 100, percentOfCoded: 100 }],
  ])('%i of %i (%i coded)', (count, comments, coded, expected) => {
    expect(cellFigures(count, { comments, coded })).toEqual({
      count,
      base: comments,
      codedBase: coded,
      ...expected,
    });
  });
});

describe('isReported', () => {
  it.each([
    [false, 0, true],
    [false, 4, true],
    [true, 0, false],
    [true, 1, true],
  ])('archived %s with total %i: %s', (archived, total, expected) => {
    expect(isReported({ archived, total })).toBe(expected);
  });
});
