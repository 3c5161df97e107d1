import { describe, expect, it } from 'vitest';
import {
  STARTER_CODEBOOKS,
  findStarterCodebook,
  starterTheme,
} from '../../shared/starter-codebooks';
import { nameKey } from '../../shared/text';

describe('starter codebooks', () => {
  it.each([
    ['parents', 10],
    ['practitioners', 13],
  ] as const)('%s has %i themes with definitions', (id, count) => {
    const book = findStarterCodebook(id);
    expect(book?.themes).toHaveLength(count);
    for (const theme of book?.themes ?? []) {
      expect(theme.definition.length).toBeGreaterThan(10);
      expect(theme.keywords.length).toBeGreaterThan(2);
    }
  });

  it('has no duplicate theme names within a codebook', () => {
    for (const book of STARTER_CODEBOOKS) {
      const keys = book.themes.map((t) => nameKey(t.name));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('has no repeated keyword within a theme', () => {
    for (const book of STARTER_CODEBOOKS) {
      for (const theme of book.themes) {
        expect(new Set(theme.keywords).size).toBe(theme.keywords.length);
      }
    }
  });

  it.each([
    [
      'parents',
      'Communication',
      ['communication', 'information', 'advice', 'email', 'contact'],
    ],
    ['parents', 'Paperwork', ['paperwork', 'forms', 'one-page']],
    ['parents', 'Time', ['time', 'delays', 'delay']],
    ['practitioners', 'Workload', ['workload', 'intensity', 'caseload']],
    ['practitioners', 'Engagement of health', ['engagement', 'health']],
  ] as const)('%s › %s keywords include %j', (id, name, words) => {
    const theme = findStarterCodebook(id)?.themes.find((t) => t.name === name);
    expect(theme?.keywords).toEqual(expect.arrayContaining([...words]));
  });

  it('puts words from the name first, then the definition, then extras', () => {
    expect(
      starterTheme({
        name: 'Time',
        definition: 'Delays in replies',
        extra: ['delays', 'weeks'],
      }).keywords,
    ).toEqual(['time', 'delays', 'replies', 'weeks']);
  });

  it('finds no codebook for an unknown id', () => {
    expect(findStarterCodebook('teachers')).toBeNull();
  });
});
