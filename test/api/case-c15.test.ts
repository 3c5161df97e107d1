/**
 * Case C15: British and American spellings and word forms match the same
 * keyword, and suggestions show the words as written, never a stem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeywordIndex, suggest } from '../../shared/suggest/keyword-index';
import { mergeKeywordCounts } from '../../shared/suggest/merge-keywords';
import { sharedDir, useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

const caseDir = join(sharedDir, 'cases/C15');

function readCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(join(caseDir, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

const codebook = readCsv('codebook.csv').map((row, i) => ({
  id: i + 1,
  name: row.name ?? '',
  keywords: (row.keywords ?? '').split(';').map((k) => k.trim()),
  archived: false,
  groupIds: null,
}));
const spellings = readCsv('spellings.csv');

/** Respondent → the theme C15 expects and the word that must trigger it. */
const EXPECTED: ReadonlyArray<readonly [string, string, string]> = [
  ['P1001', 'Communication', 'communicate'],
  ['P1002', 'Communication', 'Communication'],
  ['P1003', 'Procedures', 'organise'],
  ['P1004', 'Procedures', 'organize'],
  ['P1005', 'Procedures', 'organisation'],
  ['P1006', 'Support (care)', 'behaviour'],
  ['P1007', 'Support (care)', 'behavior'],
  ['P1008', 'Training', 'programme'],
  ['P1009', 'Training', 'program'],
  ['P1010', 'Communication', 'communicating'],
];

function textOf(respondent: string): string {
  const row = spellings.find((r) => r.RespondentID === respondent);
  if (!row?.not_worked) throw new Error(`no C15 row ${respondent}`);
  return row.not_worked;
}

describe('C15 with the pure suggester', () => {
  const index = buildKeywordIndex(codebook);

  it.each(EXPECTED)(
    '%s gets %s, triggered by "%s"',
    (respondent, theme, word) => {
      const text = textOf(respondent);
      const [top, ...rest] = suggest(index, text);
      expect(codebook.find((t) => t.id === top?.themeId)?.name).toBe(theme);
      expect(rest).toEqual([]);
      const match = top?.matches[0];
      expect(match?.text).toBe(word);
      expect(match && text.slice(match.start, match.end)).toBe(word);
    },
  );

  it('counts organise/organize, behaviour/behavior, programme/program as one keyword each', () => {
    const merged = mergeKeywordCounts([
      { keyword: 'organise', count: 2 },
      { keyword: 'organize', count: 1 },
      { keyword: 'organisation', count: 1 },
      { keyword: 'behaviour', count: 1 },
      { keyword: 'behavior', count: 1 },
      { keyword: 'programme', count: 1 },
      { keyword: 'program', count: 1 },
    ]);
    expect(merged.map((m) => [m.keyword, m.count, m.variants.length])).toEqual([
      ['organise', 4, 3],
      ['behaviour', 2, 2],
      ['programme', 2, 2],
    ]);
  });
});

describe('C15 through the API', () => {
  const t = useTestApp();
  const commentIds = new Map<string, number>();
  const themeNames = new Map<number, string>();

  beforeAll(() => {
    const projectId = seed.project(t.db, { name: 'C15' });
    const questionId = seed.question(t.db, projectId, { key: 'not_worked' });
    const groups = new Map<string, number>();
    for (const row of spellings) {
      const groupName = row.Group ?? '';
      const groupId =
        groups.get(groupName) ??
        seed.group(t.db, projectId, { name: groupName });
      groups.set(groupName, groupId);
      const commentId = seed.comment(t.db, {
        projectId,
        questionId,
        respondent: { externalId: row.RespondentID ?? '', groupId },
        text: row.not_worked ?? '',
      });
      commentIds.set(row.RespondentID ?? '', commentId);
    }
    for (const theme of codebook) {
      const id = seed.theme(t.db, projectId, {
        name: theme.name,
        keywords: theme.keywords,
      });
      themeNames.set(id, theme.name);
    }
  });

  it.each(EXPECTED)(
    '%s gets %s, triggered by "%s"',
    async (respondent, theme, word) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/comments/${commentIds.get(respondent)}`,
      });
      expect(res.statusCode).toBe(200);
      const { suggestions } = res.json<{
        suggestions: Array<{
          themeId: number;
          matches: Array<{ text: string }>;
        }>;
      }>();
      expect(suggestions.map((s) => themeNames.get(s.themeId))).toEqual([
        theme,
      ]);
      expect(suggestions[0]?.matches.map((m) => m.text)).toEqual([word]);
    },
  );
});
