import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { comments } from '../../server/db/schema';
import { DEFAULT_PLACEHOLDERS } from '../../shared/text';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

describe('projects', () => {
  const t = useTestApp();

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('GET /api/me answers the local coder', async () => {
    const res = await get('/api/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      coder: { id: t.app.localCoderId, name: 'local' },
    });
  });

  it('creates a project and lists it with zero counts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: '  Wave 1  ' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: number; name: string }>();
    expect(created).toMatchObject({
      name: 'Wave 1',
      respondents: 0,
      comments: 0,
      codedComments: 0,
    });

    const list = await get('/api/projects');
    expect(list.json()).toContainEqual(
      expect.objectContaining({ id: created.id, name: 'Wave 1' }),
    );
  });

  it('refuses a second project of the same name, ignoring case and spaces', async () => {
    seed.project(t.db, { name: 'Wave 7' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: ' wave  7 ' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'project_name_taken',
      message:
        'A project called "wave  7" already exists. Choose another name.',
    });

    const other = seed.project(t.db, { name: 'Wave 8' });
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${other}`,
      payload: { name: 'WAVE 7' },
    });
    expect(rename.statusCode).toBe(409);
    const same = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${other}`,
      payload: { name: 'wave 8' },
    });
    expect(same.statusCode).toBe(200);
  });

  it('creates a project with the parents starter codebook', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'With starter', starterCodebook: 'parents' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    const themes = await get(`/api/projects/${id}/themes`);
    const names = themes.json<Array<{ name: string }>>().map((th) => th.name);
    expect(names).toHaveLength(10);
    expect(names).toContain('Communication');
  });

  it('refuses an empty project name with a 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message: 'The project name must not be empty.',
      details: { field: 'name' },
    });
  });

  it('refuses a missing name and an unknown starter codebook', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toContain('name');

    const starter = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'x', starterCodebook: 'teachers' },
    });
    expect(starter.statusCode).toBe(400);
    expect(starter.json<{ message: string }>().message).toContain(
      'starterCodebook',
    );
  });

  describe('with respondents, comments and codings', () => {
    let projectId: number;
    let parents: number;
    beforeAll(() => {
      projectId = seed.project(t.db, { name: 'Seeded' });
      parents = seed.group(t.db, projectId, { name: 'Parents/carers' });
      seed.group(t.db, projectId, { name: 'Practitioners' });
      const worked = seed.question(t.db, projectId, { key: 'worked' });
      seed.question(t.db, projectId, { key: 'satisfaction', kind: 'closed' });
      const comment = (externalId: string, text: string, la: string) =>
        seed.comment(t.db, {
          projectId,
          questionId: worked,
          respondent: {
            externalId,
            groupId: parents,
            attributes: { 'Local authority': la, 'Age band': '5-11' },
          },
          text,
        });
      const c1 = comment('P1', 'The plan was quick', 'North');
      const c2 = comment('P2', 'Good advice', 'South');
      comment('P3', 'N/A', 'North');
      seed.coding(t.db, c1, {
        coderId: seed.coder(t.db, { name: 'coder_a' }),
        themeIds: [],
      });
      seed.finalCoding(t.db, c2, {
        decidedBy: seed.coder(t.db, { name: 'lead' }),
        themeIds: [],
      });
    });

    it('counts respondents, comments and coded comments', async () => {
      const list = await get('/api/projects');
      expect(list.json()).toContainEqual(
        expect.objectContaining({
          id: projectId,
          respondents: 3,
          comments: 3,
          codedComments: 2,
        }),
      );
    });

    it('describes groups, questions, attributes, coders, settings', async () => {
      const res = await get(`/api/projects/${projectId}`);
      expect(res.statusCode).toBe(200);
      const detail = res.json<Record<string, unknown>>();
      expect(detail).toMatchObject({
        id: projectId,
        name: 'Seeded',
        settings: { placeholders: [...DEFAULT_PLACEHOLDERS] },
        groups: [
          { id: parents, name: 'Parents/carers', respondents: 3 },
          { name: 'Practitioners', respondents: 0 },
        ],
        questions: [
          { key: 'worked', kind: 'open', comments: 3 },
          { key: 'satisfaction', kind: 'closed', comments: 0 },
        ],
        attributes: [
          { name: 'Age band', values: ['5-11'] },
          { name: 'Local authority', values: ['North', 'South'] },
        ],
      });
      const coders = detail.coders as Array<{ name: string; codings: number }>;
      expect(coders).toContainEqual(
        expect.objectContaining({
          name: 'coder_a',
          kind: 'person',
          codings: 1,
        }),
      );
      expect(coders).toContainEqual(
        expect.objectContaining({ name: 'local', codings: 0 }),
      );
    });

    it('renames the project and re-flags placeholders', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/projects/${projectId}`,
        payload: { name: 'Renamed', placeholders: ['good advice', ' '] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'Renamed',
        settings: { placeholders: ['good advice'] },
      });

      const flags = t.db
        .select({ text: comments.text, substantive: comments.substantive })
        .from(comments)
        .where(eq(comments.projectId, projectId))
        .all();
      expect(flags).toEqual(
        expect.arrayContaining([
          { text: 'The plan was quick', substantive: true },
          { text: 'Good advice', substantive: false },
          { text: 'N/A', substantive: true },
        ]),
      );
    });

    it('refuses an empty name on PATCH with a 400', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/projects/${projectId}`,
        payload: { name: ' ' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        message: 'The project name must not be empty.',
      });
    });
  });

  it('answers 404 for an unknown project on GET and PATCH', async () => {
    const message = 'There is no project with id 9999.';
    const read = await get('/api/projects/9999');
    expect(read.statusCode).toBe(404);
    expect(read.json()).toMatchObject({ code: 'not_found', message });

    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/projects/9999',
      payload: { name: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toMatchObject({ code: 'not_found', message });
  });

  it('answers 400 for a project id that is not a number', async () => {
    const res = await get('/api/projects/abc');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('projectId');
  });
});
