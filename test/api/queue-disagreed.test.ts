/**
 * The coding queue's `unreconciled` status and count: comments whose
 * coders differ and no lead decided. The queue must agree with the
 * report's unreconciled bases, which resolve the same rule in SQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueReply, SaveCodingReply } from '../../shared/api/coding';
import type { CountsReply } from '../../shared/api/report';
import { sharedDir, useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import {
  importRoutes,
  PROCTORING_TWO_CODERS,
  proctoringTwoCodersMapping,
} from '../helpers/imports';
import { sharedFile } from '../helpers/multipart';

const t = useTestApp();

async function queue(projectId: number, query = ''): Promise<QueueReply> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/queue${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<QueueReply>();
}

/** The report's unreconciled comments, summed over every cell's base. */
async function reportUnreconciled(
  projectId: number,
  query = '',
): Promise<number> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/report/counts${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const reply = res.json<CountsReply>();
  return reply.groups
    .flatMap((g) => Object.values(g.base))
    .reduce((sum, base) => sum + base.unreconciled, 0);
}

describe('GET /api/projects/:projectId/queue?status=unreconciled', () => {
  let projectId: number;
  const c: Record<string, number> = {};
  let north: number;

  beforeAll(() => {
    const s = seed.survey(t.db, {
      groups: ['North', 'South'],
      questions: ['q1'],
      themes: ['Time', 'Cost'],
      coders: ['ann', 'bob'],
    });
    projectId = s.projectId;
    north = s.groups.North;
    const { Time, Cost } = s.themes;
    const { ann, bob } = s.coders;
    const add = (
      name: string,
      group: number,
      text = `Answer ${name}`,
      la = 'Kent',
    ) => {
      c[name] = seed.comment(t.db, {
        projectId,
        questionId: s.questions.q1,
        respondent: { groupId: group, attributes: { la } },
        text,
      });
      return c[name];
    };
    const code = (id: number, coderId: number, themeIds: number[]) =>
      seed.coding(t.db, id, { coderId, themeIds });

    const agreed = add('agreed', north);
    code(agreed, ann, [Time, Cost]);
    code(agreed, bob, [Cost, Time]);
    const differ = add('differ', north);
    code(differ, ann, [Time]);
    code(differ, bob, [Cost]);
    // "No theme applies" differs from a theme.
    const noneVsTime = add('noneVsTime', s.groups.South, 'Answer x', 'Surrey');
    code(noneVsTime, ann, []);
    code(noneVsTime, bob, [Time]);
    const single = add('single', north);
    code(single, ann, [Time]);
    const decided = add('decided', north);
    code(decided, ann, [Time]);
    code(decided, bob, [Cost]);
    seed.finalCoding(t.db, decided, { themeIds: [Time] });
    add('uncoded', north);
    // A placeholder the coders differ on: left out like every placeholder.
    const placeholder = add('placeholder', north, 'N/A');
    code(placeholder, ann, [Time]);
    code(placeholder, bob, []);
  });

  it('lists the comments whose coders differ and no lead decided', async () => {
    expect(await queue(projectId, '?status=unreconciled')).toEqual({
      total: 6,
      coded: 5,
      codedByMe: 0,
      unreconciled: 2,
      commentIds: [c.differ, c.noneVsTime],
    });
  });

  it('gives the unreconciled count whatever the status', async () => {
    const all = await queue(projectId);
    expect(all.unreconciled).toBe(2);
    expect(all.commentIds).toHaveLength(6);
    expect((await queue(projectId, '?status=uncoded')).unreconciled).toBe(2);
  });

  it('agrees with the report’s unreconciled total', async () => {
    expect(await reportUnreconciled(projectId)).toBe(2);
    expect((await queue(projectId)).unreconciled).toBe(2);
  });

  it('applies the other filters to the list and the count', async () => {
    const kent = await queue(projectId, '?status=unreconciled&attr=la:Kent');
    expect(kent.commentIds).toEqual([c.differ]);
    expect(kent.unreconciled).toBe(1);
    expect(await reportUnreconciled(projectId, '?attr=la:Kent')).toBe(1);

    const byGroup = await queue(
      projectId,
      `?status=unreconciled&groupId=${north}`,
    );
    expect(byGroup.commentIds).toEqual([c.differ]);

    const searched = await queue(projectId, '?status=unreconciled&search=X');
    expect(searched.commentIds).toEqual([c.noneVsTime]);
    expect(searched.unreconciled).toBe(1);

    const withPlaceholders = await queue(
      projectId,
      '?status=unreconciled&includePlaceholders=true',
    );
    expect(withPlaceholders.commentIds).toEqual([
      c.differ,
      c.noneVsTime,
      c.placeholder,
    ]);
  });

  it('follows a coding saved through the API', async () => {
    const save = async (commentId: number | undefined, themeIds: number[]) => {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/comments/${commentId}/coding`,
        payload: { themeIds, version: 0 },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<SaveCodingReply>();
    };
    const themeOf = (name: string) =>
      t.db.$client
        .prepare('SELECT id FROM themes WHERE project_id = ? AND name = ?')
        .pluck()
        .get(projectId, name) as number;
    // A second coder on the single-coded comment, differing: unreconciled.
    await save(c.single, [themeOf('Cost')]);
    // A third coder agreeing with both on the agreed one: still agreed.
    await save(c.agreed, [themeOf('Time'), themeOf('Cost')]);

    const reply = await queue(projectId, '?status=unreconciled');
    expect(reply.commentIds).toEqual([c.differ, c.noneVsTime, c.single]);
    expect(reply.unreconciled).toBe(3);
    expect(reply.codedByMe).toBe(2);
    expect(await reportUnreconciled(projectId)).toBe(3);
  });

  it('answers 400 for an unknown status, naming unreconciled', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/queue?status=disagreed`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'validation_failed',
      message:
        'The query string is not valid: status must be one of "uncoded", "coded", "mine", "not-mine", "unreconciled", "all".',
    });
  });

  it('answers 404 for a project that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/projects/9999/queue?status=unreconciled',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'not_found',
      message: 'There is no project with id 9999.',
    });
  });
});

describe('a project where every comment has one coding at most', () => {
  it('has no unreconciled comments', async () => {
    const s = seed.survey(t.db, { questions: ['q1'], coders: ['ann'] });
    const coded = seed.comment(t.db, {
      projectId: s.projectId,
      questionId: s.questions.q1,
    });
    seed.coding(t.db, coded, { coderId: s.coders.ann });
    seed.comment(t.db, { projectId: s.projectId, questionId: s.questions.q1 });
    expect(await queue(s.projectId, '?status=unreconciled')).toEqual({
      total: 2,
      coded: 1,
      codedByMe: 0,
      unreconciled: 0,
      commentIds: [],
    });
  });
});

describe('the two-coder exam proctoring survey', () => {
  const FILE = PROCTORING_TWO_CODERS;
  const mapping = proctoringTwoCodersMapping;

  /** Substantive answers both coders coded, with different code sets. */
  function expectedUnreconciled(): number {
    const rows = parse<Record<string, string>>(
      readFileSync(join(sharedDir, FILE)),
      { columns: true, bom: true },
    );
    const codes = (cell = '') =>
      [
        ...new Set(
          cell
            .split('|')
            .map((code) => code.trim().toLowerCase())
            .filter(Boolean),
        ),
      ]
        .sort()
        .join('|');
    return rows.filter((row) => {
      const [a, b] = [codes(row.codes_primary), codes(row.codes_secondary)];
      const placeholder = /^(n\/a|none)\.?$/i.test((row.answer ?? '').trim());
      return !placeholder && a !== '' && b !== '' && a !== b;
    }).length;
  }

  it('lists as many unreconciled comments as the report counts', async () => {
    const projectId = seed.project(t.db, { name: 'Exam proctoring' });
    const res = await importRoutes(t).importRequest(
      projectId,
      sharedFile(FILE),
      mapping,
    );
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);

    const reply = await queue(projectId, '?status=unreconciled');
    const expected = expectedUnreconciled();
    expect(expected).toBeGreaterThan(0);
    expect(reply.unreconciled).toBe(expected);
    expect(reply.commentIds).toHaveLength(expected);
    expect(reply.coded).toBe(reply.total);
    expect(await reportUnreconciled(projectId)).toBe(expected);
  });
});
