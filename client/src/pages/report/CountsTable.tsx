import type { ReportCounts } from '../../api/types';
import { plural } from '../../../../shared/wording';
import {
  MEASURE_LABELS,
  cellFor,
  formatPercent,
  type CountsViewProps,
  type Measure,
} from './report-data';

type ReportCell = ReportCounts['cells'][number];

/**
 * Both percentages of a cell, e.g. "15.2% of all 908 · 30.9% of 447
 * coded": the first is the reported base, the second the share among the
 * comments coded so far. The one the bars show is emphasised.
 */
function Percentages(props: {
  cell: ReportCell | undefined;
  measure: Measure;
}) {
  const { cell, measure } = props;
  if (!cell) return null;
  const all = `${formatPercent(cell.percent)} of all ${cell.base.toLocaleString()}`;
  const coded = `${formatPercent(cell.percentOfCoded)} of ${cell.codedBase.toLocaleString()} coded`;
  return (
    <span className="muted">
      {' · '}
      {measure === 'percent' ? <strong>{all}</strong> : all}
      {' · '}
      {measure === 'percentOfCoded' ? <strong>{coded}</strong> : coded}
    </span>
  );
}

/** The chart's numbers: count and both percentages, each opening its comments. */
export function CountsTable(props: CountsViewProps) {
  const { counts, rows, questions, groupId, measure, onSelect } = props;
  return (
    <table className="table counts">
      <caption>
        Comments per theme: count · % of all substantive comments · % of the
        comments coded so far
        {measure !== 'count' && ` (chart: ${MEASURE_LABELS[measure]})`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Theme</th>
          {questions.map((q) => (
            <th key={q.id} scope="col">
              {q.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.themeId}>
            <th scope="row">{row.theme}</th>
            {questions.map((q) => {
              const cell = cellFor(counts, row.themeId, q.id, groupId);
              const count = cell?.count ?? 0;
              return (
                <td key={q.id} className="num">
                  <button
                    type="button"
                    className="link"
                    aria-label={`${row.theme}, ${q.label}: ${plural(count, 'comment')}, ${formatPercent(cell?.percent)} of all, ${formatPercent(cell?.percentOfCoded)} of coded; show them`}
                    onClick={() =>
                      onSelect({
                        themeId: row.themeId,
                        questionId: q.id,
                        groupId,
                      })
                    }
                  >
                    {count}
                  </button>
                  <Percentages cell={cell} measure={measure} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
