import { useState, type RefObject } from 'react';
import { errorMessage } from '../../api/client';
import { downloadPng, downloadSvg, type ChartCaption } from './chart-export';

const EXPORTS: { kind: string; label: string }[] = [
  { kind: 'counts', label: 'Counts' },
  { kind: 'codings-long', label: 'Coded (long)' },
  { kind: 'codings-wide', label: 'Coded (wide)' },
];

export function Downloads(props: {
  projectId: number;
  attr: string;
  chartRef: RefObject<HTMLDivElement | null>;
  chartName: string;
  caption: ChartCaption;
}) {
  const { projectId, attr, chartRef, chartName, caption } = props;
  const [error, setError] = useState<string | null>(null);
  const query = attr ? `?attr=${encodeURIComponent(attr)}` : '';
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
      <div className="row">
        <button type="button" onClick={() => handleChart('png')}>
          Chart PNG
        </button>
        <button type="button" onClick={() => handleChart('svg')}>
          Chart SVG
        </button>
        {EXPORTS.flatMap(({ kind, label }) =>
          (['csv', 'xlsx'] as const).map((format) => (
            <a
              key={`${kind}.${format}`}
              className="button"
              href={`/api/projects/${projectId}/exports/${kind}.${format}${query}`}
              download
            >
              {label} {format.toUpperCase()}
            </a>
          )),
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
