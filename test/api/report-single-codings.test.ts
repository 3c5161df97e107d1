import { beforeAll, describe, expect, it } from 'vitest';
import { themeCounts } from '../../server/report/counts-repository';
import { hasOnlySingleCodings } from '../../server/report/scope';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

/**
 * When no comment has a lead decision or a second coding, counting takes a
 * shorter path (each comment's one coding is final). It must give exactly
 * what the general rule gives.
 */
describe('counting when every comment has at most one coding', () => {
  const t = useTestApp();
  let projectId = 0;
  let firstComment = 0;
  let themeIds: number[] = [];

  beforeAll(() => {
    const db = t.db;
    const frame = seed.survey(db, {
      name: 'One coding each',
      groups: ['A', 'B'],
      questions: ['worked', 'change'],
      themes: ['T1', 'T2', 'T3', 'T4'],
      coders: ['ann', 'bob'],
    });
    projectId = frame.projectId;
    const groups = Object.values<number>(frame.groups);
    const questions = Object.values<number>(frame.questions);
    themeIds = Object.values(frame.themes);
    const coders = Object.values<number>(frame.coders);
    for (let i = 0; i < 60; i += 1) {
      const respondentId = seed.respondent(db, projectId, {
        externalId: `R${i}`,
        groupId: groups[i % 2] ?? null,
        attributes: { area: i % 3 === 0 ? 'North' : 'South' },
      });
      questions.forEach((questionId, q) => {
        const text = (i + q) % 11 === 0 ? 'N/A' : `answer ${i}-${q}`;
        const commentId = seed.comment(db, {
          projectId,
          respondentId,
          questionId,
          text,
        });
        if (firstComment === 0) firstComment = commentId;
        if ((i + q) % 5 === 4) return; // left uncoded
        const themes = themeIds.filter((_, k) => (i * 7 + q + k) % 3 === 0);
        seed.coding(db, commentId, {
          coderId: coders[(i + q) % 2] ?? 0,
          themeIds: themes,
        });
      });
    }
  });

  const counts = (singleCodingsOnly: boolean, area?: string) =>
    themeCounts(
      t.db,
      {
        projectId,
        filters: area ? [{ name: 'area', value: area }] : [],
        coderId: null,
        singleCodingsOnly,
      },
      null,
    );

  it('is detected, and gives the same counts and bases as the full rule', () => {
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(true);
    expect(counts(true)).toEqual(counts(false));
    expect(counts(true, 'North')).toEqual(counts(false, 'North'));
    expect(counts(true).cells.some((cell) => cell.count > 0)).toBe(true);
  });

  it('is what the route answers', async () => {
    const res = await t.app.inject({
      url: `/api/projects/${projectId}/report/counts`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(counts(false))));
  });

  it('is not taken once a comment has a second coding or a decision', () => {
    const carol = seed.coder(t.db, { name: 'carol' });
    const codingId = seed.coding(t.db, firstComment, {
      coderId: carol,
      themeIds: [themeIds[0] ?? 0],
    });
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(false);

    t.db.$client.prepare('DELETE FROM codings WHERE id = ?').run(codingId);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(true);

    // A double coding in another project leaves this one single.
    const other = seed.project(t.db, { name: 'Other' });
    const question = seed.question(t.db, other, { key: 'q' });
    const respondent = seed.respondent(t.db, other, {
      externalId: 'X1',
      groupId: null,
    });
    const elsewhere = seed.comment(t.db, {
      projectId: other,
      respondentId: respondent,
      questionId: question,
      text: 'hi',
    });
    seed.coding(t.db, elsewhere, { coderId: carol, themeIds: [] });
    seed.coding(t.db, elsewhere, {
      coderId: seed.coder(t.db, { name: 'dan' }),
    });
    expect(hasOnlySingleCodings(t.db, other)).toBe(false);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(true);

    seed.finalCoding(t.db, firstComment, { decidedBy: carol, themeIds: [] });
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(false);
  });
});
