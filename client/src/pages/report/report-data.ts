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

export interface ChartRow {
  themeId: number;
  theme: string;
  total: number;
  /** Count per question, keyed `q<questionId>`. */
  [questionKey: `q${number}`]: number;
}

/** One row per theme for one group, sorted for the chart and table. */
export function rowsForGroup(
  counts: ReportCounts,
  groupId: number | null,
  order: SortOrder,
): ChartRow[] {
  const rows = counts.themes.map((theme) => {
    const row: ChartRow = { themeId: theme.id, theme: theme.name, total: 0 };
    for (const q of counts.questions) {
      const cell = counts.cells.find(
        (c) =>
          c.themeId === theme.id &&
          c.questionId === q.id &&
          c.groupId === groupId,
      );
      row[`q${q.id}`] = cell?.count ?? 0;
      row.total += cell?.count ?? 0;
    }
    return { row, archived: theme.archived };
  });
  // Archived themes only show while they still count something.
  const kept = rows
    .filter((r) => !r.archived || r.row.total > 0)
    .map((r) => r.row);
  if (order === 'count') kept.sort((a, b) => b.total - a.total);
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

export interface CellRef {
  themeId: number;
  questionId: number;
  groupId: number | null;
}
