/**
 * The rows of each export, header first. Values are plain: the writers
 * decide how text is made safe for their format, so no text escapes it
 * whichever table it comes from.
 */
import { FINAL_CODER_NAME } from '../../shared/api/export';
import { NO_GROUP_NAME } from '../../shared/counting';
import { SETTLED_STATUSES } from '../../shared/final-coding';
import type { Db } from '../db/open-database';
import { themeCounts, codebookThemes } from '../report/counts-repository';
import { scopedSql, type CountScope } from '../report/final-coding-sql';

export type Cell = string | number | null;
export type Row = Cell[];

/** A counts table and the words saying what it counts. */
export interface CountsTable {
  rows: Row[];
  counted: string;
  note: string;
}

/**
 * One row per reported theme × open question × group, as in the report;
 * with `groupId` (null: respondents without a group) only that group's.
 */
export function countsTable(
  db: Db,
  scope: CountScope,
  coder: { id: number; name: string } | null,
  groupId?: number | null,
): CountsTable {
  const reply = themeCounts(db, scope, coder);
  const questions = new Map(reply.questions.map((q) => [q.id, q]));
  const groups = new Map(reply.groups.map((g) => [g.id, g]));
  const themes = new Map(reply.themes.map((t) => [t.id, t]));
  const cells =
    groupId === undefined
      ? reply.cells
      : reply.cells.filter((cell) => cell.groupId === groupId);
  const rows: Row[] = [
    [
      'question_key',
      'question',
      'group',
      'theme',
      'archived',
      'count',
      // The spec's base: every substantive comment of question × group.
      'base_all_comments',
      'percent_of_all',
      // Only the comments coded so far (a final coding), for partial work.
      'base_coded_comments',
      'percent_of_coded',
    ],
  ];
  for (const cell of cells) {
    const question = questions.get(cell.questionId);
    rows.push([
      question?.key ?? '',
      question?.label ?? '',
      groups.get(cell.groupId)?.name ?? NO_GROUP_NAME,
      themes.get(cell.themeId)?.name ?? '',
      themes.get(cell.themeId)?.archived ? 1 : 0,
      cell.count,
      cell.base,
      cell.percent,
      cell.codedBase,
      cell.percentOfCoded,
    ]);
  }
  return { rows, counted: reply.counted, note: reply.note };
}

interface LongRow {
  respondentId: string;
  groupName: string | null;
  questionKey: string;
  questionLabel: string;
  commentId: number;
  text: string;
  coder: string | null;
  theme: string | null;
}

/** The first columns of both codings exports: who answered what. */
const COMMENT_HEADER = [
  'respondent_id',
  'group',
  'question_key',
  'question',
  'comment_id',
  'comment',
];

function commentCells(row: Omit<LongRow, 'coder' | 'theme'>): Row {
  return [
    row.respondentId,
    row.groupName ?? NO_GROUP_NAME,
    row.questionKey,
    row.questionLabel,
    row.commentId,
    row.text,
  ];
}

const COMMENT_COLUMNS = `
  resp.external_id AS respondentId, g.name AS groupName,
  q.key AS questionKey, q.label AS questionLabel,
  c.id AS commentId, c.text`;

const COMMENT_JOINS = `
  JOIN comments c ON c.id = x.comment_id
  JOIN respondents resp ON resp.id = c.respondent_id
  LEFT JOIN respondent_groups g ON g.id = resp.group_id
  JOIN questions q ON q.id = c.question_id`;

/**
 * One row per theme of each coding, then the final coding as coder
 * `(final)`. A coding without themes is one row with an empty theme; a
 * comment nobody coded is one row with empty coder and theme, so every
 * comment appears. With a coder, only that coder's rows and no final ones.
 */
export function* codingsLongTable(db: Db, scope: CountScope): Generator<Row> {
  const { with: cte, params } = scopedSql(scope);
  const byCoder = scope.coderId === null ? '' : 'AND cd.coder_id = @coderId';
  const finalRows =
    scope.coderId !== null
      ? ''
      : `UNION ALL
         SELECT r.comment_id, 1, @finalName, t.name, t.position
         FROM resolved r
         LEFT JOIN final_coding_themes ft ON ft.comment_id = r.comment_id
         LEFT JOIN themes t ON t.id = ft.theme_id
         WHERE r.status = 'decided'
         UNION ALL
         SELECT r.comment_id, 1, @finalName, t.name, t.position
         FROM resolved r
         LEFT JOIN coding_themes ct ON ct.coding_id = r.coding_id
         LEFT JOIN themes t ON t.id = ct.theme_id
         WHERE r.status IN ('single', 'agreed')`;
  const statement = db.$client.prepare<unknown[], LongRow>(
    `${cte},
     x AS (
       SELECT r.comment_id, 0 AS final, co.name AS coder, t.name AS theme,
         t.position AS position
       FROM resolved r
       JOIN codings cd ON cd.comment_id = r.comment_id ${byCoder}
       JOIN coders co ON co.id = cd.coder_id
       LEFT JOIN coding_themes ct ON ct.coding_id = cd.id
       LEFT JOIN themes t ON t.id = ct.theme_id
       ${finalRows}
       UNION ALL
       SELECT r.comment_id, 0, NULL, NULL, NULL
       FROM resolved r
       WHERE NOT EXISTS (
         SELECT 1 FROM codings cd WHERE cd.comment_id = r.comment_id ${byCoder})
     )
     SELECT ${COMMENT_COLUMNS}, x.coder, x.theme
     FROM x ${COMMENT_JOINS}
     ORDER BY c.id, x.final, x.coder, x.position, x.theme`,
  );

  yield [...COMMENT_HEADER, 'coder', 'theme'];
  for (const row of statement.iterate({
    ...params,
    finalName: FINAL_CODER_NAME,
  })) {
    yield [...commentCells(row), row.coder ?? '', row.theme ?? ''];
  }
}

interface WideRow extends Omit<LongRow, 'coder' | 'theme'> {
  attributes: string;
  substantive: number;
  status: string;
  themeIds: string | null;
}

/**
 * One row per comment: who and where, the respondent's attributes, then a
 * 0/1 column per theme of the final coding in codebook order. Comments with
 * no final coding (unreconciled, uncoded) leave the theme columns empty.
 */
export function* codingsWideTable(db: Db, scope: CountScope): Generator<Row> {
  const themes = wideThemes(db, scope);
  const attributeNames = projectAttributeNames(db, scope.projectId);
  const { with: cte, params } = scopedSql(scope);
  const statement = db.$client.prepare<unknown[], WideRow>(
    `${cte}
     SELECT ${COMMENT_COLUMNS}, resp.attributes, x.substantive, x.status,
       CASE
         WHEN x.status = 'decided' THEN (
           SELECT group_concat(theme_id) FROM final_coding_themes
           WHERE comment_id = x.comment_id)
         ELSE (
           SELECT group_concat(theme_id) FROM coding_themes
           WHERE coding_id = x.coding_id)
       END AS themeIds
     FROM resolved x ${COMMENT_JOINS}
     ORDER BY c.id`,
  );

  yield [
    ...COMMENT_HEADER,
    'placeholder',
    'status',
    ...attributeNames,
    ...themes.map((t) => t.name),
  ];
  for (const row of statement.iterate(params)) {
    const attributes = JSON.parse(row.attributes) as Record<string, unknown>;
    const settled = (SETTLED_STATUSES as readonly string[]).includes(
      row.status,
    );
    const carried = new Set((row.themeIds ?? '').split(',').map(Number));
    yield [
      ...commentCells(row),
      row.substantive ? 0 : 1,
      settled ? 'coded' : row.status,
      ...attributeNames.map((name) => attributeText(attributes[name])),
      ...themes.map((t) => (settled ? (carried.has(t.id) ? 1 : 0) : null)),
    ];
  }
}

/**
 * The theme columns: the codebook, less archived themes no final coding in
 * scope carries (a merged theme would be a column of zeros), as in counts.
 */
function wideThemes(db: Db, scope: CountScope) {
  const themes = codebookThemes(db, scope.projectId);
  const archived = themes.filter((t) => t.archived).map((t) => t.id);
  if (archived.length === 0) return themes;
  const { with: cte, params } = scopedSql(scope);
  const carried = new Set(
    db.$client
      .prepare<unknown[], number>(
        `${cte}
         SELECT DISTINCT theme_id FROM final_themes
         WHERE theme_id IN (SELECT value FROM json_each(@archived))`,
      )
      .pluck()
      .all({ ...params, archived: JSON.stringify(archived) }),
  );
  return themes.filter((t) => !t.archived || carried.has(t.id));
}

function attributeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Attribute names in the order respondents first carry them. */
function projectAttributeNames(db: Db, projectId: number): string[] {
  return db.$client
    .prepare<unknown[], { key: string }>(
      `SELECT a.key FROM respondents r, json_each(r.attributes) a
       WHERE r.project_id = ?
       GROUP BY a.key ORDER BY min(r.id), min(a.id)`,
    )
    .all(projectId)
    .map((row) => row.key);
}
