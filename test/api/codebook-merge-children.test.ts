import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

interface Theme {
  id: number;
  name: string;
  parentId: number | null;
  archived: boolean;
}

/** A merged theme is archived: its children must not stay under it. */
describe('merging a theme that has children', () => {
  const t = useTestApp();
  let projectId = 0;
  beforeAll(() => {
    projectId = seed.project(t.db);
  });

  const create = async (name: string, parentId: number | null = null) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/themes`,
      payload: { name, parentId },
    });
    expect(res.statusCode).toBe(201);
    return res.json<Theme>().id;
  };
  const merge = async (id: number, intoThemeId: number) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/themes/${id}/merge`,
      payload: { intoThemeId },
    });
    expect(res.statusCode).toBe(200);
  };
  const parents = async () => {
    const res = await t.app.inject({
      url: `/api/projects/${projectId}/themes?includeArchived=true`,
    });
    return new Map(res.json<Theme[]>().map((th) => [th.name, th.parentId]));
  };

  it('moves the children under the theme it was merged into', async () => {
    const staff = await create('Staff');
    await create('Staff manner', staff);
    await create('Staff numbers', staff);
    const people = await create('People');

    await merge(staff, people);

    const after = await parents();
    expect(after.get('Staff manner')).toBe(people);
    expect(after.get('Staff numbers')).toBe(people);
  });

  it('lifts a child merged into its own parent’s place, without a cycle', async () => {
    const top = await create('Access');
    const middle = await create('Contact', top);
    const child = await create('Phone', middle);
    await create('Email', middle);

    await merge(middle, child);

    const after = await parents();
    expect(after.get('Phone')).toBe(top);
    expect(after.get('Email')).toBe(child);
  });
});
