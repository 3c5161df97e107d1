import { eq } from 'drizzle-orm';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import {
  codingHistory,
  codings,
  finalCodings,
  themeHistory,
  themes,
} from '../../server/db/schema';
import { buildTestApp, type TestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { codingThemeIds, finalThemeIds, themeExists } from '../helpers/queries';

/**
 * A project with themes A and B, and codings: one with A only, one with A
 * and B, one with B only; a final coding with A and B.
 */
function seedMergeProject(t: TestApp) {
  const projectId = seed.project(t.db);
  const a = seed.theme(t.db, projectId, {
    name: 'Delays',
    keywords: ['late', 'slow'],
  });
  const b = seed.theme(t.db, projectId, {
    name: 'Time',
    keywords: ['slow', 'months'],
  });
  const question = seed.question(t.db, projectId, { key: 'not_worked' });
  const comment = () => seed.comment(t.db, { projectId, questionId: question });
  const [c1, c2, c3] = [comment(), comment(), comment()];
  const coderA = seed.coder(t.db, { name: 'coder_a' });
  const coderB = seed.coder(t.db, { name: 'coder_b' });
  const lead = seed.coder(t.db, { name: 'lead' });
  seed.finalCoding(t.db, c2, { decidedBy: lead, themeIds: [a, b] });
  return {
    projectId,
    a,
    b,
    comments: [c1, c2, c3] as const,
    onlyA: seed.coding(t.db, c1, { coderId: coderA, themeIds: [a] }),
    both: seed.coding(t.db, c2, { coderId: coderA, themeIds: [a, b] }),
    onlyB: seed.coding(t.db, c3, { coderId: coderB, themeIds: [b] }),
    finalComment: c2,
  };
}

const versionOf = (t: TestApp, codingId: number) =>
  t.db.select().from(codings).where(eq(codings.id, codingId)).get()?.version;

describe('codebook: merge and delete', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  const merge = (themeId: number, intoThemeId: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/themes/${themeId}/merge`,
      payload: { intoThemeId },
    });
  const remove = (themeId: number, query = '') =>
    t.app.inject({ method: 'DELETE', url: `/api/themes/${themeId}${query}` });

  describe('merge', () => {
    it('moves every coding and final coding from A to B', async () => {
      const s = seedMergeProject(t);
      const res = await merge(s.a, s.b);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        codings: 2,
        finalCodings: 1,
        theme: {
          id: s.b,
          keywords: ['slow', 'months', 'late'],
          usage: { codings: 3, comments: 3, finalCodings: 1 },
        },
      });

      expect(codingThemeIds(t.db, s.onlyA)).toEqual([s.b]);
      expect(codingThemeIds(t.db, s.both)).toEqual([s.b]);
      expect(codingThemeIds(t.db, s.onlyB)).toEqual([s.b]);
      expect(finalThemeIds(t.db, s.finalComment)).toEqual([s.b]);
      const a = t.db.select().from(themes).where(eq(themes.id, s.a)).get();
      expect(a?.archived).toBe(true);
    });

    it('bumps versions and writes merge history for each change', async () => {
      const s = seedMergeProject(t);
      await merge(s.a, s.b);

      expect(versionOf(t, s.onlyA)).toBe(2);
      expect(versionOf(t, s.both)).toBe(2);
      expect(versionOf(t, s.onlyB)).toBe(1);
      const final = t.db
        .select()
        .from(finalCodings)
        .where(eq(finalCodings.commentId, s.finalComment))
        .get();
      expect(final?.version).toBe(2);

      const rows = t.db.select().from(codingHistory).all();
      expect(rows).toHaveLength(3);
      const [c1, c2] = s.comments;
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            commentId: c1,
            reason: 'merge',
            actorId: t.app.localCoderId,
            before: [s.a],
            after: [s.b],
          }),
          expect.objectContaining({
            commentId: c2,
            coderId: expect.any(Number) as number,
            before: [s.a, s.b],
            after: [s.b],
          }),
          expect.objectContaining({
            commentId: c2,
            coderId: null,
            reason: 'merge',
            before: [s.a, s.b],
            after: [s.b],
          }),
        ]),
      );
      const actions = t.db
        .select({ action: themeHistory.action, themeId: themeHistory.themeId })
        .from(themeHistory)
        .all();
      expect(actions).toEqual(
        expect.arrayContaining([
          { action: 'merge', themeId: s.a },
          { action: 'merged_in', themeId: s.b },
        ]),
      );
    });

    it('refuses merging a theme into itself (400)', async () => {
      const s = seedMergeProject(t);
      const res = await merge(s.a, s.a);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'A theme cannot be merged into itself.',
        details: { field: 'intoThemeId' },
      });
    });

    it('refuses merging across projects (400), changing nothing', async () => {
      const s = seedMergeProject(t);
      const other = seed.project(t.db, { name: 'Other' });
      const foreign = seed.theme(t.db, other, { name: 'Foreign' });
      const res = await merge(s.a, foreign);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toBe(
        'Themes can only be merged within one project: intoThemeId belongs to another project.',
      );
      expect(codingThemeIds(t.db, s.onlyA)).toEqual([s.a]);
    });

    it('refuses merging into an archived theme (409)', async () => {
      const s = seedMergeProject(t);
      await t.app.inject({
        method: 'PATCH',
        url: `/api/themes/${s.b}`,
        payload: { archived: true },
      });
      const res = await merge(s.a, s.b);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'theme_archived',
        message: '"Time" is archived: restore it before using it.',
      });
    });

    it('answers 404 for an unknown theme on either side', async () => {
      const s = seedMergeProject(t);
      const source = await merge(9999, s.b);
      expect(source.statusCode).toBe(404);
      expect(source.json<{ message: string }>().message).toBe(
        'There is no theme with id 9999.',
      );
      const target = await merge(s.a, 9998);
      expect(target.statusCode).toBe(404);
      expect(target.json<{ message: string }>().message).toBe(
        'There is no theme with id 9998.',
      );
    });
  });

  describe('delete', () => {
    it('deletes an unused theme (204) and clears its children', async () => {
      const projectId = seed.project(t.db);
      const parent = seed.theme(t.db, projectId, { name: 'Parent' });
      const child = seed.theme(t.db, projectId, {
        name: 'Child',
        parentId: parent,
      });
      const res = await remove(parent);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expect(themeExists(t.db, parent)).toBe(false);
      const row = t.db.select().from(themes).where(eq(themes.id, child)).get();
      expect(row?.parentId).toBeNull();
      const history = t.db.select().from(themeHistory).all();
      expect(history).toContainEqual(
        expect.objectContaining({ themeId: parent, action: 'delete' }),
      );
    });

    it('refuses deleting a used theme (409) and changes nothing', async () => {
      const s = seedMergeProject(t);
      const res = await remove(s.a);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        code: 'theme_in_use',
        message:
          '"Delays" is used in 2 codings on 2 comments, including 1 final coding. Archive it, or remove it from those codings first.',
        details: { name: 'Delays', codings: 2, comments: 2, finalCodings: 1 },
      });
      expect(themeExists(t.db, s.a)).toBe(true);
      expect(codingThemeIds(t.db, s.both)).toEqual([s.a, s.b]);
      expect(t.db.select().from(codingHistory).all()).toHaveLength(0);
    });

    it('with force=true removes it from its codings, with history', async () => {
      const s = seedMergeProject(t);
      const res = await remove(s.a, '?force=true');
      expect(res.statusCode).toBe(204);
      expect(themeExists(t.db, s.a)).toBe(false);
      expect(codingThemeIds(t.db, s.onlyA)).toEqual([]);
      expect(codingThemeIds(t.db, s.both)).toEqual([s.b]);
      expect(finalThemeIds(t.db, s.finalComment)).toEqual([s.b]);
      expect(versionOf(t, s.both)).toBe(2);

      const rows = t.db.select().from(codingHistory).all();
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.reason === 'theme_delete')).toBe(true);
      expect(rows).toContainEqual(
        expect.objectContaining({ before: [s.a], after: [] }),
      );
      expect(t.db.select().from(themeHistory).all()).toContainEqual(
        expect.objectContaining({
          themeId: s.a,
          action: 'delete',
          detail: {
            name: 'Delays',
            codings: 2,
            comments: 2,
            finalCodings: 1,
            forced: true,
          },
        }),
      );
    });

    it('answers 404 for an unknown theme', async () => {
      const res = await remove(9999);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'There is no theme with id 9999.',
      });
    });
  });
});
