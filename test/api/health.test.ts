import { describe, expect, it } from 'vitest';
import { buildTestApp, useTestApp } from '../helpers/app';

describe('app', () => {
  const t = useTestApp();

  it('answers an unknown route with a 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'route_not_found',
      message: 'There is no GET /api/nope.',
    });
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('openapi');
  });

  it('masks an unexpected failure as a 500 without internals', async () => {
    const broken = await buildTestApp();
    broken.db.$client.close(); // every query now throws inside a route
    const res = await broken.app.inject({
      method: 'GET',
      url: '/api/projects',
    });
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      code: 'internal_error',
      message:
        'Something went wrong on the server. Nothing was changed; please try again, and report it if it happens again.',
      details: {},
    });
    expect(res.body).not.toMatch(/database|sqlite|stack/i);
  });
});
