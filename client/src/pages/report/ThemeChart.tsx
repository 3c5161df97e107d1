import type { RefObject } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportCounts } from '../../api/types';
import { QUESTION_COLOURS, type CellRef, type ChartRow } from './report-data';

const BAR_PX = 14;
const CHART_WIDTH = 860;

/** Grouped horizontal bars: themes down the side, one bar per question. */
export function ThemeChart(props: {
  counts: ReportCounts;
  rows: ChartRow[];
  groupId: number | null;
  onSelect: (cell: CellRef) => void;
  chartRef: RefObject<HTMLDivElement | null>;
}) {
  const { counts, rows, groupId, onSelect, chartRef } = props;
  const perTheme = counts.questions.length * BAR_PX + 14;
  const height = Math.max(160, rows.length * perTheme + 80);
  return (
    <figure
      className="chart"
      ref={chartRef}
      aria-label="Theme counts by question"
    >
      <BarChart
        width={CHART_WIDTH}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#ddd" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="theme" width={220} interval={0} />
        <Tooltip />
        <Legend verticalAlign="top" itemSorter={null} />
        {counts.questions.map((q, i) => (
          <Bar
            key={q.id}
            dataKey={`q${q.id}`}
            name={q.label}
            fill={QUESTION_COLOURS[i % QUESTION_COLOURS.length]}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(entry: { payload?: ChartRow }) => {
              if (entry.payload)
                onSelect({
                  themeId: entry.payload.themeId,
                  questionId: q.id,
                  groupId,
                });
            }}
          >
            <LabelList dataKey={`q${q.id}`} position="right" fontSize={11} />
          </Bar>
        ))}
      </BarChart>
    </figure>
  );
}
