/**
 * Small factories for the API tests. Each writes rows straight into the
 * test database through drizzle (the real schema, no mocks) and takes an
 * overrides object on sensible defaults; names are unique unless given.
 * Import them as a namespace: `import * as seed from '../helpers/factories'`.
 */
import { count, eq } from 'drizzle-orm';
import {
  insertTheme,
  type NewTheme,
} from '../../server/codebook/themes-repository';
import { ensureCoder } from '../../server/coders/local-coder';
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
  themes,
} from '../../server/db/schema';
import { isPlaceholder, matchingForm } from '../../shared/text';

let serial = 0;
/** A name no other factory call has returned in this test file. */
const unique = (prefix: string) => `${prefix} ${++serial}`;

export function project(db: Db, overrides: { name?: string } = {}): number {
  const name = overrides.name ?? unique('Survey');
  return db.insert(projects).values({ name }).returning().get().id;
}

/** A respondent group, placed after the project's other groups. */
export function group(
  db: Db,
  projectId: number,
  overrides: { name?: string; position?: number } = {},
): number {
  const position =
    overrides.position ?? rowCount(db, respondentGroups, projectId);
  return db
    .insert(respondentGroups)
    .values({ projectId, name: overrides.name ?? unique('Group'), position })
    .returning()
    .get().id;
}

export interface QuestionOverrides {
  key?: string;
  /** Defaults to the key. */
  label?: string;
  kind?: 'open' | 'closed';
  /** Defaults to after the project's other questions. */
  position?: number;
}

export function question(
  db: Db,
  projectId: number,
  overrides: QuestionOverrides = {},
): number {
  const key = overrides.key ?? unique('question').replace(' ', '_');
  return db
    .insert(questions)
    .values({
      projectId,
      key,
      label: overrides.label ?? key,
      kind: overrides.kind ?? 'open',
      position: overrides.position ?? rowCount(db, questions, projectId),
    })
    .returning()
    .get().id;
}

export interface RespondentOverrides {
  externalId?: string;
  groupId?: number | null;
  attributes?: Record<string, unknown>;
}

export function respondent(
  db: Db,
  projectId: number,
  overrides: RespondentOverrides = {},
): number {
  return db
    .insert(respondents)
    .values({
      projectId,
      externalId: overrides.externalId ?? unique('R').replace(' ', '-'),
      groupId: overrides.groupId ?? null,
      attributes: overrides.attributes ?? {},
    })
    .returning()
    .get().id;
}

export interface CommentSeed {
  projectId: number;
  questionId: number;
  /** Omitted: a new respondent, made with `respondent`. */
  respondentId?: number;
  respondent?: RespondentOverrides;
  text?: string;
  /** Defaults to "not one of the default placeholder answers". */
  substantive?: boolean;
}

/** A comment, with its matching form computed as an import would. */
export function comment(db: Db, seed: CommentSeed): number {
  const text = seed.text ?? unique('Answer');
  const respondentId =
    seed.respondentId ?? respondent(db, seed.projectId, seed.respondent);
  return db
    .insert(comments)
    .values({
      projectId: seed.projectId,
      respondentId,
      questionId: seed.questionId,
      text,
      normText: matchingForm(text),
      substantive: seed.substantive ?? !isPlaceholder(text),
    })
    .returning()
    .get().id;
}

export type ThemeOverrides = Partial<NewTheme> & { archived?: boolean };

/** A theme written as the codebook writes one, archived if asked. */
export function theme(
  db: Db,
  projectId: number,
  overrides: ThemeOverrides = {},
): number {
  const { archived = false, name = unique('Theme'), ...rest } = overrides;
  const id = insertTheme(db, projectId, { name, ...rest }).id;
  if (archived) {
    db.update(themes).set({ archived }).where(eq(themes.id, id)).run();
  }
  return id;
}

/** A coder; the same name gives the same coder. */
export function coder(
  db: Db,
  overrides: { name?: string; kind?: 'person' | 'import' } = {},
): number {
  const name = overrides.name ?? unique('coder');
  return ensureCoder(db, name, overrides.kind ?? 'person');
}

export interface CodingOverrides {
  /** Defaults to a new person coder. */
  coderId?: number;
  /** The coder's theme set; empty means "no theme applies". */
  themeIds?: number[];
}

/** A coder's coding of a comment; returns the coding's id. */
export function coding(
  db: Db,
  commentId: number,
  overrides: CodingOverrides = {},
): number {
  const coderId = overrides.coderId ?? coder(db);
  const codingId = db
    .insert(codings)
    .values({ commentId, coderId })
    .returning()
    .get().id;
  for (const themeId of overrides.themeIds ?? []) {
    db.insert(codingThemes).values({ codingId, themeId }).run();
  }
  return codingId;
}

/** A lead's decision on a comment (its final coding). */
export function finalCoding(
  db: Db,
  commentId: number,
  overrides: { decidedBy?: number; themeIds?: number[] } = {},
): void {
  const decidedBy = overrides.decidedBy ?? coder(db, { name: 'lead' });
  db.insert(finalCodings).values({ commentId, decidedBy }).run();
  for (const themeId of overrides.themeIds ?? []) {
    db.insert(finalCodingThemes).values({ commentId, themeId }).run();
  }
}

function rowCount(
  db: Db,
  table: typeof respondentGroups | typeof questions,
  projectId: number,
): number {
  return (
    db
      .select({ n: count() })
      .from(table)
      .where(eq(table.projectId, projectId))
      .get()?.n ?? 0
  );
}

export interface SurveySpec<
  G extends string,
  Q extends string,
  T extends string,
  C extends string,
> {
  name?: string;
  groups?: readonly G[];
  /** Question keys, in position order. */
  questions?: readonly Q[];
  themes?: readonly T[];
  /** Person coders. */
  coders?: readonly C[];
}

export interface Survey<
  G extends string,
  Q extends string,
  T extends string,
  C extends string,
> {
  projectId: number;
  groups: Record<G, number>;
  questions: Record<Q, number>;
  themes: Record<T, number>;
  coders: Record<C, number>;
}

/**
 * A project with its groups, questions, themes and coders made from names,
 * each returned as a record from name to id: the frame most report tests
 * then fill with respondents, comments and codings.
 */
export function survey<
  G extends string = never,
  Q extends string = never,
  T extends string = never,
  C extends string = never,
>(db: Db, spec: SurveySpec<G, Q, T, C> = {}): Survey<G, Q, T, C> {
  const projectId = project(db, spec.name ? { name: spec.name } : {});
  const byName = <K extends string>(
    names: readonly K[] | undefined,
    make: (name: K) => number,
  ) =>
    Object.fromEntries((names ?? []).map((n) => [n, make(n)])) as Record<
      K,
      number
    >;
  return {
    projectId,
    groups: byName(spec.groups, (name) => group(db, projectId, { name })),
    questions: byName(spec.questions, (key) =>
      question(db, projectId, { key }),
    ),
    themes: byName(spec.themes, (name) => theme(db, projectId, { name })),
    coders: byName(spec.coders, (name) => coder(db, { name })),
  };
}
