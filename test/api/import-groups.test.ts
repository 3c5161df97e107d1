/**
 * One file per respondent group, each numbered from P001: a respondent is
 * their id within their group, so the same id in another group is another
 * respondent, and the report counts only what was written or matched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Mapping } from '../../shared/api/import';
import { useTestApp, type ErrorBody } from '../helpers/app';
import * as seed from '../helpers/factories';
import { importRoutes } from '../helpers/imports';
import { textFile } from '../helpers/multipart';
import { scalar, tableCounts } from '../helpers/queries';

const t = useTestApp();
const { importRequest, importFile } = importRoutes(t);

const fixedGroup = (group: string): Mapping => ({
  layout: 'wide',
  headerRows: 1,
  idColumn: 'RespondentID',
  group: { fixed: group },
  questions: [{ column: 'worked' }],
});

const PARENTS = [
  'RespondentID,worked',
  'P001,The staff listened',
  'P002,Quick replies',
  'P003,Clear letters',
  'P004,Kind people',
  'P005,Regular meetings',
  'P006,Nothing really',
].join('\n');

/** The respondents with this id, as `group: answer`, by group name. */
function respondentsWithId(projectId: number, id: string): string[] {
  return t.db.$client
    .prepare(
      `SELECT g.name || ': ' || c.text FROM respondents r
       JOIN respondent_groups g ON g.id = r.group_id
       JOIN comments c ON c.respondent_id = r.id
       WHERE r.project_id = ? AND r.external_id = ? ORDER BY g.name`,
    )
    .pluck()
    .all(projectId, id) as string[];
}

describe('respondent ids are matched within their group', () => {
  let projectId: number;
  beforeAll(async () => {
    projectId = seed.project(t.db, { name: 'One file per group' });
    await importFile(
      projectId,
      textFile('parents.csv', PARENTS),
      fixedGroup('Parents/carers'),
    );
  });

  it('imports a Children file numbered from P001 as new respondents', async () => {
    const report = await importFile(
      projectId,
      textFile(
        'children.csv',
        'RespondentID,worked\nP001,Games at school\nP002,My teacher\nP003,Friends\n',
      ),
      fixedGroup('Children'),
    );
    expect(report).toMatchObject({
      respondents: 3,
      respondentsNew: 3,
      respondentsMatched: 0,
      comments: 3,
      commentsNew: 3,
      commentsMatched: 0,
      groups: [
        {
          name: 'Children',
          respondents: 3,
          respondentsNew: 3,
          respondentsMatched: 0,
        },
      ],
    });
    expect(respondentsWithId(projectId, 'P001')).toEqual([
      'Children: Games at school',
      'Parents/carers: The staff listened',
    ]);
  });

  it('does not merge an equal answer into another group’s respondent', async () => {
    const report = await importFile(
      projectId,
      textFile(
        'practitioners.csv',
        'RespondentID,worked\nP004,Joint planning\nP005,Training days\nP006,Nothing really\n',
      ),
      fixedGroup('Practitioners'),
    );
    expect(report).toMatchObject({
      respondentsNew: 3,
      respondentsMatched: 0,
      comments: 3,
      commentsNew: 3,
      commentsMatched: 0,
      groups: [
        expect.objectContaining({
          name: 'Practitioners',
          respondentsNew: 3,
          respondentsMatched: 0,
        }),
      ],
    });
    expect(respondentsWithId(projectId, 'P006')).toEqual([
      'Parents/carers: Nothing really',
      'Practitioners: Nothing really',
    ]);
  });

  it('matches an id in the same group, counting new and matched apart', async () => {
    const report = await importFile(
      projectId,
      textFile(
        'parents-wave-2.csv',
        'RespondentID,worked\nP001,The staff listened\nP007,Home visits\n',
      ),
      fixedGroup('Parents/carers'),
    );
    expect(report).toMatchObject({
      respondents: 2,
      respondentsNew: 1,
      respondentsMatched: 1,
      comments: 2,
      commentsNew: 1,
      commentsMatched: 1,
      groups: [
        {
          name: 'Parents/carers',
          respondents: 2,
          respondentsNew: 1,
          respondentsMatched: 1,
        },
      ],
    });
    expect(
      scalar(
        t.db,
        'SELECT count(*) FROM respondents WHERE project_id = ?',
        projectId,
      ),
    ).toBe(13);
  });

  it('matches on each row’s group when the group comes from a column', async () => {
    const mapping: Mapping = {
      ...fixedGroup('unused'),
      group: { column: 'Group' },
    };
    const report = await importFile(
      projectId,
      textFile(
        'mixed.csv',
        'RespondentID,Group,worked\nP002,Parents/carers,Quick replies\nP002,Children,My teacher\nP004,Children,Drawing\n',
      ),
      mapping,
    );
    expect(report).toMatchObject({
      respondents: 3,
      respondentsNew: 1,
      respondentsMatched: 2,
      commentsNew: 1,
      commentsMatched: 2,
      groups: [
        {
          name: 'Parents/carers',
          respondents: 1,
          respondentsNew: 0,
          respondentsMatched: 1,
        },
        {
          name: 'Children',
          respondents: 2,
          respondentsNew: 1,
          respondentsMatched: 1,
        },
      ],
    });
    expect(respondentsWithId(projectId, 'P004')).toEqual([
      'Children: Drawing',
      'Parents/carers: Kind people',
      'Practitioners: Joint planning',
    ]);
  });

  it('refuses a different answer from the same respondent, naming the group', async () => {
    const before = tableCounts(t.db);
    const res = await importRequest(
      projectId,
      textFile('children-again.csv', 'RespondentID,worked\nP003,Playtime\n'),
      fixedGroup('Children'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().details.problems).toEqual([
      {
        file: 'children-again.csv',
        row: 2,
        column: 'worked',
        message:
          'Respondent P003 (Children) already has a different answer to worked.',
      },
    ]);
    expect(tableCounts(t.db)).toEqual(before);
  });
});

describe('a long layout with a group column', () => {
  it('keeps the same id in two groups apart within one file', async () => {
    const projectId = seed.project(t.db, { name: 'Long, two groups' });
    const report: ImportReport = await importFile(
      projectId,
      textFile(
        'long.csv',
        [
          'id,group,question,answer',
          'P001,Parents,worked,Listening',
          'P001,Parents,change,Fewer forms',
          'P001,Children,worked,Games',
          'P002,Children,worked,Music',
        ].join('\n'),
      ),
      {
        layout: 'long',
        headerRows: 1,
        idColumn: 'id',
        group: { column: 'group' },
        questionColumn: 'question',
        textColumn: 'answer',
      },
    );
    expect(report).toMatchObject({
      respondents: 3,
      respondentsNew: 3,
      comments: 4,
      groups: [
        expect.objectContaining({ name: 'Parents', respondentsNew: 1 }),
        expect.objectContaining({ name: 'Children', respondentsNew: 2 }),
      ],
    });
  });
});
