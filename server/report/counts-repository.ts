import { and, asc, eq } from 'drizzle-orm';
import {
  COUNT_NOTE,
  NO_GROUP_NAME,
  cellFigures,
  cellKey,
  emptyBase,
  isReported,
  type CellBase,
} from '../../shared/counting';
import type { CountsReply } from '../../shared/api/report';
import type { Db } from '../db/open-database';
import { coders, questions, respondentGroups, themes } from '../db/schema';
import {
  attributeCondition,
  scopedSql,
  type CountScope,
} from './final-coding-sql';

/** The project's open questions, in the order they were asked. */
export function openQuestions(db: Db, projectId: number) {
  return db
    .select({ id: questions.id, key: questions.key, label: questions.label })
    .from(questions)
    .where(and(eq(questions.projectId, projectId), eq(questions.kind, 'open')))
    .orderBy(asc(questions.position), asc(questions.id))
    .all();
}

/** The codebook in its own order, archived themes included. */
export function codebookThemes(db: Db, projectId: number) {
  return db
    .select({
      id: themes.id,
      name: themes.name,
      colour: themes.colour,
      archived: themes.archived,
      parentId: themes.parentId,
    })
    .from(themes)
    .where(eq(themes.projectId, projectId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
}

export function findCoder(db: Db, coderId: number) {
  return (
    db
      .select({ id: coders.id, name: coders.name })
      .from(coders)
      .where(eq(coders.id, coderId))
      .get() ?? null
  );
}

/** Groups with their respondents in scope; "(no group)" when any lack one. */
export function groupsInScope(db: Db, scope: CountScope) {
  const attributes = attributeCondition(scope.filters);
  const respondentCounts = db.$client
    .prepare<unknown[], { groupId: number | null; respondents: number }>(
      `SELECT r.group_id AS groupId, count(*) AS respondents
       FROM respondents r
       WHERE r.project_id = @projectId${attributes.sql}
       GROUP BY r.group_id`,
    )
    .all({ projectId: scope.projectId, ...attributes.params });
  const byGroup = new Map(
    respondentCounts.map((g) => [g.groupId, g.respondents]),
  );

  const groups: Array<{
    id: number | null;
    name: string;
    respondents: number;
  }> = db
    .select({ id: respondentGroups.id, name: respondentGroups.name })
    .from(respondentGroups)
    .where(eq(respondentGroups.projectId, scope.projectId))
    .orderBy(asc(respondentGroups.position), asc(respondentGroups.id))
    .all()
    .map((g) => ({ ...g, respondents: byGroup.get(g.id) ?? 0 }));
  const ungrouped = byGroup.get(null);
  if (ungrouped) {
    groups.push({ id: null, name: NO_GROUP_NAME, respondents: ungrouped });
  }
  return groups;
}

interface CountedRow {
  themeId: number | null;
  questionId: number;
  groupId: number | null;
  /** Substantive comments, or for a theme row its count. */
  comments: number;
  /** Every comment, placeholders included. */
  answers: number;
  unreconciled: number;
  uncoded: number;
}

/**
 * Bases and theme counts in one statement, so the comments are resolved
 * to their final codings once: rows with a null theme id are the bases of
 * a question × group, the others the count of one theme there. The bases
 * take as few comparisons per comment as they can (placeholders and coded
 * comments are what is left over, see `baseOf`): this runs over every
 * comment in scope, and the count's speed is benchmarked.
 */
function countRows(db: Db, scope: CountScope): CountedRow[] {
  if (scope.coderId !== null || scope.singleCodingsOnly) {
    return countRowsBySets(db, scope);
  }
  const { with: cte, params } = scopedSql(scope);
  return db.$client
    .prepare<unknown[], CountedRow>(
      `${cte}
       SELECT NULL AS themeId, question_id AS questionId,
         group_id AS groupId,
         sum(substantive) AS comments,
         count(*) AS answers,
         coalesce(sum(CASE WHEN substantive THEN status END
           = 'unreconciled'), 0) AS unreconciled,
         coalesce(sum(CASE WHEN substantive THEN status END = 'uncoded'), 0)
           AS uncoded
       FROM resolved
       GROUP BY question_id, group_id
       UNION ALL
       SELECT theme_id, question_id, group_id, count(*), 0, 0, 0
       FROM final_themes
       WHERE substantive
       GROUP BY theme_id, question_id, group_id`,
    )
    .all(params);
}

interface ThemeSetRow {
  questionId: number;
  groupId: number | null;
  substantive: number;
  /** Comma-separated theme ids; '' for "no theme applies", null uncoded. */
  themes: string | null;
  n: number;
}

/**
 * Counts for a scope where each comment has at most one coding that
 * counts (one coder's, or the only one): a single pass groups comments by
 * question, group and their set of themes, and the sets are then spread
 * over their themes here. The distinct sets are few next to the comments,
 * so bases and theme counts come from one read of the comments.
 */
function countRowsBySets(db: Db, scope: CountScope): CountedRow[] {
  const attributes = attributeCondition(scope.filters);
  const params: Record<string, string | number> = {
    projectId: scope.projectId,
    ...attributes.params,
  };
  let coderCondition = '';
  if (scope.coderId !== null) {
    params.coderId = scope.coderId;
    coderCondition = ' AND k.coder_id = @coderId';
  }
  const sets = db.$client
    .prepare<unknown[], ThemeSetRow>(
      `SELECT c.question_id AS questionId, r.group_id AS groupId,
         c.substantive AS substantive,
         CASE WHEN k.id IS NULL THEN NULL ELSE coalesce((
           SELECT group_concat(ct.theme_id) FROM coding_themes ct
           WHERE ct.coding_id = k.id
         ), '') END AS themes,
         count(*) AS n
       FROM respondents r
       JOIN comments c
         ON c.project_id = r.project_id AND c.respondent_id = r.id
       LEFT JOIN codings k ON k.comment_id = c.id${coderCondition}
       WHERE r.project_id = @projectId${attributes.sql}
       GROUP BY 1, 2, 3, 4`,
    )
    .all(params);

  const rows = new Map<string, CountedRow>();
  const row = (
    themeId: number | null,
    questionId: number,
    groupId: number | null,
  ) => {
    const key = cellKey(questionId, groupId, themeId ?? undefined);
    let found = rows.get(key);
    if (!found) {
      found = {
        themeId,
        questionId,
        groupId,
        comments: 0,
        answers: 0,
        unreconciled: 0,
        uncoded: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  for (const set of sets) {
    const base = row(null, set.questionId, set.groupId);
    base.answers += set.n;
    if (!set.substantive) continue;
    base.comments += set.n;
    if (set.themes === null) {
      base.uncoded += set.n;
      continue;
    }
    for (const id of set.themes === '' ? [] : set.themes.split(',')) {
      row(Number(id), set.questionId, set.groupId).comments += set.n;
    }
  }
  return [...rows.values()];
}

/** The base figures of a bases row: every status is one of five. */
function baseOf(row: CountedRow): CellBase {
  const { comments, answers, unreconciled, uncoded } = row;
  return {
    comments,
    placeholders: answers - comments,
    coded: comments - unreconciled - uncoded,
    unreconciled,
    uncoded,
  };
}

/**
 * Theme counts for the report: every reported theme (see `isReported`) ×
 * open question × group, zeros included, with the bases each percentage is
 * taken of.
 */
export function themeCounts(
  db: Db,
  scope: CountScope,
  coder: { id: number; name: string } | null,
): CountsReply {
  const questionList = openQuestions(db, scope.projectId);
  const themeList = codebookThemes(db, scope.projectId);
  const groups = groupsInScope(db, scope);

  const bases = new Map<string, CellBase>();
  const counts = new Map<string, number>();
  // A theme's total runs over the open questions, as its cells do.
  const totals = new Map<number, number>();
  const open = new Set(questionList.map((q) => q.id));
  for (const row of countRows(db, scope)) {
    const { themeId, questionId, groupId, comments: count } = row;
    if (themeId === null) {
      bases.set(cellKey(questionId, groupId), baseOf(row));
      continue;
    }
    counts.set(cellKey(questionId, groupId, themeId), count);
    if (open.has(questionId)) {
      totals.set(themeId, (totals.get(themeId) ?? 0) + count);
    }
  }

  const reported = themeList
    .map((t) => ({ ...t, total: totals.get(t.id) ?? 0 }))
    .filter(isReported);

  const cells: CountsReply['cells'] = [];
  for (const theme of reported) {
    for (const question of questionList) {
      for (const group of groups) {
        const count = counts.get(cellKey(question.id, group.id, theme.id)) ?? 0;
        const base = bases.get(cellKey(question.id, group.id)) ?? emptyBase();
        cells.push({
          themeId: theme.id,
          questionId: question.id,
          groupId: group.id,
          ...cellFigures(count, base),
        });
      }
    }
  }

  return {
    counted: describeCount(coder),
    filters: [...scope.filters],
    coder,
    questions: questionList,
    groups: groups.map((group) => ({
      ...group,
      base: Object.fromEntries(
        questionList.map((q) => [
          String(q.id),
          bases.get(cellKey(q.id, group.id)) ?? emptyBase(),
        ]),
      ),
    })),
    themes: reported,
    cells,
    note: COUNT_NOTE,
  };
}

function describeCount(coder: { name: string } | null): string {
  const whose = coder
    ? `the codings of ${coder.name}`
    : 'final codings (a lead decision, the only coding, or the coders’ agreed coding)';
  return `Substantive comments per theme, question and group, by ${whose}. Placeholder answers and comments without a final coding are counted apart.`;
}
