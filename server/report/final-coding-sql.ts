/**
 * The final-coding rule of `shared/final-coding.ts`, written as SQL common
 * table expressions so that counts and exports resolve every comment in
 * the database instead of loading codings into memory.
 *
 * - `scope(comment_id, question_id, group_id, substantive)`: the project's
 *   comments whose respondents pass the attribute filters.
 * - `resolved(…, status, coding_id)`: each comment's final-coding status
 *   (`decided`, `single`, `agreed`, `unreconciled`, `uncoded`) and, unless
 *   a lead decided, the coding whose themes are final. An agreed comment
 *   takes any one of its identical codings (the lowest id); `coding_id` is
 *   null unless the status is `single` or `agreed`. Materialised (as
 *   `compared`): the counts read it twice, for bases and for themes, and
 *   the comparison of theme sets must run once per comment.
 * - `final_themes(comment_id, question_id, group_id, substantive,
 *   theme_id)`: one row per theme of each final coding.
 *
 * With a coder id the rule is simpler: that coder's coding is the one
 * counted, and comments they have not coded are uncoded.
 */
import { SETTLED_STATUSES } from '../../shared/final-coding';
import {
  groupAttributeFilters,
  type AttributeFilter,
} from '../../shared/counting';

export interface CountScope {
  projectId: number;
  filters: readonly AttributeFilter[];
  /** Count this coder's codings instead of the final codings. */
  coderId: number | null;
  /**
   * Set when no comment of the project has a lead decision or more than
   * one coding (see `hasOnlySingleCodings`): each comment's final coding is
   * then its one coding, and the per-comment comparison is skipped.
   */
  singleCodingsOnly?: boolean;
}

export type SqlParams = Record<string, string | number>;

export interface ScopedSql {
  /** `WITH scope AS (…), resolved AS (…), final_themes AS (…)` */
  with: string;
  params: SqlParams;
}

/**
 * The condition on respondents `r` for the attribute filters, with its
 * named parameters. Values are compared as text, so a number stored in the
 * attributes JSON matches its written form.
 */
export function attributeCondition(filters: readonly AttributeFilter[]): {
  sql: string;
  params: SqlParams;
} {
  const params: SqlParams = {};
  const parts: string[] = [];
  [...groupAttributeFilters(filters)].forEach(([name, values], i) => {
    params[`attrName${i}`] = name;
    const placeholders = values.map((value, j) => {
      params[`attrValue${i}_${j}`] = value;
      return `@attrValue${i}_${j}`;
    });
    parts.push(
      `EXISTS (SELECT 1 FROM json_each(r.attributes) a WHERE a.key = @attrName${i} AND CAST(a.value AS TEXT) IN (${placeholders.join(', ')}))`,
    );
  });
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

const SCOPE = (attributes: string) => `
  scope AS (
    SELECT c.id AS comment_id, c.question_id, r.group_id, c.substantive
    FROM comments c
    JOIN respondents r ON r.id = c.respondent_id
    WHERE c.project_id = @projectId${attributes}
  )`;

// Per comment: is there a lead decision, how many codings, and the first
// of them. Only comments with two or more codings pay for comparing theme
// sets: each coding's sorted theme ids joined into one string, counted
// distinct. Correlated look-ups keep the cost in proportion to the scope,
// so a filter on one local authority reads only its comments.
const RESOLVED_FINAL = `
  looked_up AS (
    SELECT s.*,
      EXISTS (
        SELECT 1 FROM final_codings f WHERE f.comment_id = s.comment_id
      ) AS decided,
      (SELECT count(*) FROM codings o WHERE o.comment_id = s.comment_id)
        AS codings,
      (SELECT min(o.id) FROM codings o WHERE o.comment_id = s.comment_id)
        AS first_coding
    FROM scope s
  ),
  compared AS MATERIALIZED (
    SELECT x.*,
      CASE WHEN NOT decided AND codings > 1 THEN (
        SELECT count(DISTINCT coalesce((
          SELECT group_concat(ct.theme_id, ',' ORDER BY ct.theme_id)
          FROM coding_themes ct WHERE ct.coding_id = o.id
        ), ''))
        FROM codings o WHERE o.comment_id = x.comment_id
      ) END AS variants
    FROM looked_up x
  ),
  resolved AS (
    SELECT comment_id, question_id, group_id, substantive,
      CASE
        WHEN decided THEN 'decided'
        WHEN codings = 0 THEN 'uncoded'
        WHEN codings = 1 THEN 'single'
        WHEN variants = 1 THEN 'agreed'
        ELSE 'unreconciled'
      END AS status,
      CASE
        WHEN NOT decided AND (codings = 1 OR variants = 1) THEN first_coding
      END AS coding_id
    FROM compared
  )`;

const RESOLVED_CODER = `
  resolved AS MATERIALIZED (
    SELECT s.comment_id, s.question_id, s.group_id, s.substantive,
      CASE WHEN cd.id IS NULL THEN 'uncoded' ELSE 'single' END AS status,
      cd.id AS coding_id
    FROM scope s
    LEFT JOIN codings cd
      ON cd.comment_id = s.comment_id AND cd.coder_id = @coderId
  )`;

// Every comment has at most one coding and none has a lead decision.
const RESOLVED_SINGLE = `
  resolved AS MATERIALIZED (
    SELECT s.comment_id, s.question_id, s.group_id, s.substantive,
      CASE WHEN cd.id IS NULL THEN 'uncoded' ELSE 'single' END AS status,
      cd.id AS coding_id
    FROM scope s
    LEFT JOIN codings cd ON cd.comment_id = s.comment_id
  )`;

const FINAL_THEMES = `
  final_themes AS (
    SELECT r.comment_id, r.question_id, r.group_id, r.substantive,
      ft.theme_id
    FROM resolved r
    JOIN final_coding_themes ft ON ft.comment_id = r.comment_id
    WHERE r.status = 'decided'
    UNION ALL
    SELECT r.comment_id, r.question_id, r.group_id, r.substantive,
      ct.theme_id
    FROM resolved r
    JOIN coding_themes ct ON ct.coding_id = r.coding_id
    WHERE r.coding_id IS NOT NULL
  )`;

/** The CTEs for one project, filter set and (optional) coder. */
export function scopedSql(scope: CountScope): ScopedSql {
  const attributes = attributeCondition(scope.filters);
  const params: SqlParams = {
    projectId: scope.projectId,
    ...attributes.params,
  };
  if (scope.coderId !== null) params.coderId = scope.coderId;
  const resolved =
    scope.coderId !== null
      ? RESOLVED_CODER
      : scope.singleCodingsOnly
        ? RESOLVED_SINGLE
        : RESOLVED_FINAL;
  return {
    with: `WITH ${SCOPE(attributes.sql)},${resolved},${FINAL_THEMES}`,
    params,
  };
}

/** SQL condition: the status of `r` carries a final set of themes. */
export const SETTLED = `r.status IN (${SETTLED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
