import type { ProjectDetail } from '../../api/types';
import {
  AttributeFilter,
  type AttributeChoice,
} from '../../components/AttributeFilter';
import { MEASURE_LABELS, type Measure, type SortOrder } from './report-data';

export type View = 'chart' | 'table';

export interface ReportOptions {
  filter: AttributeChoice | null;
  order: SortOrder;
  view: View;
  measure: Measure;
  hideZero: boolean;
}

export function ReportControls(props: {
  attributes: ProjectDetail['attributes'];
  options: ReportOptions;
  onChange: (options: ReportOptions) => void;
}) {
  const { attributes, options, onChange } = props;
  const set = (change: Partial<ReportOptions>) =>
    onChange({ ...options, ...change });
  return (
    <div className="row controls">
      {attributes.length > 0 && (
        <AttributeFilter
          attributes={attributes}
          value={options.filter}
          onChange={(filter) => set({ filter })}
          idPrefix="report"
        />
      )}
      <label>
        Sort themes
        <select
          value={options.order}
          onChange={(e) => set({ order: e.target.value as SortOrder })}
        >
          <option value="count">By count</option>
          <option value="codebook">Codebook order</option>
        </select>
      </label>
      <label>
        Bars show
        <select
          value={options.measure}
          onChange={(e) => set({ measure: e.target.value as Measure })}
        >
          {(Object.keys(MEASURE_LABELS) as Measure[]).map((m) => (
            <option key={m} value={m}>
              {MEASURE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={options.hideZero}
          onChange={(e) => set({ hideZero: e.target.checked })}
        />
        Hide themes with 0
      </label>
      <fieldset className="segmented">
        <legend>View</legend>
        {(['chart', 'table'] as const).map((v) => (
          <label key={v} className="inline">
            <input
              type="radio"
              name="view"
              checked={options.view === v}
              onChange={() => set({ view: v })}
            />
            {v === 'chart' ? 'Chart' : 'Table'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
