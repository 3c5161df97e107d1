/**
 * The database schema. drizzle-kit generates `migrations/` from this file;
 * the migrations are applied at start-up (see `open-database.ts`).
 *
 * Nothing here assumes a single coder: a coding belongs to (comment, coder),
 * and the final coding of a comment is derived (see `shared/final-coding.ts`)
 * unless a lead has recorded one in `final_codings`.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const createdAt = () => timestamp('created_at');

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON: ProjectSettings (placeholder answers, …). */
  settings: text('settings', { mode: 'json' }).notNull().default('{}'),
  createdAt: createdAt(),
});

export const respondentGroups = sqliteTable(
  'respondent_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('respondent_groups_name').on(t.projectId, t.name)],
);

export const questions = sqliteTable(
  'questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Short stable key, e.g. `worked`, or the column name it came from. */
    key: text('key').notNull(),
    /** The question as asked, shown in the UI. */
    label: text('label').notNull(),
    kind: text('kind', { enum: ['open', 'closed'] }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('questions_key').on(t.projectId, t.key)],
);

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** sha256 of the file's bytes: the same file is never imported twice. */
    contentHash: text('content_hash').notNull(),
    /** JSON: the mapping used and the import's report (counts, skipped). */
    summary: text('summary', { mode: 'json' }).notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('imports_hash').on(t.projectId, t.contentHash)],
);

export const respondents = sqliteTable(
  'respondents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    importId: integer('import_id').references(() => imports.id),
    /** The respondent's id in the source file, kept as text exactly. */
    externalId: text('external_id').notNull(),
    groupId: integer('group_id').references(() => respondentGroups.id),
    /** JSON object of the other columns: local authority, age band, … */
    attributes: text('attributes', { mode: 'json' }).notNull().default('{}'),
  },
  (t) => [
    index('respondents_project').on(t.projectId, t.groupId),
    index('respondents_external').on(t.projectId, t.externalId),
  ],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    respondentId: integer('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id),
    /** Exactly as written in the file (line breaks normalised to \n). */
    text: text('text').notNull(),
    /** Trimmed, NFKC-normalised form used for matching. */
    normText: text('norm_text').notNull(),
    /** False for placeholder answers such as "N/A" or "nothing". */
    substantive: integer('substantive', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('comments_question').on(t.projectId, t.questionId),
    index('comments_respondent').on(t.respondentId),
    // Covers the coding queue: project's comments in respondent order,
    // without reading each row's text.
    index('comments_queue').on(
      t.projectId,
      t.respondentId,
      t.questionId,
      t.substantive,
    ),
  ],
);

/** Answers to closed (Likert) items, for the quantitative module. */
export const closedAnswers = sqliteTable(
  'closed_answers',
  {
    respondentId: integer('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.respondentId, t.questionId] })],
);

export const coders = sqliteTable('coders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** `person` codes by hand; `import` holds codes that came with a file. */
  kind: text('kind', { enum: ['person', 'import'] }).notNull(),
  createdAt: createdAt(),
});

export const themes = sqliteTable(
  'themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Case- and space-insensitive form of the name: unique per project. */
    nameKey: text('name_key').notNull(),
    definition: text('definition').notNull().default(''),
    /** JSON array of keywords and phrases. */
    keywords: text('keywords', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    colour: text('colour').notNull(),
    parentId: integer('parent_id'),
    /** JSON array of group ids, or null for "all groups". */
    groupIds: text('group_ids', { mode: 'json' }).$type<number[] | null>(),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('themes_name_key').on(t.projectId, t.nameKey)],
);

export const codings = sqliteTable(
  'codings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    coderId: integer('coder_id')
      .notNull()
      .references(() => coders.id),
    /** Starts at 1; every save must name the version it replaces. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [
    uniqueIndex('codings_comment_coder').on(t.commentId, t.coderId),
    index('codings_coder').on(t.coderId),
  ],
);

/** The themes of a coding. No rows means "no theme applies". */
export const codingThemes = sqliteTable(
  'coding_themes',
  {
    codingId: integer('coding_id')
      .notNull()
      .references(() => codings.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [
    primaryKey({ columns: [t.codingId, t.themeId] }),
    index('coding_themes_theme').on(t.themeId),
  ],
);

/** A lead's decision for a comment; outranks the coders' codings. */
export const finalCodings = sqliteTable('final_codings', {
  commentId: integer('comment_id')
    .primaryKey()
    .references(() => comments.id, { onDelete: 'cascade' }),
  decidedBy: integer('decided_by')
    .notNull()
    .references(() => coders.id),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at'),
});

export const finalCodingThemes = sqliteTable(
  'final_coding_themes',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => finalCodings.commentId, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.themeId] }),
    index('final_coding_themes_theme').on(t.themeId),
  ],
);

/**
 * Every change of a coding or final coding: who, when, before and after
 * (JSON arrays of theme ids), and why (`save`, `import`, `merge`, …).
 */
export const codingHistory = sqliteTable(
  'coding_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** Whose coding changed; null when the final coding changed. */
    coderId: integer('coder_id').references(() => coders.id),
    /** Who made the change. */
    actorId: integer('actor_id')
      .notNull()
      .references(() => coders.id),
    reason: text('reason').notNull(),
    before: text('before', { mode: 'json' }).$type<number[] | null>(),
    after: text('after', { mode: 'json' }).$type<number[] | null>(),
    at: createdAt(),
  },
  (t) => [index('coding_history_comment').on(t.commentId)],
);

/** Changes to the codebook itself (rename, merge, archive, delete). */
export const themeHistory = sqliteTable('theme_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  /** Not a foreign key: a deleted theme's history stays. */
  themeId: integer('theme_id').notNull(),
  actorId: integer('actor_id')
    .notNull()
    .references(() => coders.id),
  action: text('action').notNull(),
  /** JSON: what changed (old and new name, merged into, …). */
  detail: text('detail', { mode: 'json' }).notNull().default('{}'),
  at: createdAt(),
});
