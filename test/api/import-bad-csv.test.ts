import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app';

/** A multipart body with one CSV file, built by hand. */
function csvUpload(name: string, content: string) {
  const boundary = 'verbatim-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Malformed quoting must be a 400 naming the row, never a dead server. */
describe('CSV files with broken or unusual quoting', () => {
  let t: TestApp;
  let projectId = 0;
  beforeAll(async () => {
    t = await buildTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'Quotes' },
    });
    projectId = res.json<{ id: number }>().id;
  });
  afterAll(async () => t.close());

  const preview = (name: string, content: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports/preview`,
      ...csvUpload(name, content),
    });

  it('reads quotes escaped with a backslash, as some tools write them', async () => {
    const res = await preview('escaped.csv', 'id,text\n1,"a \\"b\\" c"\n');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ rows: string[][] }>().rows).toEqual([['1', 'a "b" c']]);
  });

  it('answers an unclosed quote with a 400 naming the row, and keeps serving', async () => {
    const res = await preview('broken.csv', 'id,text\n1,ok\n2,"never closed\n');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'bad_file',
      details: {
        problems: [
          {
            file: 'broken.csv',
            message:
              'The CSV could not be read here: a quoted cell is not closed, or a quote appears inside an unquoted cell.',
          },
        ],
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const alive = await t.app.inject({ url: '/api/projects' });
    expect(alive.statusCode).toBe(200);
  });

  it('reports a quote inside an unquoted cell', async () => {
    const res = await preview('inner.csv', 'id,text\n1,a "b" c\n2,"x"y\n');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('bad_file');
  });
});
