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
import {
  DISTINCT_PAINTS,
  countTicks,
  patternId,
  questionPaint,
  type CountsViewProps,
  type QuestionPaint,
  type ChartRow,
} from './report-data';

const BAR_PX = 14;
const CHART_WIDTH = 860;
const PERCENT_TICKS = [0, 25, 50, 75, 100];

/**
 * The pattern a question's bars wear once the colours have all been used:
 * its colour with white stripes or dots over it. Referenced by id, so the
 * legend and an exported chart draw it too.
 */
function PatternDef(props: { questionId: number; paint: QuestionPaint }) {
  const { questionId, paint } = props;
  return (
    <pattern
      id={patternId(questionId)}
      patternUnits="userSpaceOnUse"
      width="6"
      height="6"
      patternTransform={paint.pattern === 'stripes' ? 'rotate(45)' : undefined}
    >
      <rect width="6" height="6" fill={paint.colour} />
      {paint.pattern === 'stripes' ? (
        <rect width="2" height="6" fill="#ffffff" />
      ) : (
        <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
      )}
    </pattern>
  );
}

/**
 * Grouped horizontal bars: themes down the side, one bar per question the
 * group answered, its length the chosen measure.
 */
export function ThemeChart(
  props: CountsViewProps & { chartRef: RefObject<HTMLDivElement | null> },
) {
  const { counts, rows, questions, groupId, measure, onSelect, chartRef } =
    props;
  const percent = measure !== 'count';
  const format = (value: unknown) =>
    percent && typeof value === 'number'
      ? `${value.toFixed(1)}%`
      : String(value);
  const paints = questions.map((q) => ({
    id: q.id,
    paint: questionPaint(counts, q.id),
  }));
  const patterned = paints.filter(({ paint }) => paint.pattern !== 'solid');
  const repeats = paints.some(({ paint }) => paint.index >= DISTINCT_PAINTS);
  const largest = Math.max(
    0,
    ...rows.flatMap((row) => questions.map((q) => row[`q${q.id}`] ?? 0)),
  );
  const ticks = percent ? PERCENT_TICKS : countTicks(largest);
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
        {patterned.length > 0 && (
          <defs>
            {patterned.map(({ id, paint }) => (
              <PatternDef key={id} questionId={id} paint={paint} />
            ))}
          </defs>
        )}
        <CartesianGrid horizontal={false} stroke="#ddd" />
        <XAxis
          type="number"
          allowDecimals={false}
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          interval={0}
          unit={percent ? '%' : undefined}
        />
        <YAxis type="category" dataKey="theme" width={220} interval={0} />
        <Tooltip formatter={format} />
        <Legend
          verticalAlign="top"
          itemSorter={null}
          // Names in ink: light bar colours are too faint for text.
          formatter={(value: string) => (
            <span className="legend-label">{value}</span>
          )}
        />
        {questions.map((q, i) => (
          <Bar
            key={q.id}
            dataKey={`q${q.id}`}
            name={q.label}
            fill={paints[i]?.paint.fill}
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
      {repeats && (
        <figcaption className="note">
          There are more questions than colours and patterns: some bars look
          alike. Hover a bar for its question, or use the table view.
        </figcaption>
      )}
    </figure>
  );
}
