import type { CommentStatus, ReportComment } from '../../shared/api/report';
import type { Db } from '../db/open-database';
import {
  SETTLED,
  scopedSql,
  type CountScope,
  type SqlParams,
} from './final-coding-sql';

export interface CommentSelection {
  themeId: number | null;
  questionId: number | null;
  /** undefined: any group; null: respondents without a group. */
  groupId: number | null | undefined;
  /** null: the substantive comments (the base of a count). */
  status: CommentStatus | null;
  limit: number;
  offset: number;
}

interface PageRow {
  id: number;
  text: string;
  respondentExternalId: string;
  groupId: number | null;
  groupName: string | null;
  questionId: number;
  questionKey: string;
  questionLabel: string;
  substantive: number;
  status: string;
  codingId: number | null;
}

const STATUS_CONDITIONS: Record<CommentStatus | 'base', string> = {
  base: 'r.substantive',
  placeholder: 'NOT r.substantive',
  coded: `r.substantive AND ${SETTLED}`,
  unreconciled: `r.substantive AND r.status = 'unreconciled'`,
  uncoded: `r.substantive AND r.status = 'uncoded'`,
};

function selectionCondition(selection: CommentSelection, params: SqlParams) {
  const parts = [STATUS_CONDITIONS[selection.status ?? 'base']];
  if (selection.questionId !== null) {
    parts.push('r.question_id = @questionId');
    params.questionId = selection.questionId;
  }
  if (selection.groupId === null) parts.push('r.group_id IS NULL');
  else if (selection.groupId !== undefined) {
    parts.push('r.group_id = @groupId');
    params.groupId = selection.groupId;
  }
  if (selection.themeId !== null) {
    // The same rows the count of this theme counts.
    parts.push(`(
      (r.status = 'decided' AND EXISTS (
        SELECT 1 FROM final_coding_themes ft
        WHERE ft.comment_id = r.comment_id AND ft.theme_id = @themeId))
      OR (r.coding_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM coding_themes ct
        WHERE ct.coding_id = r.coding_id AND ct.theme_id = @themeId)))`);
    params.themeId = selection.themeId;
  }
  return parts.join(' AND ');
}

/** The comments behind one count (or one base figure), a page at a time. */
export function commentsBehindCount(
  db: Db,
  scope: CountScope,
  selection: CommentSelection,
): { total: number; comments: ReportComment[] } {
  const { with: cte, params } = scopedSql(scope);
  const where = selectionCondition(selection, params);

  const total =
    db.$client
      .prepare<unknown[], { n: number }>(
        `${cte} SELECT count(*) AS n FROM resolved r WHERE ${where}`,
      )
      .get(params)?.n ?? 0;
  const rows = db.$client
    .prepare<unknown[], PageRow>(
      `${cte}
       SELECT c.id, c.text, resp.external_id AS respondentExternalId,
         g.id AS groupId, g.name AS groupName, q.id AS questionId,
         q.key AS questionKey, q.label AS questionLabel,
         r.substantive, r.status, r.coding_id AS codingId
       FROM resolved r
       JOIN comments c ON c.id = r.comment_id
       JOIN respondents resp ON resp.id = c.respondent_id
       LEFT JOIN respondent_groups g ON g.id = resp.group_id
       JOIN questions q ON q.id = c.question_id
       WHERE ${where}
       ORDER BY c.id
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: selection.limit, offset: selection.offset });

  const themeNames = finalThemeNames(db, rows);
  return {
    total,
    comments: rows.map((row) => ({
      id: row.id,
      text: row.text,
      respondentExternalId: row.respondentExternalId,
      group:
        row.groupId === null
          ? null
          : { id: row.groupId, name: row.groupName ?? '' },
      question: {
        id: row.questionId,
        key: row.questionKey,
        label: row.questionLabel,
      },
      status: commentStatus(row),
      themes: themeNames.get(row.id) ?? [],
    })),
  };
}

function commentStatus(row: PageRow): CommentStatus {
  if (!row.substantive) return 'placeholder';
  if (row.status === 'unreconciled' || row.status === 'uncoded') {
    return row.status;
  }
  return 'coded';
}

/** Theme names of the final codings of one page of comments. */
function finalThemeNames(db: Db, rows: PageRow[]): Map<number, string[]> {
  const decided = rows.filter((r) => r.status === 'decided').map((r) => r.id);
  const codingIds = rows.flatMap((r) =>
    r.codingId === null ? [] : [r.codingId],
  );
  const found = db.$client
    .prepare<unknown[], { commentId: number; name: string }>(
      `SELECT ft.comment_id AS commentId, t.name, t.position, t.id
       FROM final_coding_themes ft JOIN themes t ON t.id = ft.theme_id
       WHERE ft.comment_id IN (SELECT value FROM json_each(@decided))
       UNION ALL
       SELECT cd.comment_id, t.name, t.position, t.id
       FROM coding_themes ct
       JOIN codings cd ON cd.id = ct.coding_id
       JOIN themes t ON t.id = ct.theme_id
       WHERE ct.coding_id IN (SELECT value FROM json_each(@codingIds))
       ORDER BY 3, 4`,
    )
    .all({
      decided: JSON.stringify(decided),
      codingIds: JSON.stringify(codingIds),
    });
  const names = new Map<number, string[]>();
  for (const { commentId, name } of found) {
    names.set(commentId, [...(names.get(commentId) ?? []), name]);
  }
  return names;
}
