import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { initialKeywords } from '../../shared/keywords';
import {
  buildKeywordIndex,
  normalisedKeywordKey,
  suggest,
  type SuggestTheme,
} from '../../shared/suggest/keyword-index';
import {
  dedupeKeywords,
  mergeKeywordCounts,
} from '../../shared/suggest/merge-keywords';
import { foldSpelling } from '../../shared/suggest/spelling';
import { starredSuggestions } from '../../shared/suggest/starred';
import { stemWord, tokenise } from '../../shared/suggest/tokenise';
import { sharedDir } from '../helpers/app';

function theme(
  id: number,
  keywords: string[],
  overrides: Partial<SuggestTheme> = {},
): SuggestTheme {
  return {
    id,
    name: `Theme ${id}`,
    keywords,
    archived: false,
    groupIds: null,
    ...overrides,
  };
}

describe('tokenise', () => {
  it.each([
    ['earlier\n2. One', ['earlier', '2', 'One']],
    ['café naïve', ['café', 'naïve']],
    ["the child's plan", ['the', "child's", 'plan']],
    ['follow-up/e-mail', ['follow', 'up', 'e', 'mail']],
    ['Θέλω βοήθεια', ['Θέλω', 'βοήθεια']],
    ['  \t ', []],
  ])('%j → %j', (text, words) => {
    expect(tokenise(text).map((t) => t.text)).toEqual(words);
  });

  it('keeps offsets into the text as written', () => {
    const text = '1. Send the draft\r\nearlier 😀 forms';
    for (const token of tokenise(text)) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
    }
    expect(tokenise(text).at(-1)).toMatchObject({ start: 30, end: 35 });
  });

  it('normalises Unicode (NFKC) and accents for matching only', () => {
    const [wide, ligature, accent] = tokenise('ｆｏｒｍｓ ﬁles café');
    expect(wide).toMatchObject({ text: 'ｆｏｒｍｓ', stem: 'form' });
    expect(ligature).toMatchObject({ text: 'ﬁles', stem: 'file' });
    expect(accent?.stem).toBe(stemWord('cafe'));
  });
});

describe('foldSpelling', () => {
  it.each([
    ['organize', 'organise'],
    ['organization', 'organisation'],
    ['organizing', 'organising'],
    ['behaviour', 'behavior'],
    ['colourful', 'colorful'],
    ['centre', 'center'],
    ['centred', 'centered'],
    ['programme', 'program'],
    ['analyze', 'analyse'],
    ['licence', 'license'],
    ['travelling', 'traveling'],
    ['paediatric', 'pediatric'],
    ['haemorrhage', 'hemorrhage'],
    ['size', 'size'],
    ['resize', 'resize'],
    ['prize', 'prize'],
    ['seize', 'seize'],
    ['hour', 'hour'],
    ['telling', 'telling'],
  ])('%s → %s', (word, folded) => {
    expect(foldSpelling(word)).toBe(folded);
  });
});

describe('stemWord', () => {
  it.each([
    [['communicate', 'communication', 'communicating', 'Communicates']],
    [['organise', 'organize', 'organisation', 'organizations']],
    [['behaviour', 'behavior', 'behaviours']],
    [['programme', 'program', 'programmes']],
    [['centre', 'center', 'centres']],
  ])('%j share one stem', (words) => {
    expect(new Set(words.map(stemWord)).size).toBe(1);
  });

  it('keeps "organ" apart from "organise"', () => {
    expect(stemWord('organ')).not.toBe(stemWord('organise'));
  });

  it.each(['the', 'and', 'would', "don't", 'A'])('%s is a stop word', (w) => {
    expect(stemWord(w)).toBe('');
  });
});

describe('normalisedKeywordKey', () => {
  it.each([
    ['Organise', 'organis'],
    ['organize', 'organis'],
    ['waiting list', 'wait list'],
    ['clarity of the process', 'clariti process'],
    ['n/a', ''],
    ['NA', ''],
    ['none', ''],
    ['nothing', ''],
    ['the', ''],
  ])('%s → %j', (keyword, key) => {
    expect(normalisedKeywordKey(keyword)).toBe(key);
  });
});

describe('suggest', () => {
  const index = buildKeywordIndex([
    theme(1, ['communication', 'email']),
    theme(2, ['waiting list', 'delay']),
    theme(3, ['staff']),
    theme(4, ['staff', 'rude']),
    theme(5, ['n/a', 'na', 'none', 'nothing']),
    theme(6, ['forms'], { archived: true }),
    theme(7, ['school'], { groupIds: [10] }),
  ]);

  it('finds word forms and reports the words as written with offsets', () => {
    const text = 'They were COMMUNICATING by e-mail and email';
    expect(suggest(index, text)).toEqual([
      {
        themeId: 1,
        score: expect.any(Number) as unknown,
        matches: [
          {
            start: 10,
            end: 23,
            text: 'COMMUNICATING',
            keyword: 'communication',
          },
          { start: 38, end: 43, text: 'email', keyword: 'email' },
        ],
      },
    ]);
  });

  it('matches phrases as consecutive words, skipping stop words', () => {
    const hit = suggest(index, 'on the waiting\nlists for ages');
    expect(hit[0]?.matches).toEqual([
      { start: 7, end: 20, text: 'waiting\nlists', keyword: 'waiting list' },
    ]);
    expect(suggest(index, 'a list of people waiting')).toEqual([]);
    expect(suggest(index, 'waiting on the list')[0]?.matches[0]?.text).toBe(
      'waiting on the list',
    );
  });

  it('weighs keywords few themes share above common ones, phrases above words', () => {
    const [first, second] = suggest(index, 'rude staff');
    expect(first?.themeId).toBe(4);
    expect(second?.themeId).toBe(3);
    // 7 themes, 6 active: staff is in 2, rude in 1.
    expect(second?.score).toBeCloseTo(Math.log(1 + 6 / 2));
    expect(first?.score).toBeCloseTo(Math.log(1 + 6 / 2) + Math.log(1 + 6));

    const phrase = suggest(index, 'waiting list');
    const word = suggest(index, 'delay');
    expect(phrase[0]?.score).toBeCloseTo(2 * (word[0]?.score ?? 0));
  });

  it('counts a repeated keyword once but shows every occurrence', () => {
    const once = suggest(index, 'staff');
    const thrice = suggest(index, 'staff, staff and staff');
    expect(thrice[0]?.score).toBe(once[0]?.score);
    expect(thrice[0]?.matches).toHaveLength(3);
  });

  it.each([
    [''],
    ['   '],
    ['N/A'],
    ['n/a'],
    ['none'],
    ['Nothing.'],
    ['zzz qqq'],
    ['na none n/a nothing at all'],
    ['Too many forms'],
  ])('suggests nothing for %j', (text) => {
    expect(suggest(index, text)).toEqual([]);
  });

  it('leaves out themes of other groups unless no group is given', () => {
    expect(suggest(index, 'school', { groupId: 10 })).toHaveLength(1);
    expect(suggest(index, 'school', { groupId: 11 })).toEqual([]);
    expect(suggest(index, 'school', { groupId: null })).toEqual([]);
    expect(suggest(index, 'school')).toHaveLength(1);
  });

  it('keeps the best n with limit, ties by theme id', () => {
    const all = suggest(index, 'staff email delay');
    expect(all.map((s) => s.themeId)).toEqual([1, 2, 3, 4]);
    expect(suggest(index, 'staff email delay', { limit: 2 })).toEqual(
      all.slice(0, 2),
    );
  });

  it('does not glue words across a line break (C03)', () => {
    const c03 = buildKeywordIndex([theme(1, ['earlier']), theme(2, ['2'])]);
    const got = suggest(
      c03,
      'Send the draft plan earlier\n2. One named contact',
    );
    expect(got.map((s) => s.matches.map((m) => m.text))).toEqual([['earlier']]);
  });
});

describe('keyword lists', () => {
  it('merges spelling variants and word forms with a combined count', () => {
    expect(
      mergeKeywordCounts([
        { keyword: 'organize', count: 2 },
        { keyword: 'nothing', count: 9 },
        { keyword: 'staff', count: 3 },
        { keyword: 'organise', count: 2 },
        { keyword: 'organisation', count: 1 },
      ]),
    ).toEqual([
      {
        keyword: 'organize',
        variants: ['organize', 'organise', 'organisation'],
        count: 5,
        key: 'organis',
      },
      { keyword: 'staff', variants: ['staff'], count: 3, key: 'staff' },
    ]);
  });

  it('dedupes by matching key, first spelling wins', () => {
    expect(
      dedupeKeywords(['organise', 'Organize', 'n/a', 'the', 'behaviour']),
    ).toEqual(['organise', 'behaviour']);
  });

  it('starts a theme from its name phrases and content words, once each', () => {
    expect(
      initialKeywords(
        'Staff manner & attitude',
        'How staff behave; organised or organized, n/a',
      ),
    ).toEqual([
      'staff manner',
      'staff',
      'manner',
      'attitude',
      'behave',
      'organised',
    ]);
  });
});

describe('initialKeywords from a long definition', () => {
  it('keeps every name word but only specific definition words', () => {
    expect(
      initialKeywords(
        'Not assigned',
        'The information is unclear or lacks the language for the model.',
      ),
    ).toEqual(['assigned']);
    expect(
      initialKeywords(
        'Sensory experience',
        'Noise, lighting and smell, and whether anything was done about it.',
      ),
    ).toEqual([
      'sensory experience',
      'sensory',
      'experience',
      'noise',
      'lighting',
      'smell',
    ]);
  });

  it('drops definition words of three letters or fewer', () => {
    expect(initialKeywords('Travel', 'Bus and car use; air travel')).toEqual([
      'travel',
    ]);
  });

  it('keeps the words a definition quotes as examples, even generic ones', () => {
    expect(
      initialKeywords(
        'Positive experience',
        "General praise; uses terms such as 'good', \u2018nice\u2019 or \"great\". Doesn't go into detail.",
      ),
    ).toEqual([
      'positive experience',
      'positive',
      'experience',
      'good',
      'nice',
      'great',
      'praise',
    ]);
  });
});

describe('starredSuggestions', () => {
  const s = (themeId: number, score: number) => ({ themeId, score });

  it.each([
    ['one strong match and two weak ones', [s(1, 4), s(2, 1.9), s(3, 1)], [1]],
    ['ties and near ties', [s(1, 2), s(2, 2), s(3, 1)], [1, 2, 3]],
    ['never more than three', [s(1, 3), s(2, 3), s(3, 3), s(4, 3)], [1, 2, 3]],
    ['unsorted input', [s(2, 1), s(1, 3), s(3, 2)], [1, 3]],
    ['zero scores', [s(1, 0)], []],
    ['nothing', [], []],
  ])('%s', (_label, suggestions, starred) => {
    expect(starredSuggestions(suggestions).map((x) => x.themeId)).toEqual(
      starred,
    );
  });
});

describe('C10: blank and placeholder answers', () => {
  const rows: Array<Record<string, string>> = parse(
    readFileSync(join(sharedDir, 'cases/C10/blanks.csv')),
    {
      columns: true,
      bom: true,
    },
  );
  const index = buildKeywordIndex([
    theme(1, ['n/a', 'na', 'none', 'nothing', 'comment']),
    theme(2, ['slow', 'fine']),
  ]);
  const answers = rows.flatMap((r) => [r.worked ?? '', r.not_worked ?? '']);

  it('suggests only for answers with known words, never via n/a, none, nothing', () => {
    const suggested = answers
      .map((text) => ({ text, got: suggest(index, text) }))
      .filter((a) => a.got.length > 0);
    expect(suggested.map((a) => [a.text, a.got.map((s) => s.themeId)])).toEqual(
      [
        ['Everything was fine', [2]],
        ['  Too slow  ', [2]],
      ],
    );
    expect(suggested[1]?.got[0]?.matches[0]).toMatchObject({
      start: 6,
      end: 10,
      text: 'slow',
    });
  });
});
