import { and, asc, eq } from 'drizzle-orm';
import {
  COUNT_NOTE,
  NO_GROUP_NAME,
  cellKey,
  emptyBase,
  percentOf,
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

interface CountedRow extends CellBase {
  themeId: number | null;
  questionId: number;
  groupId: number | null;
}

/**
 * Bases and theme counts in one statement, so the comments are resolved
 * to their final codings once: rows with a null theme id are the bases of
 * a question × group, the others the count of one theme there.
 */
function countRows(db: Db, scope: CountScope): CountedRow[] {
  const { with: cte, params } = scopedSql(scope);
  return db.$client
    .prepare<unknown[], CountedRow>(
      `${cte}
       SELECT NULL AS themeId, question_id AS questionId,
         group_id AS groupId,
         sum(substantive) AS comments,
         sum(NOT substantive) AS placeholders,
         sum(substantive AND status IN ('decided', 'single', 'agreed'))
           AS coded,
         sum(substantive AND status = 'unreconciled') AS unreconciled,
         sum(substantive AND status = 'uncoded') AS uncoded
       FROM resolved
       GROUP BY question_id, group_id
       UNION ALL
       SELECT theme_id, question_id, group_id, count(*), 0, 0, 0, 0
       FROM final_themes
       WHERE substantive
       GROUP BY theme_id, question_id, group_id`,
    )
    .all(params);
}

/**
 * Theme counts for the report: every theme × open question × group, zeros
 * included, with the bases each percentage is taken of.
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
  for (const { themeId, questionId, groupId, ...base } of countRows(
    db,
    scope,
  )) {
    if (themeId === null) bases.set(cellKey(questionId, groupId), base);
    else counts.set(cellKey(questionId, groupId, themeId), base.comments);
  }

  const cells: CountsReply['cells'] = [];
  const totals = new Map<number, number>();
  for (const theme of themeList) {
    for (const question of questionList) {
      for (const group of groups) {
        const count = counts.get(cellKey(question.id, group.id, theme.id)) ?? 0;
        const base = bases.get(cellKey(question.id, group.id))?.comments ?? 0;
        totals.set(theme.id, (totals.get(theme.id) ?? 0) + count);
        cells.push({
          themeId: theme.id,
          questionId: question.id,
          groupId: group.id,
          count,
          base,
          percent: percentOf(count, base),
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
    themes: themeList.map((t) => ({ ...t, total: totals.get(t.id) ?? 0 })),
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
