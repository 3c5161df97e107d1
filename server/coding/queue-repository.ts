import type { AttributeFilter } from '../../shared/counting';
import type { QueueStatus } from '../../shared/api/coding';
import type { Db } from '../db/open-database';
import { attributeCondition, scopedSql } from '../report/final-coding-sql';
import { hasOnlySingleCodings } from '../report/scope';

export interface QueueFilters {
  projectId: number;
  coderId: number;
  questionId?: number;
  groupId?: number;
  status: QueueStatus;
  /** Already in matching form (trimmed, NFKC); '' for no search. */
  search: string;
  includePlaceholders: boolean;
  attributes: readonly AttributeFilter[];
}

export interface Queue {
  total: number;
  coded: number;
  codedByMe: number;
  unreconciled: number;
  commentIds: number[];
}

type Params = Record<string, string | number>;

/** `%`, `_` and the escape character itself, taken literally by LIKE. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereClause(filters: QueueFilters, params: Params): string {
  const conditions = ['c.project_id = @projectId'];
  params.projectId = filters.projectId;
  if (filters.questionId !== undefined) {
    conditions.push('c.question_id = @questionId');
    params.questionId = filters.questionId;
  }
  if (filters.groupId !== undefined) {
    conditions.push('r.group_id = @groupId');
    params.groupId = filters.groupId;
  }
  if (!filters.includePlaceholders) conditions.push('c.substantive = 1');
  if (filters.search !== '') {
    // LIKE ignores case for ASCII letters only (SQLite without ICU).
    conditions.push(`c.norm_text LIKE @search ESCAPE '\\'`);
    params.search = likePattern(filters.search);
  }
  // The same condition (and parameter names) as the report's scope, so
  // the unreconciled look-up below can share these parameters.
  const attributes = attributeCondition(filters.attributes);
  Object.assign(params, attributes.params);
  return conditions.join(' AND ') + attributes.sql;
}

/** Group and attribute filters read the respondent; others need not. */
function needsRespondents(filters: QueueFilters): boolean {
  return filters.groupId !== undefined || filters.attributes.length > 0;
}

/** Question id → position, to order each respondent's comments. */
function questionPositions(db: Db, projectId: number): Map<number, number> {
  const rows = db.$client
    .prepare('SELECT id, position FROM questions WHERE project_id = ?')
    .raw()
    .all(projectId) as Array<[number, number]>;
  return new Map(rows);
}

/** True when ordering by question id already orders by position. */
function positionsFollowIds(positions: ReadonlyMap<number, number>): boolean {
  const byId = [...positions.entries()].sort((a, b) => a[0] - b[0]);
  return byId.every(([, p], i) => i === 0 || p >= (byId[i - 1]?.[1] ?? p));
}

/**
 * Respondent then question order. When question ids follow positions (the
 * usual case: an import creates questions in order) the covering index
 * comments_queue yields this order without a sort; otherwise SQLite sorts
 * each respondent's few comments by position.
 */
function orderBy(followsIds: boolean): string {
  return followsIds
    ? 'ORDER BY c.respondent_id, c.question_id'
    : 'ORDER BY c.respondent_id, q.position, c.question_id';
}

const CODED_BY_ANYONE =
  'EXISTS (SELECT 1 FROM codings k WHERE k.comment_id = c.id)';
/** The unique index codings_comment_coder answers this without a scan. */
const CODED_BY_ME = `EXISTS (SELECT 1 FROM codings k
  WHERE k.comment_id = c.id AND k.coder_id = @coderId)`;

/**
 * Unreconciled comments, resolved by the report's own final-coding rule
 * (`scopedSql`) so the queue and the counts cannot disagree: the `WITH`
 * clause to put first and the condition on `c` it makes possible. When no
 * comment of the project has a second coding or a lead decision none can
 * be unreconciled, and the costly comparison of theme sets is skipped.
 */
function unreconciledSql(
  db: Db,
  filters: QueueFilters,
  params: Params,
): { with: string; condition: string } {
  if (hasOnlySingleCodings(db, filters.projectId)) {
    return { with: '', condition: '0' };
  }
  const scoped = scopedSql({
    projectId: filters.projectId,
    filters: filters.attributes,
    coderId: null,
  });
  // Same names and values as the queue's own project and attribute
  // parameters (both come from `attributeCondition`).
  Object.assign(params, scoped.params);
  return {
    with: scoped.with,
    condition: `c.id IN (SELECT comment_id FROM resolved
      WHERE status = 'unreconciled')`,
  };
}

/** The SQL condition of a status; null for `all`. */
function statusCondition(
  status: QueueStatus,
  unreconciled: string,
): string | null {
  switch (status) {
    case 'uncoded':
      return `NOT ${CODED_BY_ANYONE}`;
    case 'coded':
      return CODED_BY_ANYONE;
    case 'mine':
      return CODED_BY_ME;
    case 'not-mine':
      return `NOT ${CODED_BY_ME}`;
    case 'unreconciled':
      return unreconciled;
    case 'all':
      return null;
  }
}

/**
 * The coding queue: the project's comments passing the filters, ordered by
 * respondent then question. `total`, `coded` (by anyone), `codedByMe` and
 * `unreconciled` ignore the status filter, so "312 of 1,879 coded" stays
 * true while the list shows only the uncoded ones. Counting happens in
 * SQL, within the filtered comments of this project only.
 */
export function findQueue(db: Db, filters: QueueFilters): Queue {
  const params: Params = { coderId: filters.coderId };
  const followsIds = positionsFollowIds(
    questionPositions(db, filters.projectId),
  );
  const respondentJoin = needsRespondents(filters)
    ? 'JOIN respondents r ON r.id = c.respondent_id'
    : '';
  const where = whereClause(filters, params);
  const unreconciled = unreconciledSql(db, filters, params);

  const counts = db.$client
    .prepare(
      `${unreconciled.with}
       SELECT count(*) AS total,
              coalesce(sum(${CODED_BY_ANYONE}), 0) AS coded,
              coalesce(sum(${CODED_BY_ME}), 0) AS codedByMe,
              coalesce(sum(${unreconciled.condition}), 0) AS unreconciled
       FROM comments c ${respondentJoin} WHERE ${where}`,
    )
    .get(params) as Omit<Queue, 'commentIds'>;

  const status = statusCondition(filters.status, unreconciled.condition);
  const joins = [
    respondentJoin,
    followsIds ? '' : 'JOIN questions q ON q.id = c.question_id',
  ];
  // One plucked column: building a row object per comment would cost more
  // than the query itself on a few hundred thousand comments.
  const commentIds = db.$client
    .prepare(
      `${filters.status === 'unreconciled' ? unreconciled.with : ''}
       SELECT c.id FROM comments c ${joins.join(' ')}
       WHERE ${where} ${status === null ? '' : `AND ${status}`}
       ${orderBy(followsIds)}`,
    )
    .pluck()
    .all(params) as number[];
  return { ...counts, commentIds };
}

/** True when the project exists. */
export function projectExists(db: Db, projectId: number): boolean {
  return (
    db.$client.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId) !==
    undefined
  );
}
