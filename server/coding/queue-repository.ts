import {
  groupAttributeFilters,
  type AttributeFilter,
} from '../../shared/counting';
import type { QueueStatus } from '../../shared/api/coding';
import type { Db } from '../db/open-database';

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
  commentIds: number[];
}

type Params = Record<string, string | number>;

/** `%`, `_` and the escape character itself, taken literally by LIKE. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function attributeConditions(
  attributes: readonly AttributeFilter[],
  params: Params,
): string[] {
  return [...groupAttributeFilters(attributes)].map(([name, values], i) => {
    params[`attrName${i}`] = name;
    const list = values.map((value, j) => {
      params[`attrValue${i}_${j}`] = value;
      return `@attrValue${i}_${j}`;
    });
    return `EXISTS (SELECT 1 FROM json_each(r.attributes) a
      WHERE a.key = @attrName${i}
        AND CAST(a.value AS TEXT) IN (${list.join(', ')}))`;
  });
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
  conditions.push(...attributeConditions(filters.attributes, params));
  return conditions.join(' AND ');
}

/**
 * The coding queue: the project's comments passing the filters, ordered by
 * respondent then question, with how many the coder has coded. `total` and
 * `coded` ignore the status filter, so "312 of 1,879 coded" stays true
 * while the list shows only the uncoded ones.
 */
export function findQueue(db: Db, filters: QueueFilters): Queue {
  const params: Params = { coderId: filters.coderId };
  const rows = db.$client
    .prepare(
      `SELECT c.id,
         EXISTS (SELECT 1 FROM codings k
                 WHERE k.comment_id = c.id AND k.coder_id = @coderId)
       FROM comments c
       JOIN respondents r ON r.id = c.respondent_id
       JOIN questions q ON q.id = c.question_id
       WHERE ${whereClause(filters, params)}
       ORDER BY c.respondent_id, q.position, c.question_id`,
    )
    .raw()
    .all(params) as Array<[number, number]>;

  let coded = 0;
  const commentIds: number[] = [];
  for (const [id, isCoded] of rows) {
    if (isCoded) coded += 1;
    const wanted =
      filters.status === 'all' ||
      (filters.status === 'coded') === (isCoded === 1);
    if (wanted) commentIds.push(id);
  }
  return { total: rows.length, coded, commentIds };
}

/** True when the project exists. */
export function projectExists(db: Db, projectId: number): boolean {
  return (
    db.$client.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId) !==
    undefined
  );
}
