import type { ReportCounts } from '../../api/types';

/**
 * Bar colours for the questions: the Okabe–Ito and Paul Tol colour-blind
 * safe sets, ordered so neighbouring bars differ in lightness as well as
 * hue. Questions past the twelfth reuse them with a pattern on top.
 */
export const QUESTION_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#332288',
  '#e69f00',
  '#117733',
  '#882255',
  '#56b4e9',
  '#999933',
  '#aa4499',
  '#44aa99',
];

/** Patterns over the colours: none, stripes, dots; then all repeat. */
export const QUESTION_PATTERNS = ['solid', 'stripes', 'dots'] as const;
export type QuestionPattern = (typeof QUESTION_PATTERNS)[number];

/** Questions told apart by colour and pattern before both repeat. */
export const DISTINCT_PAINTS =
  QUESTION_COLOURS.length * QUESTION_PATTERNS.length;

export interface QuestionPaint {
  colour: string;
  pattern: QuestionPattern;
  /** An SVG fill: the colour, or `url(#…)` of the pattern the chart defines. */
  fill: string;
  /** The question's place among all the questions, from 0. */
  index: number;
}

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

export type ReportQuestion = ReportCounts['questions'][number];
type ReportCell = ReportCounts['cells'][number];

export interface ChartRow {
  themeId: number;
  theme: string;
  /** Comments over the shown questions, for sorting and hiding zeros. */
  total: number;
  /** The chosen measure per question, keyed `q<questionId>`. */
  [questionKey: `q${number}`]: number;
}

/** The id of a question's pattern, defined once in the chart's SVG. */
export const patternId = (questionId: number) => `question-fill-${questionId}`;

/**
 * A question's bar paint, fixed by its place among all the questions so a
 * question keeps its colour from one group tab to the next.
 */
export function questionPaint(
  counts: ReportCounts,
  questionId: number,
): QuestionPaint {
  const index = Math.max(
    0,
    counts.questions.findIndex((q) => q.id === questionId),
  );
  const colours = QUESTION_COLOURS.length;
  const colour = QUESTION_COLOURS[index % colours] ?? '#000000';
  const pattern =
    QUESTION_PATTERNS[Math.floor(index / colours) % QUESTION_PATTERNS.length] ??
    'solid';
  const fill = pattern === 'solid' ? colour : `url(#${patternId(questionId)})`;
  return { colour, pattern, fill, index };
}

/**
 * Whole-number ticks for a count axis from 0 to at least `max`: every
 * number up to 5, then steps of 1, 2 or 5 times a power of ten, so a
 * largest count of 1 gives the ticks 0 and 1, never 0 to 4.
 */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 0;
  for (let power = 1; step === 0; power *= 10)
    step = [1, 2, 5].map((m) => m * power).find((s) => top / s <= 5) ?? 0;
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
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

/** What the chart and the table of one group both show. */
export interface CountsViewProps {
  counts: ReportCounts;
  rows: ChartRow[];
  questions: readonly ReportQuestion[];
  groupId: number | null;
  measure: Measure;
  onSelect: (cell: CellRef) => void;
}
