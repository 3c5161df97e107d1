import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

/**
 * Schema failures anywhere in the API come back as one plain sentence
 * naming the part of the request and the field, with every field listed in
 * details.
 */
describe('validation errors', () => {
  const t = useTestApp();

  it.each([
    {
      what: 'a missing body field',
      method: 'POST' as const,
      url: '/api/projects',
      payload: {},
      message: 'The request body is not valid: name is required.',
    },
    {
      what: 'a number where text is expected (no silent coercion)',
      method: 'POST' as const,
      url: '/api/projects',
      payload: { name: 123 },
      message: 'The request body is not valid: name must be text.',
    },
    {
      what: 'a value outside a fixed list',
      method: 'POST' as const,
      url: '/api/projects',
      payload: { name: 'Wave 2', starterCodebook: 'teachers' },
      message:
        'The request body is not valid: starterCodebook must be one of "parents", "practitioners", null.',
    },
    {
      what: 'a word where an id belongs in the address',
      method: 'GET' as const,
      url: '/api/projects/abc',
      payload: undefined,
      message: 'The address is not valid: projectId must be a whole number.',
    },
  ])('names $what', async ({ method, url, payload, message }) => {
    const res = await t.app.inject({ method, url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', message });
  });

  it('still reads numbers from the query string', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'Numbers' },
    });
    const { id } = created.json<{ id: number }>();
    const res = await t.app.inject({
      url: `/api/projects/${id}/themes?includeArchived=true`,
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers malformed JSON with a sentence, not a parser message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'bad_request',
      message: 'The request body is not valid JSON.',
      details: {},
    });
  });

  const file = (boundary: string, name: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n${content}`;

  it.each([
    {
      what: 'a multipart body without a boundary',
      url: '/imports/preview',
      type: 'multipart/form-data',
      body: 'xx',
    },
    {
      what: 'a file part that is never closed',
      url: '/imports/preview',
      type: 'multipart/form-data; boundary=abc',
      body: file('abc', 'a.csv', 'a,b\n1,2\r\n'),
    },
    {
      what: 'a codebook upload cut short',
      url: '/codebook.csv',
      type: 'multipart/form-data; boundary=zz',
      body: file('zz', 'codebook.csv', 'name\nX'),
    },
  ])('answers $what with a 400, not a 500', async ({ url, type, body }) => {
    const projectId = seed.project(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}${url}`,
      headers: { 'content-type': type },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'bad_upload',
      message:
        'The upload could not be read: the form data is incomplete or malformed. Send the file again.',
      details: {},
    });
  });

  it('asks for one file at a time when a form sends two', async () => {
    const projectId = seed.project(t.db);
    const body =
      file('b', 'a.csv', 'a\n1\r\n') +
      file('b', 'b.csv', 'a\n1\r\n') +
      '--b--\r\n';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports/preview`,
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'too_many_parts' });
  });
});
