import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { themes } from '../../server/db/schema';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

describe('coding routes', () => {
  const t = useTestApp();
  const id = {
    project: 0,
    otherProject: 0,
    parents: 0,
    practitioners: 0,
    worked: 0,
    notWorked: 0,
    communication: 0,
    time: 0,
    paperwork: 0,
    parentsOnly: 0,
    foreign: 0,
  };
  // Comments by name: r<respondent>_<question>.
  const c = { r1w: 0, r1n: 0, r2w: 0, r2n: 0, r3w: 0, r3n: 0 };

  beforeAll(() => {
    const db = t.db;
    id.project = seed.project(db);
    id.otherProject = seed.project(db, { name: 'Other survey' });
    id.parents = seed.group(db, id.project, { name: 'Parents/carers' });
    id.practitioners = seed.group(db, id.project, { name: 'Practitioners' });
    // Created out of position order: the queue must follow positions.
    const question = (key: string, position: number) =>
      seed.question(db, id.project, {
        key,
        label: `Question ${key}`,
        position,
      });
    id.notWorked = question('not_worked', 1);
    id.worked = question('worked', 0);

    const respondent = (
      externalId: string,
      groupId: number,
      attributes: Record<string, unknown>,
    ) => seed.respondent(db, id.project, { externalId, groupId, attributes });
    const r1 = respondent('P-1', id.parents, { la: 'North', age: 5 });
    const r2 = respondent('P-2', id.practitioners, { la: 'South', age: 9 });
    const r3 = respondent('P-3', id.parents, { la: 'East' });
    const comment = (respondentId: number, questionId: number, text: string) =>
      seed.comment(db, {
        projectId: id.project,
        respondentId,
        questionId,
        text,
      });
    c.r2n = comment(r2, id.notWorked, 'The school never sent an EMAIL');
    c.r1n = comment(
      r1,
      id.notWorked,
      'Nobody would communicate with us\nabout the school',
    );
    c.r1w = comment(r1, id.worked, 'Quick replies by email');
    c.r2w = comment(r2, id.worked, 'N/A');
    c.r3w = comment(r3, id.worked, 'About 100% happy with the delay');
    c.r3n = comment(r3, id.notWorked, 'Long waiting list, 1000 days');

    id.communication = seed.theme(db, id.project, {
      name: 'Communication',
      keywords: ['communication', 'email', 'n/a'],
    });
    id.time = seed.theme(db, id.project, {
      name: 'Time',
      keywords: ['delay', 'waiting list'],
    });
    id.paperwork = seed.theme(db, id.project, {
      name: 'Paperwork',
      keywords: ['forms'],
      archived: true,
    });
    id.parentsOnly = seed.theme(db, id.project, {
      name: 'School (parents)',
      keywords: ['school'],
      groupIds: [id.parents],
    });
    id.foreign = seed.theme(db, id.otherProject, {
      name: 'Elsewhere',
      keywords: [],
    });
    // Codes that came with a file, by an import coder.
    seed.coding(db, c.r1n, {
      coderId: seed.coder(db, { name: 'original', kind: 'import' }),
      themeIds: [id.communication],
    });
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const put = (commentId: number, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/comments/${commentId}/coding`,
      payload,
    });
  const queue = async (query = '') => {
    const res = await get(`/api/projects/${id.project}/queue${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<{
      total: number;
      coded: number;
      codedByMe: number;
      commentIds: number[];
    }>();
  };

  describe('GET /api/projects/:projectId/queue', () => {
    it('lists substantive comments by respondent, then question position', async () => {
      expect(await queue()).toEqual({
        total: 5,
        coded: 1,
        codedByMe: 0,
        unreconciled: 0,
        commentIds: [c.r1w, c.r1n, c.r2n, c.r3w, c.r3n],
      });
    });

    it('includes placeholder answers only when asked', async () => {
      const q = await queue('?includePlaceholders=true');
      expect(q.commentIds).toEqual([c.r1w, c.r1n, c.r2w, c.r2n, c.r3w, c.r3n]);
    });

    it('filters by question and by group', async () => {
      expect((await queue(`?questionId=${id.worked}`)).commentIds).toEqual([
        c.r1w,
        c.r3w,
      ]);
      expect((await queue(`?groupId=${id.practitioners}`)).commentIds).toEqual([
        c.r2n,
      ]);
    });

    it('searches case-insensitively, taking % and _ literally', async () => {
      expect((await queue('?search=email')).commentIds).toEqual([c.r1w, c.r2n]);
      expect((await queue('?search=100%25')).commentIds).toEqual([c.r3w]);
      expect((await queue('?search=_')).commentIds).toEqual([]);
      expect((await queue('?search=%20%20')).total).toBe(5);
    });

    it('filters by attributes: one name narrows, repeated values widen', async () => {
      expect((await queue('?attr=la:North')).commentIds).toEqual([
        c.r1w,
        c.r1n,
      ]);
      expect((await queue('?attr=la:North&attr=la:South')).commentIds).toEqual([
        c.r1w,
        c.r1n,
        c.r2n,
      ]);
      expect((await queue('?attr=la:North&attr=age:9')).commentIds).toEqual([]);
      expect((await queue('?attr=age:9')).commentIds).toEqual([c.r2n]);
    });

    it('answers 404 for an unknown project', async () => {
      const res = await get('/api/projects/999/queue');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'There is no project with id 999.',
      });
    });

    it('answers 400 for an attribute filter without a colon', async () => {
      const res = await get(`/api/projects/${id.project}/queue?attr=la`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message:
          'The attribute filter "la" is not valid: write it as name:value.',
      });
    });

    it('answers 400 for an unknown status', async () => {
      const res = await get(`/api/projects/${id.project}/queue?status=done`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message:
          'The query string is not valid: status must be one of "uncoded", "coded", "mine", "not-mine", "unreconciled", "all".',
      });
    });
  });

  describe('GET /api/comments/:commentId', () => {
    it('shows the comment in context with other coders and suggestions', async () => {
      const res = await get(`/api/comments/${c.r1n}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: c.r1n,
        text: 'Nobody would communicate with us\nabout the school',
        substantive: true,
        question: {
          id: id.notWorked,
          key: 'not_worked',
          label: 'Question not_worked',
        },
        group: { id: id.parents, name: 'Parents/carers' },
        respondent: {
          id: expect.any(Number) as unknown,
          externalId: 'P-1',
          attributes: { la: 'North', age: 5 },
        },
        coding: null,
        otherCodings: [{ coder: 'original', themeIds: [id.communication] }],
        suggestions: [
          expect.objectContaining({
            themeId: id.communication,
            matches: [
              {
                start: 13,
                end: 24,
                text: 'communicate',
                keyword: 'communication',
              },
            ],
          }),
          expect.objectContaining({
            themeId: id.parentsOnly,
            matches: [
              { start: 43, end: 49, text: 'school', keyword: 'school' },
            ],
          }),
        ],
      });
    });

    it('leaves out themes limited to another respondent group', async () => {
      const res = await get(`/api/comments/${c.r2n}`);
      const themeIds = res
        .json<{ suggestions: Array<{ themeId: number }> }>()
        .suggestions.map((s) => s.themeId);
      expect(themeIds).toEqual([id.communication]);
    });

    it('suggests nothing for a placeholder answer', async () => {
      const res = await get(`/api/comments/${c.r2w}`);
      expect(res.json()).toMatchObject({ substantive: false, suggestions: [] });
    });

    it('answers 404 for an unknown comment', async () => {
      const res = await get('/api/comments/98765');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'There is no comment with id 98765.',
      });
    });
  });

  describe('PUT /api/comments/:commentId/coding', () => {
    it('creates the coding at version 1, then replaces it at version 2', async () => {
      const first = await put(c.r1w, {
        themeIds: [id.time, id.communication, id.time],
        version: 0,
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        coding: {
          themeIds: [id.communication, id.time],
          version: 1,
          coderId: t.app.localCoderId,
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        },
      });

      const second = await put(c.r1w, { themeIds: [], version: 1 });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({
        coding: { themeIds: [], version: 2 },
      });

      const detail = await get(`/api/comments/${c.r1w}`);
      expect(detail.json()).toMatchObject({
        coding: { themeIds: [], version: 2 },
      });
    });

    it('counts codings by anyone and by me, and filters by status', async () => {
      // r1n was coded by `original`, r1w now by me.
      expect(await queue('?status=coded')).toEqual({
        total: 5,
        coded: 2,
        codedByMe: 1,
        unreconciled: 0,
        commentIds: [c.r1w, c.r1n],
      });
      const ids = async (status: string) =>
        (await queue(`?status=${status}`)).commentIds;
      expect(await ids('uncoded')).toEqual([c.r2n, c.r3w, c.r3n]);
      expect(await ids('mine')).toEqual([c.r1w]);
      expect(await ids('not-mine')).toEqual([c.r1n, c.r2n, c.r3w, c.r3n]);
      expect(await ids('all')).toHaveLength(5);
    });

    it('counts only within the filtered comments of this project', async () => {
      expect(await queue(`?questionId=${id.notWorked}&status=uncoded`)).toEqual(
        {
          total: 3,
          coded: 1,
          codedByMe: 0,
          unreconciled: 0,
          commentIds: [c.r2n, c.r3n],
        },
      );
      const other = await get(`/api/projects/${id.otherProject}/queue`);
      expect(other.json()).toEqual({
        total: 0,
        coded: 0,
        codedByMe: 0,
        unreconciled: 0,
        commentIds: [],
      });
    });

    it('answers 409 stale_coding with the current coding when the version is old', async () => {
      const res = await put(c.r1w, { themeIds: [id.time], version: 1 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'stale_coding',
        message:
          'Someone changed this coding since you opened it. Their version is shown; apply your change again if it still holds.',
        details: { current: { themeIds: [], version: 2 } },
      });
    });

    it('answers 409 stale_coding with no current coding when none exists', async () => {
      const res = await put(c.r3n, { themeIds: [id.time], version: 3 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'stale_coding',
        details: { current: null },
      });
    });

    it('answers 400 naming a theme of another project', async () => {
      const res = await put(c.r3n, { themeIds: [id.foreign], version: 0 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: `Theme ${id.foreign} is not in this project's codebook.`,
        details: { themeId: id.foreign },
      });
    });

    it('answers 400 naming a theme that does not exist', async () => {
      const res = await put(c.r3n, { themeIds: [id.time, 424242], version: 0 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        message: "Theme 424242 is not in this project's codebook.",
      });
    });

    it('answers 409 theme_archived for a newly added archived theme', async () => {
      const res = await put(c.r3n, { themeIds: [id.paperwork], version: 0 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'theme_archived',
        message: '"Paperwork" is archived: restore it before using it.',
      });
    });

    it('keeps an archived theme that was already on the coding', async () => {
      t.db
        .update(themes)
        .set({ archived: false })
        .where(eq(themes.id, id.paperwork))
        .run();
      const saved = await put(c.r3w, { themeIds: [id.paperwork], version: 0 });
      expect(saved.statusCode).toBe(200);
      t.db
        .update(themes)
        .set({ archived: true })
        .where(eq(themes.id, id.paperwork))
        .run();

      const again = await put(c.r3w, {
        themeIds: [id.paperwork, id.time],
        version: 1,
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ coding: { version: 2 } });
    });

    it('writes nothing when it refuses a save', async () => {
      const res = await get(`/api/comments/${c.r3n}`);
      expect(res.json()).toMatchObject({ coding: null });
      const history = await get(`/api/comments/${c.r3n}/history`);
      expect(history.json()).toEqual([]);
    });

    it('answers 400 for a body without themeIds', async () => {
      const res = await put(c.r3n, { version: 0 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'The request body is not valid: themeIds is required.',
      });
    });

    it('answers 404 for an unknown comment', async () => {
      const res = await put(98765, { themeIds: [], version: 0 });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        message: 'There is no comment with id 98765.',
      });
    });
  });

  describe('GET /api/comments/:commentId/history', () => {
    it('lists every save, oldest first, with theme names', async () => {
      const res = await get(`/api/comments/${c.r1w}/history`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        {
          at: expect.any(String) as unknown,
          coder: 'local',
          actor: 'local',
          reason: 'save',
          before: null,
          after: ['Communication', 'Time'],
        },
        {
          at: expect.any(String) as unknown,
          coder: 'local',
          actor: 'local',
          reason: 'save',
          before: ['Communication', 'Time'],
          after: [],
        },
      ]);
    });

    it('answers 404 for an unknown comment', async () => {
      const res = await get('/api/comments/98765/history');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        message: 'There is no comment with id 98765.',
      });
    });
  });
  describe('DELETE /api/comments/:commentId/coding', () => {
    const del = (commentId: number, version: number | string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/comments/${commentId}/coding?version=${version}`,
      });

    it('returns the comment to uncoded, with a history row', async () => {
      const saved = await put(c.r3n, { themeIds: [], version: 0 });
      expect(saved.statusCode).toBe(200);
      expect((await queue('?status=uncoded')).commentIds).not.toContain(c.r3n);

      const res = await del(c.r3n, 1);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expect((await queue('?status=uncoded')).commentIds).toContain(c.r3n);
      const detail = await get(`/api/comments/${c.r3n}`);
      expect(detail.json()).toMatchObject({ coding: null });

      const history = await get(`/api/comments/${c.r3n}/history`);
      expect(
        history
          .json<Array<{ reason: string; before: unknown; after: unknown }>>()
          .map(({ reason, before, after }) => ({ reason, before, after })),
      ).toEqual([
        { reason: 'save', before: null, after: [] },
        { reason: 'delete', before: [], after: null },
      ]);

      const again = await put(c.r3n, { themeIds: [id.time], version: 0 });
      expect(again.json()).toMatchObject({ coding: { version: 1 } });
    });

    it("leaves the other coders' codings alone", async () => {
      const res = await del(c.r1n, 1);
      expect(res.statusCode).toBe(404);
      const detail = await get(`/api/comments/${c.r1n}`);
      expect(detail.json()).toMatchObject({
        otherCodings: [{ coder: 'original', themeIds: [id.communication] }],
      });
    });

    it('answers 404 when I have not coded the comment', async () => {
      const res = await del(c.r2n, 1);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: `You have not coded comment ${c.r2n}, so there is no coding to delete.`,
      });
    });

    it('answers 409 stale_coding and keeps the coding when the version differs', async () => {
      const res = await del(c.r3n, 7);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'stale_coding',
        details: { current: { themeIds: [id.time], version: 1 } },
      });
      expect((await get(`/api/comments/${c.r3n}`)).json()).toMatchObject({
        coding: { version: 1 },
      });
    });

    it('answers 400 without a version', async () => {
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/comments/${c.r3n}/coding`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'The query string is not valid: version is required.',
      });
    });

    it('answers 404 for an unknown comment', async () => {
      const res = await del(98765, 1);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        message: 'There is no comment with id 98765.',
      });
    });
  });

  describe('ids in the address', () => {
    it.each([
      ['GET', '/api/comments/99999999999999999999', 'commentId'],
      ['PUT', '/api/comments/99999999999999999999/coding', 'commentId'],
      [
        'DELETE',
        '/api/comments/99999999999999999999/coding?version=1',
        'commentId',
      ],
      ['GET', '/api/comments/99999999999999999999/history', 'commentId'],
      ['GET', '/api/comments/99999999999999999999/suggestions', 'commentId'],
      ['GET', '/api/projects/99999999999999999999/queue', 'projectId'],
    ] as const)('%s %s answers 400 naming %s', async (method, url, field) => {
      const res = await t.app.inject({
        method,
        url,
        ...(method === 'PUT' ? { payload: { themeIds: [], version: 0 } } : {}),
      });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ code: string; message: string }>();
      expect(body.code).toBe('validation_failed');
      // The wording of the limit is the validator's; the field and the
      // limit must be named, never "no comment with id 1e20".
      expect(body.message).toMatch(
        new RegExp(
          `^The address is not valid: ${field} must be .*${Number.MAX_SAFE_INTEGER}\\.$`,
        ),
      );
    });
  });
});
