import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeCounts } from '../../server/report/counts-repository';
import { hasOnlySingleCodings } from '../../server/report/scope';
import { buildTestApp, type TestApp } from '../helpers/app';
import {
  seedCoder,
  seedCoding,
  seedComment,
  seedDecision,
  seedGroup,
  seedProject,
  seedQuestion,
  seedRespondent,
  seedTheme,
} from './report-factories';

/**
 * When no comment has a lead decision or a second coding, counting takes a
 * shorter path (each comment's one coding is final). It must give exactly
 * what the general rule gives.
 */
describe('counting when every comment has at most one coding', () => {
  let t: TestApp;
  let projectId = 0;
  let firstComment = 0;
  let themeIds: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.db;
    projectId = seedProject(db, 'One coding each');
    const groups = [
      seedGroup(db, projectId, 'A'),
      seedGroup(db, projectId, 'B'),
    ];
    const questions = [
      seedQuestion(db, projectId, 'worked'),
      seedQuestion(db, projectId, 'change'),
    ];
    themeIds = ['T1', 'T2', 'T3', 'T4'].map((n) => seedTheme(db, projectId, n));
    const coders = [seedCoder(db, 'ann'), seedCoder(db, 'bob')];
    for (let i = 0; i < 60; i += 1) {
      const respondent = seedRespondent(
        db,
        projectId,
        `R${i}`,
        groups[i % 2] ?? null,
        {
          area: i % 3 === 0 ? 'North' : 'South',
        },
      );
      questions.forEach((questionId, q) => {
        const text = (i + q) % 11 === 0 ? 'N/A' : `answer ${i}-${q}`;
        const commentId = seedComment(
          db,
          projectId,
          respondent,
          questionId,
          text,
        );
        if (firstComment === 0) firstComment = commentId;
        if ((i + q) % 5 === 4) return; // left uncoded
        const themes = themeIds.filter((_, k) => (i * 7 + q + k) % 3 === 0);
        seedCoding(db, commentId, coders[(i + q) % 2] ?? 0, themes);
      });
    }
  });
  afterAll(async () => t.close());

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
    const carol = seedCoder(t.db, 'carol');
    const codingId = seedCoding(t.db, firstComment, carol, [themeIds[0] ?? 0]);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(false);

    t.db.$client.prepare('DELETE FROM codings WHERE id = ?').run(codingId);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(true);

    // A double coding in another project leaves this one single.
    const other = seedProject(t.db, 'Other');
    const question = seedQuestion(t.db, other, 'q');
    const respondent = seedRespondent(t.db, other, 'X1', null);
    const elsewhere = seedComment(t.db, other, respondent, question, 'hi');
    seedCoding(t.db, elsewhere, carol, []);
    seedCoding(t.db, elsewhere, seedCoder(t.db, 'dan'), []);
    expect(hasOnlySingleCodings(t.db, other)).toBe(false);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(true);

    seedDecision(t.db, firstComment, carol, []);
    expect(hasOnlySingleCodings(t.db, projectId)).toBe(false);
  });
});
