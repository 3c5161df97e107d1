import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountsReply } from '../../shared/api/report';
import {
  cellKey,
  tallyThemes,
  type TalliedComment,
} from '../../shared/counting';
import { finalCoding } from '../../shared/final-coding';
import { buildTestApp, type TestApp, useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * The SQL counts against the plain rule of shared/ on a few hundred
 * randomly coded comments: every cell and every base must agree.
 */
describe('report counts agree with the reference tally', () => {
  const t = useTestApp();
  let projectId = 0;
  const expected: TalliedComment[] = [];

  beforeAll(() => {
    const db = t.db;
    const next = random(42);
    const pick = <T>(items: T[]): T =>
      items[Math.floor(next() * items.length)] as T;

    const frame = seed.survey(db, {
      name: 'Random',
      groups: ['A', 'B'],
      questions: ['q1', 'q2'],
      themes: ['T1', 'T2', 'T3', 'T4', 'T5'],
      coders: ['a', 'b', 'c'],
    });
    projectId = frame.projectId;
    const groups = [...Object.values<number>(frame.groups), null];
    const questions = Object.values<number>(frame.questions);
    const themes = Object.values<number>(frame.themes);
    const coders = Object.values<number>(frame.coders);
    const lead = seed.coder(db, { name: 'lead' });
    const someThemes = () => themes.filter(() => next() < 0.3);

    for (let i = 0; i < 400; i++) {
      const groupId = pick(groups);
      const questionId = pick(questions);
      const placeholder = next() < 0.1;
      const commentId = seed.comment(db, {
        projectId,
        questionId,
        respondent: { externalId: `R${i}`, groupId },
        text: placeholder ? 'nothing' : `Answer ${i}`,
      });
      const codingsByCoder = new Map<number, number[]>();
      const coderCount = Math.floor(next() * 4);
      const shared = someThemes();
      for (const coder of coders.slice(0, coderCount)) {
        const themeIds = next() < 0.6 ? shared : someThemes();
        seed.coding(db, commentId, { coderId: coder, themeIds });
        codingsByCoder.set(coder, themeIds);
      }
      let decision: number[] | null = null;
      if (next() < 0.15) {
        decision = someThemes();
        seed.finalCoding(db, commentId, {
          decidedBy: lead,
          themeIds: decision,
        });
      }
      const final = finalCoding(decision, codingsByCoder);
      expected.push({
        questionId,
        groupId,
        substantive: !placeholder,
        status: final.status,
        themeIds: final.themeIds,
      });
    }
  });

  it('matches cell by cell and base by base', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/counts`,
    });
    const reply = res.json<CountsReply>();
    const tally = tallyThemes(expected);

    for (const c of reply.cells) {
      const key = cellKey(c.questionId, c.groupId, c.themeId);
      expect(c.count, key).toBe(tally.counts.get(key) ?? 0);
      const base = tally.bases.get(cellKey(c.questionId, c.groupId));
      expect(c.codedBase, key).toBe(base?.coded ?? 0);
    }
    for (const group of reply.groups) {
      for (const question of reply.questions) {
        const key = cellKey(question.id, group.id);
        expect(group.base[String(question.id)], key).toEqual(
          tally.bases.get(key),
        );
      }
    }
    // The data must exercise every rule, or this test proves little.
    const statuses = new Set(expected.map((e) => e.status));
    expect([...statuses].sort()).toEqual(
      ['agreed', 'decided', 'single', 'uncoded', 'unreconciled'].sort(),
    );
  });

  it('lists as many comments behind each cell as the cell counts', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/counts`,
    });
    const reply = res.json<CountsReply>();
    for (const c of reply.cells.slice(0, 12)) {
      const group = c.groupId ?? 'none';
      const behind = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/report/comments?themeId=${c.themeId}&questionId=${c.questionId}&groupId=${group}&limit=1`,
      });
      expect(behind.json<{ total: number }>().total).toBe(c.count);
    }
  });
});

describe('report bases of a group with only placeholder answers', () => {
  let t: TestApp;
  afterAll(async () => t.close());

  it('counts them apart and every other figure as 0', async () => {
    t = await buildTestApp();
    const projectId = seed.project(t.db, { name: 'Placeholders' });
    const group = seed.group(t.db, projectId, { name: 'Quiet' });
    const question = seed.question(t.db, projectId, { key: 'q1' });
    seed.theme(t.db, projectId, { name: 'T1' });
    for (const text of ['N/A', 'nothing']) {
      const respondent = seed.respondent(t.db, projectId, {
        externalId: text,
        groupId: group,
      });
      seed.comment(t.db, {
        projectId: projectId,
        respondentId: respondent,
        questionId: question,
        text: text,
      });
    }
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/report/counts`,
    });
    expect(res.statusCode).toBe(200);
    const reply = res.json<CountsReply>();
    expect(reply.groups[0]?.base[String(question)]).toEqual({
      comments: 0,
      placeholders: 2,
      coded: 0,
      unreconciled: 0,
      uncoded: 0,
    });
    expect(reply.cells[0]).toMatchObject({
      count: 0,
      base: 0,
      percent: null,
      codedBase: 0,
      percentOfCoded: null,
    });
  });
});
