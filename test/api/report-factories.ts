/**
 * Small factories that seed a project straight through drizzle on the test
 * database, for the report and export tests.
 */
import type { Db } from '../../server/db/open-database';
import {
  codingThemes,
  codings,
  comments,
  finalCodingThemes,
  finalCodings,
  projects,
  questions,
  respondentGroups,
  respondents,
} from '../../server/db/schema';
import {
  insertTheme,
  type NewTheme,
} from '../../server/codebook/themes-repository';
import { ensureCoder } from '../../server/coders/local-coder';
import { isPlaceholder, matchingForm } from '../../shared/text';

export function seedProject(db: Db, name = 'Survey'): number {
  return db.insert(projects).values({ name }).returning().get().id;
}

let nextPosition = 0;

export function seedGroup(db: Db, projectId: number, name: string): number {
  return db
    .insert(respondentGroups)
    .values({ projectId, name, position: nextPosition++ })
    .returning()
    .get().id;
}

export function seedQuestion(
  db: Db,
  projectId: number,
  key: string,
  label = key,
  kind: 'open' | 'closed' = 'open',
): number {
  return db
    .insert(questions)
    .values({ projectId, key, label, kind })
    .returning()
    .get().id;
}

export function seedRespondent(
  db: Db,
  projectId: number,
  externalId: string,
  groupId: number | null,
  attributes: Record<string, string> = {},
): number {
  return db
    .insert(respondents)
    .values({ projectId, externalId, groupId, attributes })
    .returning()
    .get().id;
}

export function seedComment(
  db: Db,
  projectId: number,
  respondentId: number,
  questionId: number,
  text: string,
): number {
  return db
    .insert(comments)
    .values({
      projectId,
      respondentId,
      questionId,
      text,
      normText: matchingForm(text),
      substantive: !isPlaceholder(text),
    })
    .returning()
    .get().id;
}

export function seedTheme(
  db: Db,
  projectId: number,
  name: string,
  extra: Partial<NewTheme> & { archived?: boolean } = {},
): number {
  const { archived, ...theme } = extra;
  const row = insertTheme(db, projectId, { name, ...theme });
  if (archived) {
    db.$client
      .prepare('UPDATE themes SET archived = 1 WHERE id = ?')
      .run(row.id);
  }
  return row.id;
}

export function seedCoder(db: Db, name: string): number {
  return ensureCoder(db, name, 'person');
}

export function seedCoding(
  db: Db,
  commentId: number,
  coderId: number,
  themeIds: number[],
): number {
  const codingId = db
    .insert(codings)
    .values({ commentId, coderId })
    .returning()
    .get().id;
  for (const themeId of themeIds) {
    db.insert(codingThemes).values({ codingId, themeId }).run();
  }
  return codingId;
}

export function seedDecision(
  db: Db,
  commentId: number,
  decidedBy: number,
  themeIds: number[],
): void {
  db.insert(finalCodings).values({ commentId, decidedBy }).run();
  for (const themeId of themeIds) {
    db.insert(finalCodingThemes).values({ commentId, themeId }).run();
  }
}
