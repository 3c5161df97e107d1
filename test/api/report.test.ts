import { beforeAll, describe, expect, it } from 'vitest';
import type { CountsReply, ReportCommentsReply } from '../../shared/api/report';
import { COUNT_NOTE } from '../../shared/counting';
import { useTestApp } from '../helpers/app';
import * as seed from '../helpers/factories';

/**
 * One project coded by two coders and a lead, chosen so each rule of the
 * final coding shows in the counts of `worked` × Parents.
 */
describe('report routes', () => {
  const t = useTestApp();
  type Key =
    | 'project'
    | 'parents'
    | 'practitioners'
    | 'worked'
    | 'change'
    | 'time'
    | 'paperwork'
    | 'communication'
    | 'unused'
    | 'merged'
    | 'alice'
    | 'bob'
    | 'lead'
    | 'c1'
    | 'c2'
    | 'c3'
    | 'c4'
    | 'c5'
    | 'c6'
    | 'c7'
    | 'c8'
    | 'c9';
  const ids = {} as Record<Key, number>;

  beforeAll(() => {
    const db = t.db;
    const p = (ids.project = seed.project(db, { name: 'POET' }));
    ids.parents = seed.group(db, p, { name: 'Parents' });
    ids.practitioners = seed.group(db, p, { name: 'Practitioners' });
    ids.worked = seed.question(db, p, {
      key: 'worked',
      label: 'What worked well?',
    });
    ids.change = seed.question(db, p, {
      key: 'change',
      label: 'What would you change?',
    });
    seed.question(db, p, {
      key: 'likert_1',
      label: 'Overall satisfaction',
      kind: 'closed',
    });
    ids.time = seed.theme(db, p, { name: 'Time' });
    ids.paperwork = seed.theme(db, p, { name: 'Paperwork' });
    ids.communication = seed.theme(db, p, {
      name: 'Communication',
      archived: true,
    });
    ids.unused = seed.theme(db, p, { name: 'Unused' });
    // Merged into another theme: archived, its codings moved away.
    ids.merged = seed.theme(db, p, { name: 'Lines theme', archived: true });
    ids.alice = seed.coder(db, { name: 'alice' });
    ids.bob = seed.coder(db, { name: 'bob' });
    ids.lead = seed.coder(db, { name: 'lead' });

    const comment = (
      name: Key,
      group: number | null,
      la: string,
      text = `Answer ${name}`,
    ) => {
      ids[name] = seed.comment(db, {
        projectId: p,
        questionId: ids.worked,
        respondent: {
          externalId: `R-${name}`,
          groupId: group,
          attributes: { LA: la },
        },
        text,
      });
      return ids[name];
    };
    const { time, paperwork, communication, alice, bob, lead } = ids;
    // c1: one coder, three themes (multi-label).
    seed.coding(db, comment('c1', ids.parents, 'North'), {
      coderId: alice,
      themeIds: [time, paperwork, communication],
    });
    // c2: two coders agree.
    comment('c2', ids.parents, 'North');
    seed.coding(db, ids.c2, { coderId: alice, themeIds: [time] });
    seed.coding(db, ids.c2, { coderId: bob, themeIds: [time] });
    // c3: two coders differ, no decision: unreconciled.
    comment('c3', ids.parents, 'South');
    seed.coding(db, ids.c3, { coderId: alice, themeIds: [time] });
    seed.coding(db, ids.c3, { coderId: bob, themeIds: [paperwork] });
    // c4: two coders differ, the lead decided.
    comment('c4', ids.parents, 'South');
    seed.coding(db, ids.c4, { coderId: alice, themeIds: [time] });
    seed.coding(db, ids.c4, { coderId: bob, themeIds: [paperwork] });
    seed.finalCoding(db, ids.c4, {
      decidedBy: lead,
      themeIds: [paperwork, communication],
    });
    // c5: a placeholder, coded but never counted in a theme.
    seed.coding(db, comment('c5', ids.parents, 'South', 'N/A'), {
      coderId: alice,
      themeIds: [time],
    });
    // c6: nobody coded it.
    comment('c6', ids.parents, 'North');
    // c7: a respondent without a group.
    seed.coding(db, comment('c7', null, 'North'), {
      coderId: alice,
      themeIds: [time],
    });
    // c8: two coders agree that no theme applies.
    comment('c8', ids.practitioners, 'South');
    seed.coding(db, ids.c8, { coderId: alice, themeIds: [] });
    seed.coding(db, ids.c8, { coderId: bob, themeIds: [] });
    // c9: one coder's set contains the other's: still a disagreement.
    comment('c9', ids.practitioners, 'North');
    seed.coding(db, ids.c9, { coderId: alice, themeIds: [communication] });
    seed.coding(db, ids.c9, { coderId: bob, themeIds: [communication, time] });
  });

  const counts = async (query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/counts${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<CountsReply>();
  };
  const cell = (reply: CountsReply, theme: number, group: number | null) =>
    reply.cells.find(
      (c) =>
        c.themeId === theme &&
        c.groupId === group &&
        c.questionId === ids.worked,
    );
  const comments = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/comments?${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<ReportCommentsReply>();
  };

  it('counts final codings against the substantive comments as base', async () => {
    const reply = await counts();
    const parents = reply.groups.find((g) => g.id === ids.parents);
    expect(parents?.base[String(ids.worked)]).toEqual({
      comments: 5,
      placeholders: 1,
      coded: 3,
      unreconciled: 1,
      uncoded: 1,
    });
    expect(cell(reply, ids.time, ids.parents)).toMatchObject({
      count: 2,
      base: 5,
      percent: 40,
      codedBase: 3,
      percentOfCoded: 66.7,
    });
    expect(cell(reply, ids.paperwork, ids.parents)?.count).toBe(2);
    expect(cell(reply, ids.communication, ids.parents)?.count).toBe(2);
    expect(cell(reply, ids.unused, ids.parents)).toMatchObject({
      count: 0,
      percent: 0,
      percentOfCoded: 0,
    });
  });

  it('gives the share of the coded comments, null while none is coded', async () => {
    // Practitioners: c8 agreed (coded), c9 unreconciled.
    const reply = await counts();
    expect(cell(reply, ids.time, ids.practitioners)).toMatchObject({
      count: 0,
      base: 2,
      codedBase: 1,
      percentOfCoded: 0,
    });
    const south = await counts('?attr=LA:South');
    // Parents South: c3 unreconciled, c4 decided, c5 a placeholder.
    expect(cell(south, ids.paperwork, ids.parents)).toMatchObject({
      count: 1,
      base: 2,
      percent: 50,
      codedBase: 1,
      percentOfCoded: 100,
    });
    // (no group) South has no comments at all.
    expect(cell(south, ids.time, null)).toBeUndefined();
    const west = await counts('?attr=LA:West');
    expect(west.cells.every((c) => c.percentOfCoded === null)).toBe(true);
    expect(west.cells.every((c) => c.codedBase === 0)).toBe(true);
  });

  it('leaves out archived themes that count nothing in scope, keeps the rest', async () => {
    const reply = await counts();
    expect(reply.themes.some((th) => th.id === ids.merged)).toBe(false);
    expect(reply.cells.some((c) => c.themeId === ids.merged)).toBe(false);
    // Communication is archived but still carried by codings: it stays.
    expect(
      reply.themes.find((th) => th.id === ids.communication),
    ).toMatchObject({ archived: true, total: 2 });
    // In scope means after the filter: no respondent is West, so the
    // archived theme counts nothing there and is left out; live ones stay.
    const noUse = await counts('?attr=LA:West');
    expect(noUse.themes.map((th) => th.name)).toEqual([
      'Time',
      'Paperwork',
      'Unused',
    ]);
    // A live theme with no count stays, zeros included.
    expect(reply.themes.find((th) => th.id === ids.unused)?.total).toBe(0);
  });

  it('lets percentages of multi-label comments sum past 100% and says so', async () => {
    const reply = await counts();
    const sum = [ids.time, ids.paperwork, ids.communication]
      .map((theme) => cell(reply, theme, ids.parents)?.percent ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(120);
    expect(reply.note).toBe(COUNT_NOTE);
  });

  it('lists questions (open only), groups with a "(no group)" group, and themes with totals', async () => {
    const reply = await counts();
    expect(reply.questions.map((q) => q.key)).toEqual(['worked', 'change']);
    expect(reply.groups.map((g) => [g.id, g.name, g.respondents])).toEqual([
      [ids.parents, 'Parents', 6],
      [ids.practitioners, 'Practitioners', 2],
      [null, '(no group)', 1],
    ]);
    expect(reply.themes.map((th) => [th.name, th.archived, th.total])).toEqual([
      ['Time', false, 3],
      ['Paperwork', false, 2],
      ['Communication', true, 2],
      ['Unused', false, 0],
    ]);
    expect(cell(reply, ids.time, null)).toMatchObject({ count: 1, base: 1 });
    // 4 themes × 2 questions × 3 groups, zeros included.
    expect(reply.cells).toHaveLength(24);
    expect(reply.coder).toBeNull();
  });

  it('counts an agreed empty coding as coded and a superset as unreconciled', async () => {
    const reply = await counts();
    const practitioners = reply.groups.find((g) => g.id === ids.practitioners);
    expect(practitioners?.base[String(ids.worked)]).toMatchObject({
      comments: 2,
      coded: 1,
      unreconciled: 1,
    });
    expect(cell(reply, ids.communication, ids.practitioners)?.count).toBe(0);
  });

  it('filters respondents by attribute, ORing values of one attribute', async () => {
    const north = await counts('?attr=LA:North');
    expect(north.filters).toEqual([{ name: 'LA', value: 'North' }]);
    expect(cell(north, ids.time, ids.parents)).toMatchObject({
      count: 2,
      base: 3,
      percent: 66.7,
    });
    expect(north.groups.find((g) => g.id === ids.parents)?.respondents).toBe(3);

    const both = await counts('?attr=LA:North&attr=LA:South');
    expect(cell(both, ids.time, ids.parents)?.base).toBe(5);
    const none = await counts('?attr=LA:West');
    expect(cell(none, ids.time, ids.parents)).toMatchObject({
      count: 0,
      base: 0,
      percent: null,
    });
  });

  it("counts one coder's codings when asked", async () => {
    const reply = await counts(`?coderId=${ids.bob}`);
    expect(reply.coder).toEqual({ id: ids.bob, name: 'bob' });
    expect(reply.counted).toContain('bob');
    expect(cell(reply, ids.time, ids.parents)?.count).toBe(1);
    expect(cell(reply, ids.paperwork, ids.parents)?.count).toBe(2);
    expect(
      reply.groups.find((g) => g.id === ids.parents)?.base[String(ids.worked)],
    ).toMatchObject({ coded: 3, uncoded: 2, unreconciled: 0 });
  });

  it('lists the comments behind a count, with their final themes', async () => {
    const reply = await comments(
      `themeId=${ids.time}&questionId=${ids.worked}&groupId=${ids.parents}`,
    );
    expect(reply.total).toBe(2);
    expect(reply.comments.map((c) => c.id)).toEqual([ids.c1, ids.c2]);
    expect(reply.comments[0]).toMatchObject({
      text: 'Answer c1',
      respondentExternalId: 'R-c1',
      group: { id: ids.parents, name: 'Parents' },
      question: { id: ids.worked, key: 'worked' },
      status: 'coded',
      themes: ['Time', 'Paperwork', 'Communication'],
    });
    const decided = await comments(`themeId=${ids.communication}`);
    expect(decided.comments.map((c) => c.id)).toEqual([ids.c1, ids.c4]);
    expect(decided.comments[1]?.themes).toEqual(['Paperwork', 'Communication']);
  });

  it('lists unreconciled, placeholder and ungrouped comments apart', async () => {
    const unreconciled = await comments('status=unreconciled');
    expect(unreconciled.comments.map((c) => c.id)).toEqual([ids.c3, ids.c9]);
    expect(unreconciled.comments[0]?.themes).toEqual([]);
    const placeholders = await comments('status=placeholder');
    expect(placeholders.comments.map((c) => [c.id, c.text, c.status])).toEqual([
      [ids.c5, 'N/A', 'placeholder'],
    ]);
    const ungrouped = await comments('groupId=none');
    expect(ungrouped.comments.map((c) => [c.id, c.group])).toEqual([
      [ids.c7, null],
    ]);
  });

  it('pages with limit and offset while total counts them all', async () => {
    const page = await comments('limit=2&offset=2');
    expect(page.total).toBe(8);
    expect(page.comments.map((c) => c.id)).toEqual([ids.c3, ids.c4]);
  });

  it('answers 404 for an unknown project', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/projects/999/report/counts',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      message: 'There is no project with id 999.',
    });
  });

  it('answers 400 naming attr for a filter without a colon', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/counts?attr=North`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message:
        'The attr filter "North" is not of the form name:value (for example attr=Local authority:North).',
      details: { parameter: 'attr' },
    });
  });

  it('answers 400 for a filter on an attribute nobody has', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/comments?attr=Region:North`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message:
        'The attr filter "Region:North" names an attribute no respondent of this project has.',
      details: { parameter: 'attr', name: 'Region' },
    });
  });

  it('answers 404 for an unknown coder', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/counts?coderId=999`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toBe(
      'There is no coder with id 999.',
    );
  });

  it('answers 404 for a theme, question or group of no such project', async () => {
    const other = seed.project(t.db, { name: 'Other' });
    const foreignTheme = seed.theme(t.db, other, { name: 'Elsewhere' });
    const cases: Array<[string, string]> = [
      [`themeId=${foreignTheme}`, `There is no theme with id ${foreignTheme}.`],
      ['questionId=999', 'There is no question with id 999.'],
      ['groupId=999', 'There is no group with id 999.'],
    ];
    for (const [query, message] of cases) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${ids.project}/report/comments?${query}`,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ message: string }>().message).toBe(message);
    }
  });

  it('answers 400 naming the field for a malformed groupId or status', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/comments?groupId=parents`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('validation_failed');
    expect(res.json<{ message: string }>().message).toContain('groupId');
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${ids.project}/report/comments?status=done`,
    });
    expect(status.statusCode).toBe(400);
    expect(status.json<{ message: string }>().message).toContain('status');
  });
});
