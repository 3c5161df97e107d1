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
import {
  questionColour,
  type CellRef,
  type ChartRow,
  type Measure,
} from './report-data';

type ReportQuestion = ReportCounts['questions'][number];

const BAR_PX = 14;
const CHART_WIDTH = 860;

/**
 * Grouped horizontal bars: themes down the side, one bar per question the
 * group answered, its length the chosen measure.
 */
export function ThemeChart(props: {
  counts: ReportCounts;
  rows: ChartRow[];
  questions: readonly ReportQuestion[];
  groupId: number | null;
  measure: Measure;
  onSelect: (cell: CellRef) => void;
  chartRef: RefObject<HTMLDivElement | null>;
}) {
  const { counts, rows, questions, groupId, measure, onSelect, chartRef } =
    props;
  const percent = measure !== 'count';
  const format = (value: unknown) =>
    percent && typeof value === 'number'
      ? `${value.toFixed(1)}%`
      : String(value);
  const perTheme = questions.length * BAR_PX + 14;
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
        <XAxis
          type="number"
          allowDecimals={percent}
          domain={percent ? [0, 100] : [0, 'auto']}
          unit={percent ? '%' : undefined}
        />
        <YAxis type="category" dataKey="theme" width={220} interval={0} />
        <Tooltip formatter={format} />
        <Legend verticalAlign="top" itemSorter={null} />
        {questions.map((q) => (
          <Bar
            key={q.id}
            dataKey={`q${q.id}`}
            name={q.label}
            fill={questionColour(counts, q.id)}
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
            <LabelList
              dataKey={`q${q.id}`}
              position="right"
              fontSize={11}
              formatter={format}
            />
          </Bar>
        ))}
      </BarChart>
    </figure>
  );
}
