import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { themes } from '../../server/db/schema';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

interface Reply {
  suggestions: Array<{
    themeId: number;
    score: number;
    matches: Array<{
      start: number;
      end: number;
      text: string;
      keyword: string;
    }>;
  }>;
}

describe('GET /api/comments/:commentId/suggestions', () => {
  const t = useTestApp();
  let comment = 0;
  let placeholder = 0;
  let paperwork = 0;
  let time = 0;

  beforeAll(() => {
    const projectId = seed.project(t.db);
    const questionId = seed.question(t.db, projectId, { key: 'not_worked' });
    const respondentId = seed.respondent(t.db, projectId);
    const answer = (text: string) =>
      seed.comment(t.db, { projectId, respondentId, questionId, text });
    comment = answer('Too many forms, and the forms came late: a long delay.');
    placeholder = answer('nothing');
    const theme = (name: string, keywords: string[]) =>
      seed.theme(t.db, projectId, { name, keywords });
    paperwork = theme('Paperwork', ['form']);
    time = theme('Time', ['delay', 'late', 'nothing']);
    theme('Education', ['school']);
  });

  const suggestions = async (id: number) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/comments/${id}/suggestions`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<Reply>().suggestions;
  };

  it('lists every theme with a score, best first, with matched words', async () => {
    const got = await suggestions(comment);
    expect(got.map((s) => s.themeId)).toEqual([time, paperwork]);
    expect(got[0]?.score).toBeGreaterThan(got[1]?.score ?? Infinity);
    expect(got[1]?.matches).toEqual([
      { start: 9, end: 14, text: 'forms', keyword: 'form' },
      { start: 24, end: 29, text: 'forms', keyword: 'form' },
    ]);
    expect(got[0]?.matches.map((m) => m.text)).toEqual(['late', 'delay']);
  });

  it('suggests nothing for a placeholder, even with a matching keyword', async () => {
    expect(await suggestions(placeholder)).toEqual([]);
  });

  it('follows codebook changes: new keywords and archived themes', async () => {
    t.db
      .update(themes)
      .set({ keywords: ['many'] })
      .where(eq(themes.id, paperwork))
      .run();
    // "many" is a stop word: it never counts, so Paperwork drops out.
    expect((await suggestions(comment)).map((s) => s.themeId)).toEqual([time]);

    t.db
      .update(themes)
      .set({ keywords: ['forms'] })
      .where(eq(themes.id, paperwork))
      .run();
    t.db
      .update(themes)
      .set({ archived: true })
      .where(eq(themes.id, time))
      .run();
    expect((await suggestions(comment)).map((s) => s.themeId)).toEqual([
      paperwork,
    ]);
  });

  it('answers 404 for an unknown comment', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/comments/5555/suggestions',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      message: 'There is no comment with id 5555.',
    });
  });

  it('answers 400 for a comment id that is not a number', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/comments/abc/suggestions',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message: 'The address is not valid: commentId must be a whole number.',
    });
  });
});
