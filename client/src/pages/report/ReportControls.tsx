import type { ProjectDetail } from '../../api/types';
import type { SortOrder } from './report-data';

export type View = 'chart' | 'table';

export function ReportControls(props: {
  attributes: ProjectDetail['attributes'];
  attr: string;
  onAttr: (attr: string) => void;
  order: SortOrder;
  onOrder: (order: SortOrder) => void;
  view: View;
  onView: (view: View) => void;
}) {
  const { attributes, attr, onAttr, order, onOrder, view, onView } = props;
  return (
    <div className="row controls">
      {attributes.length > 0 && (
        <label>
          Filter respondents
          <select value={attr} onChange={(e) => onAttr(e.target.value)}>
            <option value="">All respondents</option>
            {attributes.map((a) => (
              <optgroup key={a.name} label={a.name}>
                {a.values.map((v) => (
                  <option key={v} value={`${a.name}:${v}`}>
                    {a.name}: {v}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      <label>
        Sort themes
        <select
          value={order}
          onChange={(e) => onOrder(e.target.value as SortOrder)}
        >
          <option value="count">By count</option>
          <option value="codebook">Codebook order</option>
        </select>
      </label>
      <fieldset className="segmented">
        <legend>View</legend>
        {(['chart', 'table'] as const).map((v) => (
          <label key={v} className="inline">
            <input
              type="radio"
              name="view"
              checked={view === v}
              onChange={() => onView(v)}
            />
            {v === 'chart' ? 'Chart' : 'Table'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
