import type { ReportCounts } from '../../api/types';

/** Bar colours for the questions, told apart without relying on hue alone. */
export const QUESTION_COLOURS = [
  '#2f5d8a',
  '#c4631b',
  '#3d7a3a',
  '#7b4f8e',
  '#8a6d1f',
];

export type SortOrder = 'count' | 'codebook';

/**
 * What the bars show: counts, the percentage of every substantive comment
 * (the reported base), or of the comments coded so far.
 */
export type Measure = 'count' | 'percent' | 'percentOfCoded';

export const MEASURE_LABELS: Record<Measure, string> = {
  count: 'Counts',
  percent: '% of all comments',
  percentOfCoded: '% of coded comments',
};

type ReportQuestion = ReportCounts['questions'][number];
type ReportCell = ReportCounts['cells'][number];

export interface ChartRow {
  themeId: number;
  theme: string;
  /** Comments over the shown questions, for sorting and hiding zeros. */
  total: number;
  /** The chosen measure per question, keyed `q<questionId>`. */
  [questionKey: `q${number}`]: number;
}

/** A question's bar colour, fixed by its place among all the questions. */
export function questionColour(
  counts: ReportCounts,
  questionId: number,
): string {
  const index = counts.questions.findIndex((q) => q.id === questionId);
  return QUESTION_COLOURS[Math.max(0, index) % QUESTION_COLOURS.length] ?? '';
}

/**
 * The questions a group answered: one without a comment in the group (say,
 * a question only another group was asked) has nothing to chart.
 */
export function questionsWithComments(
  counts: ReportCounts,
  groupId: number | null,
): ReportQuestion[] {
  const group = counts.groups.find((g) => g.id === groupId);
  return counts.questions.filter(
    (q) => (group?.base[String(q.id)]?.comments ?? 0) > 0,
  );
}

/** Cells keyed `themeId/questionId` for one group. */
function cellsOfGroup(counts: ReportCounts, groupId: number | null) {
  const cells = new Map<string, ReportCell>();
  for (const cell of counts.cells) {
    if (cell.groupId === groupId) {
      cells.set(`${cell.themeId}/${cell.questionId}`, cell);
    }
  }
  return cells;
}

export function measureOf(cell: ReportCell | undefined, measure: Measure) {
  if (!cell) return 0;
  return measure === 'count' ? cell.count : (cell[measure] ?? 0);
}

/**
 * One row per theme for one group and the shown questions, sorted for the
 * chart and table; with `hideZero`, themes no shown comment carries are
 * left out.
 */
export function rowsForGroup(
  counts: ReportCounts,
  groupId: number | null,
  options: {
    order: SortOrder;
    questions: readonly ReportQuestion[];
    measure: Measure;
    hideZero: boolean;
  },
): ChartRow[] {
  const cells = cellsOfGroup(counts, groupId);
  const rows = counts.themes.map((theme) => {
    // The server lists archived themes only while they count something.
    const name = theme.archived ? `${theme.name} (archived)` : theme.name;
    const row: ChartRow = { themeId: theme.id, theme: name, total: 0 };
    for (const q of options.questions) {
      const cell = cells.get(`${theme.id}/${q.id}`);
      row[`q${q.id}`] = measureOf(cell, options.measure);
      row.total += cell?.count ?? 0;
    }
    return row;
  });
  const kept = options.hideZero ? rows.filter((r) => r.total > 0) : rows;
  if (options.order === 'count') kept.sort((a, b) => b.total - a.total);
  return kept;
}

export function cellFor(
  counts: ReportCounts,
  themeId: number,
  questionId: number,
  groupId: number | null,
) {
  return counts.cells.find(
    (c) =>
      c.themeId === themeId &&
      c.questionId === questionId &&
      c.groupId === groupId,
  );
}

/** `12.5%`, or a dash when there is no base to take it of. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

export interface CellRef {
  themeId: number;
  questionId: number;
  groupId: number | null;
}
