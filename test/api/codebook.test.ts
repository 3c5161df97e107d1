import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { themeHistory } from '../../server/db/schema';
import { THEME_PALETTE } from '../../shared/palette';
import type { Theme } from '../../shared/api/codebook';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { codingThemeIds } from '../helpers/queries';

describe('codebook: themes', () => {
  const t = useTestApp();
  let projectId: number;
  beforeAll(() => {
    projectId = seed.project(t.db);
  });

  const post = (payload: Record<string, unknown>, project = projectId) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${project}/themes`,
      payload,
    });
  const patch = (themeId: number, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/themes/${themeId}`, payload });
  const list = async (query = '') =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/themes${query}`,
      })
    ).json<Theme[]>();
  const historyOf = (themeId: number) =>
    t.db
      .select()
      .from(themeHistory)
      .where(eq(themeHistory.themeId, themeId))
      .all();

  describe('the starter codebooks', () => {
    it('lists both POET codebooks with their themes', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/starter-codebooks',
      });
      expect(res.statusCode).toBe(200);
      const books =
        res.json<Array<{ id: string; themes: Array<{ name: string }> }>>();
      expect(books.map((b) => [b.id, b.themes.length])).toEqual([
        ['parents', 10],
        ['practitioners', 13],
      ]);
    });

    it('adds a starter to a project, skipping names it has', async () => {
      const project = seed.project(t.db, { name: 'Starter target' });
      seed.theme(t.db, project, { name: ' paperwork ' });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/projects/${project}/codebook/starter`,
        payload: { starter: 'practitioners' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ added: 12, skipped: ['Paperwork'] });

      const again = await t.app.inject({
        method: 'POST',
        url: `/api/projects/${project}/codebook/starter`,
        payload: { starter: 'practitioners' },
      });
      expect(again.json<{ added: number }>().added).toBe(0);
    });

    it('answers 400 for an unknown starter and 404 for a project', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/codebook/starter`,
        payload: { starter: 'teachers' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: string }>().message).toContain('starter');

      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/projects/9999/codebook/starter',
        payload: { starter: 'parents' },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({
        message: 'There is no project with id 9999.',
      });
    });
  });

  describe('creating', () => {
    it('creates a theme with palette colour and starting keywords', async () => {
      const res = await post({
        name: '  Communication ',
        definition: 'Information and advice about the process',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        name: 'Communication',
        keywords: ['communication', 'advice'],
        colour: THEME_PALETTE[0],
        parentId: null,
        groupIds: null,
        archived: false,
        position: 0,
        usage: { codings: 0, comments: 0, finalCodings: 0 },
      });
    });

    it('keeps given keywords, colour (lower case) and groups', async () => {
      const group = seed.group(t.db, projectId, { name: 'Parents/carers' });
      const res = await post({
        name: 'Time',
        keywords: [' delay ', 'Delay', 'took months', ''],
        colour: '#AABBCC',
        groupIds: [group, group],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        keywords: ['delay', 'took months'],
        colour: '#aabbcc',
        groupIds: [group],
      });
    });

    it('refuses a name taken case- and space-insensitively (409)', async () => {
      const res = await post({ name: ' communication ' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        code: 'theme_name_taken',
        message:
          'A theme called "Communication" already exists in this project.',
        details: { name: 'Communication' },
      });
    });

    it('refuses an empty name with a 400 naming the field', async () => {
      const res = await post({ name: '   ' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'The theme name must not be empty.',
        details: { field: 'name' },
      });
    });

    it('refuses a colour that is not #rrggbb (400)', async () => {
      const res = await post({ name: 'Red', colour: 'red' });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(/colour/);
    });

    it('refuses a parent from another project (400)', async () => {
      const other = seed.project(t.db, { name: 'Other' });
      const foreign = seed.theme(t.db, other, { name: 'Foreign' });
      const res = await post({ name: 'Child', parentId: foreign });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        message: `parentId ${foreign} is not a theme of this project.`,
        details: { field: 'parentId' },
      });
    });

    it('refuses group ids of no group of the project (400)', async () => {
      const res = await post({ name: 'Grouped', groupIds: [424242] });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        message: 'groupIds 424242 is not a respondent group of this project.',
        details: { field: 'groupIds' },
      });
    });

    it('answers 404 for an unknown project', async () => {
      const res = await post({ name: 'Nowhere' }, 9999);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'There is no project with id 9999.',
      });
      const read = await t.app.inject({
        method: 'GET',
        url: '/api/projects/9999/themes',
      });
      expect(read.statusCode).toBe(404);
      expect(read.json<{ message: string }>().message).toBe(
        'There is no project with id 9999.',
      );
    });
  });

  describe('editing', () => {
    let themeId: number;
    let codingId: number;
    beforeAll(() => {
      themeId = seed.theme(t.db, projectId, { name: 'Forms' });
      const question = seed.question(t.db, projectId, { key: 'not_worked' });
      const comment = seed.comment(t.db, {
        projectId,
        questionId: question,
        text: 'Far too many forms',
      });
      codingId = seed.coding(t.db, comment, {
        coderId: seed.coder(t.db, { name: 'coder_a' }),
        themeIds: [themeId],
      });
    });

    it('renames a theme: codings keep it, history records it', async () => {
      const res = await patch(themeId, { name: 'Paperwork' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: themeId,
        name: 'Paperwork',
        usage: { codings: 1, comments: 1, finalCodings: 0 },
      });
      expect(codingThemeIds(t.db, codingId)).toEqual([themeId]);
      expect(historyOf(themeId)).toContainEqual(
        expect.objectContaining({
          action: 'rename',
          actorId: t.app.localCoderId,
          detail: { from: 'Forms', to: 'Paperwork' },
        }),
      );
    });

    it('allows changing only the case of its own name', async () => {
      const res = await patch(themeId, { name: 'PAPERWORK' });
      expect(res.statusCode).toBe(200);
      expect(res.json<Theme>().name).toBe('PAPERWORK');
      await patch(themeId, { name: 'Paperwork' });
    });

    it('refuses a rename onto another theme’s name (409)', async () => {
      const res = await patch(themeId, { name: 'TIME ' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'theme_name_taken',
        message: 'A theme called "Time" already exists in this project.',
      });
    });

    it('edits definition, keywords, colour, groups and position', async () => {
      const res = await patch(themeId, {
        definition: 'Forms and reports',
        keywords: ['forms', 'one-page profile'],
        colour: '#123456',
        groupIds: null,
        position: 7,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        definition: 'Forms and reports',
        keywords: ['forms', 'one-page profile'],
        colour: '#123456',
        groupIds: null,
        position: 7,
      });
    });

    it('archives and restores, hiding archived themes by default', async () => {
      const archived = await patch(themeId, { archived: true });
      expect(archived.json<Theme>().archived).toBe(true);
      expect((await list()).map((th) => th.id)).not.toContain(themeId);
      expect(
        (await list('?includeArchived=true')).map((th) => th.id),
      ).toContain(themeId);
      expect(codingThemeIds(t.db, codingId)).toEqual([themeId]);

      await patch(themeId, { archived: false });
      const actions = historyOf(themeId).map((h) => h.action);
      expect(actions).toEqual(expect.arrayContaining(['archive', 'unarchive']));
    });

    it('sets a parent and refuses a cycle (400)', async () => {
      const child = seed.theme(t.db, projectId, { name: 'Sub' });
      const set = await patch(child, { parentId: themeId });
      expect(set.json<Theme>().parentId).toBe(themeId);

      const cycle = await patch(themeId, { parentId: child });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json()).toMatchObject({
        message:
          'A theme cannot be its own parent or an ancestor of its parent.',
        details: { field: 'parentId' },
      });
      const self = await patch(themeId, { parentId: themeId });
      expect(self.statusCode).toBe(400);
    });

    it('refuses an empty name on PATCH with a 400', async () => {
      const res = await patch(themeId, { name: '' });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain('name');
    });

    it('answers 404 for an unknown theme', async () => {
      const res = await patch(9999, { name: 'x' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        message: 'There is no theme with id 9999.',
      });
    });
  });
});
