import { useState, type RefObject } from 'react';
import { errorMessage } from '../../api/client';
import type { AttributeChoice } from '../../components/AttributeFilter';
import { downloadPng, downloadSvg, type ChartCaption } from './chart-export';

type ExportKind = 'counts' | 'codings-long' | 'codings-wide';

const EXPORTS: { kind: ExportKind; label: string }[] = [
  { kind: 'counts', label: 'Counts' },
  { kind: 'codings-long', label: 'Coded comments, a row per theme' },
  { kind: 'codings-wide', label: 'Coded comments, a column per theme' },
];

const FORMATS = ['csv', 'xlsx'] as const;

/** The group on screen: its id (null for respondents without one), name. */
export interface ShownGroup {
  id: number | null;
  name: string;
}

/**
 * The export's address with what is on screen: the attribute filter, and
 * for the counts the group of the open tab, so the file matches the page.
 */
function exportUrl(
  projectId: number,
  kind: ExportKind,
  format: (typeof FORMATS)[number],
  filter: AttributeChoice | null,
  group: ShownGroup,
): string {
  const params = new URLSearchParams();
  if (filter) params.set('attr', `${filter.name}:${filter.value}`);
  if (kind === 'counts')
    params.set('groupId', group.id === null ? 'none' : String(group.id));
  const query = params.toString();
  return `/api/projects/${projectId}/exports/${kind}.${format}${query ? `?${query}` : ''}`;
}

/** What a file holds, in words: "Counts for Parents, Area: Kent". */
function scopeOf(
  kind: ExportKind,
  label: string,
  filter: AttributeChoice | null,
  group: ShownGroup,
): string {
  const parts = [kind === 'counts' ? `${label} for ${group.name}` : label];
  if (kind !== 'counts') parts.push('all groups');
  if (filter) parts.push(`${filter.name}: ${filter.value || '(empty)'}`);
  return parts.join(', ');
}

export function Downloads(props: {
  projectId: number;
  filter: AttributeChoice | null;
  group: ShownGroup;
  chartRef: RefObject<HTMLDivElement | null>;
  chartName: string;
  caption: ChartCaption;
}) {
  const { projectId, filter, group, chartRef, chartName, caption } = props;
  const [error, setError] = useState<string | null>(null);
  const svg = () =>
    chartRef.current?.querySelector('.recharts-wrapper > svg') ?? null;

  function handleChart(format: 'svg' | 'png') {
    const element = svg();
    if (!(element instanceof SVGSVGElement))
      return setError('Show the chart first, then download it.');
    const fileName = `${chartName}.${format}`;
    setError(null);
    if (format === 'svg') downloadSvg(element, caption, fileName);
    else
      downloadPng(element, caption, fileName).catch((e: unknown) =>
        setError(errorMessage(e)),
      );
  }

  return (
    <section aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">Downloads</h2>
      <p className="muted">
        Each file holds what the page shows
        {filter ? ' under the filter chosen above' : ''}.
      </p>
      <ul className="download-list">
        <li>
          <span>Chart for {group.name}:</span>
          <button type="button" onClick={() => handleChart('png')}>
            Chart PNG
          </button>
          <button type="button" onClick={() => handleChart('svg')}>
            Chart SVG
          </button>
        </li>
        {EXPORTS.map(({ kind, label }) => {
          const scope = scopeOf(kind, label, filter, group);
          return (
            <li key={kind}>
              {/* Each link says it all to a screen reader: no need twice. */}
              <span aria-hidden="true">{scope}:</span>
              {FORMATS.map((format) => (
                <a
                  key={format}
                  className="button"
                  href={exportUrl(projectId, kind, format, filter, group)}
                  download
                >
                  <span className="visually-hidden">{scope}, </span>
                  {format.toUpperCase()}
                </a>
              ))}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
