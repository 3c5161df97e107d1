import type { ReportCounts } from '../../api/types';
import { cellFor, type CellRef, type ChartRow } from './report-data';

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

/** The chart's numbers: count and % of base, each opening its comments. */
export function CountsTable(props: {
  counts: ReportCounts;
  rows: ChartRow[];
  groupId: number | null;
  onSelect: (cell: CellRef) => void;
}) {
  const { counts, rows, groupId, onSelect } = props;
  return (
    <table className="table counts">
      <caption>
        Comments per theme (count and % of the question&apos;s base)
      </caption>
      <thead>
        <tr>
          <th scope="col">Theme</th>
          {counts.questions.map((q) => (
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
            {counts.questions.map((q) => {
              const cell = cellFor(counts, row.themeId, q.id, groupId);
              return (
                <td key={q.id} className="num">
                  <button
                    type="button"
                    className="link"
                    aria-label={`${row.theme}, ${q.label}: ${cell?.count ?? 0} comments, show them`}
                    onClick={() =>
                      onSelect({
                        themeId: row.themeId,
                        questionId: q.id,
                        groupId,
                      })
                    }
                  >
                    {cell?.count ?? 0}
                  </button>{' '}
                  <span className="muted">{percent(cell?.percent)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
