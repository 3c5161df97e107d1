/**
 * Case C17: deleting a theme that codings and a final coding still use.
 * The comments come in through the import route and the codebook through
 * the codebook CSV route; the three coders' codings are written straight
 * into the test database (the import takes one coder per file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  codingHistory,
  codingThemes,
  codings,
  comments,
  finalCodingThemes,
  finalCodings,
  respondents,
  themeHistory,
} from '../../server/db/schema';
import { buildTestApp, sharedDir, type TestApp } from '../helpers/app';
import * as seed from '../helpers/factories';
import { codingThemeIds, finalThemeIds, themeExists } from '../helpers/queries';
import { importRoutes } from '../helpers/imports';
import { multipartFile, textFile } from '../helpers/multipart';

const caseDir = join(sharedDir, 'cases/C17');
const readCase = (file: string) => readFileSync(join(caseDir, file));
const rowsOf = (file: string) =>
  parse<Record<string, string>>(readCase(file), {
    columns: true,
    bom: true,
  });

interface Seeded {
  projectId: number;
  themeIdByName: Map<string, number>;
  commentIdByCaseId: Map<string, number>;
  codingIds: Array<{ caseId: string; coder: string; codingId: number }>;
}

async function importComments(t: TestApp, projectId: number) {
  const mapping = {
    layout: 'long',
    headerRows: 1,
    idColumn: 'respondent_id',
    group: { column: 'group' },
    questionColumn: 'question',
    textColumn: 'text',
    attributeColumns: ['comment_id'],
  };
  await importRoutes(t).importFile(
    projectId,
    textFile('comments.csv', readCase('comments.csv')),
    mapping,
  );
}

/** C17's case id (C1…C4) → comment id, through the respondent ids. */
function commentIds(t: TestApp, projectId: number) {
  const byRespondent = new Map(
    t.db
      .select({ id: comments.id, externalId: respondents.externalId })
      .from(comments)
      .innerJoin(respondents, eq(respondents.id, comments.respondentId))
      .where(eq(comments.projectId, projectId))
      .all()
      .map((r) => [r.externalId, r.id] as const),
  );
  return new Map(
    rowsOf('comments.csv').map((r) => [
      r.comment_id!,
      byRespondent.get(r.respondent_id!)!,
    ]),
  );
}

async function seedC17(t: TestApp): Promise<Seeded> {
  const projectId = seed.project(t.db, { name: 'C17' });
  await importComments(t, projectId);
  const { payload, headers } = multipartFile(
    'codebook.csv',
    readCase('codebook.csv'),
  );
  const codebook = await t.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/codebook`,
    payload,
    headers,
  });
  expect(codebook.json()).toEqual({ created: 3, updated: 0 });

  const themes = await t.app.inject({
    method: 'GET',
    url: `/api/projects/${projectId}/themes`,
  });
  const themeIdByName = new Map(
    themes
      .json<Array<{ id: number; name: string }>>()
      .map((th) => [th.name, th.id]),
  );
  const commentIdByCaseId = commentIds(t, projectId);
  const idsOf = (names: string) =>
    names.split(';').map((n) => themeIdByName.get(n)!);

  const codingIds = rowsOf('codings.csv').map((r) => ({
    caseId: r.comment_id!,
    coder: r.coder!,
    codingId: seed.coding(t.db, commentIdByCaseId.get(r.comment_id!)!, {
      coderId: seed.coder(t.db, { name: r.coder! }),
      themeIds: idsOf(r.themes!),
    }),
  }));
  for (const r of rowsOf('final_codings.csv')) {
    seed.finalCoding(t.db, commentIdByCaseId.get(r.comment_id!)!, {
      decidedBy: seed.coder(t.db, { name: r.decided_by! }),
      themeIds: idsOf(r.themes!),
    });
  }
  return { projectId, themeIdByName, commentIdByCaseId, codingIds };
}

/** A coder's own edit: take one theme out, bump the version, keep history. */
function removeFromCoding(t: TestApp, codingId: number, themeId: number): void {
  const coding = t.db
    .select()
    .from(codings)
    .where(eq(codings.id, codingId))
    .get()!;
  const before = codingThemeIds(t.db, codingId);
  t.db
    .delete(codingThemes)
    .where(
      and(
        eq(codingThemes.codingId, codingId),
        eq(codingThemes.themeId, themeId),
      ),
    )
    .run();
  t.db
    .update(codings)
    .set({ version: coding.version + 1 })
    .where(eq(codings.id, codingId))
    .run();
  t.db
    .insert(codingHistory)
    .values({
      commentId: coding.commentId,
      coderId: coding.coderId,
      actorId: coding.coderId,
      reason: 'save',
      before,
      after: before.filter((id) => id !== themeId),
    })
    .run();
}

function removeFromFinalCoding(t: TestApp, commentId: number, themeId: number) {
  const final = t.db
    .select()
    .from(finalCodings)
    .where(eq(finalCodings.commentId, commentId))
    .get()!;
  const before = finalThemeIds(t.db, commentId);
  t.db
    .delete(finalCodingThemes)
    .where(
      and(
        eq(finalCodingThemes.commentId, commentId),
        eq(finalCodingThemes.themeId, themeId),
      ),
    )
    .run();
  t.db
    .insert(codingHistory)
    .values({
      commentId,
      coderId: null,
      actorId: final.decidedBy,
      reason: 'save',
      before,
      after: before.filter((id) => id !== themeId),
    })
    .run();
}

describe('case C17: deleting a theme still in use', () => {
  let t: TestApp;
  let s: Seeded;
  beforeEach(async () => {
    t = await buildTestApp();
    s = await seedC17(t);
  });
  afterEach(async () => t.close());

  const transport = () => s.themeIdByName.get('Transport')!;
  const deleteTransport = (query = '') =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/themes/${transport()}${query}`,
    });

  it('step 1: refuses with 409 naming 4 codings on 3 comments', async () => {
    const res = await deleteTransport();
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'theme_in_use',
      message:
        '"Transport" is used in 4 codings on 3 comments, including 1 final coding. Archive it, or remove it from those codings first.',
      details: {
        name: 'Transport',
        codings: 4,
        comments: 3,
        finalCodings: 1,
      },
    });

    expect(themeExists(t.db, transport())).toBe(true);
    for (const { codingId, caseId, coder } of s.codingIds) {
      const expected = rowsOf('codings.csv')
        .find((r) => r.comment_id === caseId && r.coder === coder)!
        .themes!.split(';')
        .map((n) => s.themeIdByName.get(n)!)
        .sort((a, b) => a - b);
      expect(codingThemeIds(t.db, codingId)).toEqual(expected);
    }
    const c3 = s.commentIdByCaseId.get('C3')!;
    expect(finalThemeIds(t.db, c3)).toEqual([transport()]);
    expect(t.db.select().from(codingHistory).all()).toEqual([]);
  });

  it('step 2: once unused, the delete succeeds at the first try', async () => {
    for (const { codingId } of s.codingIds) {
      if (codingThemeIds(t.db, codingId).includes(transport())) {
        removeFromCoding(t, codingId, transport());
      }
    }
    removeFromFinalCoding(t, s.commentIdByCaseId.get('C3')!, transport());

    const res = await deleteTransport();
    expect(res.statusCode).toBe(204);
    expect(themeExists(t.db, transport())).toBe(false);

    const left = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${s.projectId}/themes?includeArchived=true`,
    });
    expect(left.json<Array<{ name: string }>>().map((th) => th.name)).toEqual([
      'Communication',
      'Time',
    ]);
    expect(
      t.db
        .select()
        .from(themeHistory)
        .where(eq(themeHistory.themeId, transport()))
        .all(),
    ).toContainEqual(
      expect.objectContaining({
        action: 'delete',
        actorId: t.app.localCoderId,
      }),
    );
  });

  it('step 3: archiving hides it from the codebook, codings keep it', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/themes/${transport()}`,
      payload: { archived: true },
    });
    expect(res.statusCode).toBe(200);

    const active = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${s.projectId}/themes`,
    });
    expect(
      active.json<Array<{ name: string }>>().map((th) => th.name),
    ).not.toContain('Transport');

    const all = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${s.projectId}/themes?includeArchived=true`,
    });
    expect(all.json()).toContainEqual(
      expect.objectContaining({
        name: 'Transport',
        archived: true,
        usage: { codings: 4, comments: 3, finalCodings: 1 },
      }),
    );
    const c3 = s.commentIdByCaseId.get('C3')!;
    expect(finalThemeIds(t.db, c3)).toEqual([transport()]);
  });

  it('confirmed delete removes every use in one go, with history', async () => {
    const res = await deleteTransport('?force=true');
    expect(res.statusCode).toBe(204);
    expect(themeExists(t.db, transport())).toBe(false);

    for (const { codingId } of s.codingIds) {
      expect(codingThemeIds(t.db, codingId)).not.toContain(transport());
    }
    const history = t.db.select().from(codingHistory).all();
    expect(history).toHaveLength(5);
    expect(history.every((h) => h.reason === 'theme_delete')).toBe(true);
    expect(history.every((h) => h.actorId === t.app.localCoderId)).toBe(true);
    const c3 = s.commentIdByCaseId.get('C3')!;
    expect(history).toContainEqual(
      expect.objectContaining({
        commentId: c3,
        coderId: null,
        before: [transport()],
        after: [],
      }),
    );
    // No dangling theme ids anywhere.
    const dangling = t.db.$client
      .prepare(
        `SELECT count(*) AS n FROM coding_themes ct
        LEFT JOIN themes th ON th.id = ct.theme_id WHERE th.id IS NULL`,
      )
      .get() as { n: number };
    expect(dangling.n).toBe(0);
  });
});
