import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { multipartFile } from '../helpers/multipart';

/** Malformed quoting must be a 400 naming the row, never a dead server. */
describe('CSV files with broken or unusual quoting', () => {
  const t = useTestApp();
  let projectId = 0;
  beforeAll(() => {
    projectId = seed.project(t.db);
  });

  const preview = (name: string, content: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/imports/preview`,
      ...multipartFile(name, content),
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
