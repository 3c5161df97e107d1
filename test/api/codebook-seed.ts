/**
 * Small factories for the projects and codebook API tests: they write
 * respondents, comments and codings straight into the test database (the
 * real schema, no mocks), for states the API builds elsewhere.
 */
import { eq } from 'drizzle-orm';
import type { App } from '../../server/app';
import { ensureCoder } from '../../server/coders/local-coder';
import type { Db } from '../../server/db/open-database';
import {
  codingThemes,
  codings,
  comments,
  finalCodingThemes,
  finalCodings,
  questions,
  respondentGroups,
  respondents,
  themes,
} from '../../server/db/schema';
import { matchingForm } from '../../shared/text';

let projectCount = 0;

/** Creates a project through the API; names are unique unless given. */
export async function createProject(
  app: App,
  name = `POET 2016 (${++projectCount})`,
  starterCodebook: 'parents' | 'practitioners' | null = null,
): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: { name, starterCodebook },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ id: number }>().id;
}

export async function createTheme(
  app: App,
  projectId: number,
  theme: Record<string, unknown>,
): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/themes`,
    payload: theme,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ id: number }>().id;
}

export function seedGroup(db: Db, projectId: number, name: string): number {
  return db
    .insert(respondentGroups)
    .values({ projectId, name })
    .returning()
    .get().id;
}

export function seedQuestion(
  db: Db,
  projectId: number,
  key: string,
  kind: 'open' | 'closed' = 'open',
): number {
  return db
    .insert(questions)
    .values({ projectId, key, label: key, kind })
    .returning()
    .get().id;
}

export interface CommentSeed {
  projectId: number;
  questionId: number;
  groupId?: number | null;
  externalId: string;
  text: string;
  attributes?: Record<string, unknown>;
  substantive?: boolean;
}

/** A respondent with one comment; returns the comment id. */
export function seedComment(db: Db, seed: CommentSeed): number {
  const respondent = db
    .insert(respondents)
    .values({
      projectId: seed.projectId,
      externalId: seed.externalId,
      groupId: seed.groupId ?? null,
      attributes: seed.attributes ?? {},
    })
    .returning()
    .get();
  return db
    .insert(comments)
    .values({
      projectId: seed.projectId,
      respondentId: respondent.id,
      questionId: seed.questionId,
      text: seed.text,
      normText: matchingForm(seed.text),
      substantive: seed.substantive ?? true,
    })
    .returning()
    .get().id;
}

/** A coder's coding of a comment with these themes; returns its id. */
export function seedCoding(
  db: Db,
  commentId: number,
  coderName: string,
  themeIds: number[],
): number {
  const coderId = ensureCoder(db, coderName, 'person');
  const id = db
    .insert(codings)
    .values({ commentId, coderId })
    .returning()
    .get().id;
  for (const themeId of themeIds) {
    db.insert(codingThemes).values({ codingId: id, themeId }).run();
  }
  return id;
}

export function seedFinalCoding(
  db: Db,
  commentId: number,
  leadName: string,
  themeIds: number[],
): void {
  const decidedBy = ensureCoder(db, leadName, 'person');
  db.insert(finalCodings).values({ commentId, decidedBy }).run();
  for (const themeId of themeIds) {
    db.insert(finalCodingThemes).values({ commentId, themeId }).run();
  }
}

/** Theme ids of a coding, sorted. */
export function codingThemeIds(db: Db, codingId: number): number[] {
  return db
    .select({ id: codingThemes.themeId })
    .from(codingThemes)
    .where(eq(codingThemes.codingId, codingId))
    .all()
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

export function finalThemeIds(db: Db, commentId: number): number[] {
  return db
    .select({ id: finalCodingThemes.themeId })
    .from(finalCodingThemes)
    .where(eq(finalCodingThemes.commentId, commentId))
    .all()
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

export function themeExists(db: Db, themeId: number): boolean {
  return (
    db.select().from(themes).where(eq(themes.id, themeId)).get() !== undefined
  );
}

/** A multipart/form-data body holding one file in the field `file`. */
export function multipartFile(
  fileName: string,
  content: string | Buffer,
  contentType = 'text/csv',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----verbatim-test-boundary';
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
