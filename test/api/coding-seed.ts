/**
 * Small factories for the coding and suggest API tests: rows go straight
 * into the database through drizzle, so these tests do not depend on the
 * import routes.
 */
import { ensureCoder } from '../../server/coders/local-coder';
import type { Db } from '../../server/db/open-database';
import {
  codingThemes,
  codings,
  comments,
  projects,
  questions,
  respondentGroups,
  respondents,
  themes,
} from '../../server/db/schema';
import { isPlaceholder, matchingForm, nameKey } from '../../shared/text';

export function seedProject(db: Db, name = 'Survey'): number {
  return db.insert(projects).values({ name }).returning().get().id;
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
  position = 0,
): number {
  return db
    .insert(questions)
    .values({
      projectId,
      key,
      label: `Question ${key}`,
      kind: 'open',
      position,
    })
    .returning()
    .get().id;
}

export function seedRespondent(
  db: Db,
  projectId: number,
  externalId: string,
  overrides: { groupId?: number | null; attributes?: object } = {},
): number {
  return db
    .insert(respondents)
    .values({
      projectId,
      externalId,
      groupId: overrides.groupId ?? null,
      attributes: overrides.attributes ?? {},
    })
    .returning()
    .get().id;
}

export function seedComment(
  db: Db,
  ids: { projectId: number; respondentId: number; questionId: number },
  text: string,
): number {
  return db
    .insert(comments)
    .values({
      ...ids,
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
  overrides: {
    keywords?: string[];
    archived?: boolean;
    groupIds?: number[] | null;
  } = {},
): number {
  return db
    .insert(themes)
    .values({
      projectId,
      name,
      nameKey: nameKey(name),
      keywords: overrides.keywords ?? [],
      colour: '#336699',
      archived: overrides.archived ?? false,
      groupIds: overrides.groupIds ?? null,
    })
    .returning()
    .get().id;
}

/** A coding by another coder, e.g. codes that came with a file. */
export function seedOtherCoding(
  db: Db,
  commentId: number,
  coderName: string,
  themeIds: number[],
): void {
  const coderId = ensureCoder(db, coderName, 'import');
  const codingId = db
    .insert(codings)
    .values({ commentId, coderId })
    .returning()
    .get().id;
  if (themeIds.length > 0) {
    db.insert(codingThemes)
      .values(themeIds.map((themeId) => ({ codingId, themeId })))
      .run();
  }
}
