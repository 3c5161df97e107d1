import type { ImportPreview } from '../../api/types';

export interface ReadOptions {
  headerRows?: number;
  sheet?: string;
  delimiter?: string;
}

const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe' },
];

/** What was detected in the file, with the settings a user may correct. */
export function FileOptions(props: {
  preview: ImportPreview;
  onChange: (options: ReadOptions) => void;
}) {
  const { preview, onChange } = props;
  const isCsv = preview.sheets.length === 0;
  return (
    <section aria-labelledby="file-heading">
      <h2 id="file-heading">{preview.fileName}</h2>
      <p>
        {preview.format.toUpperCase()} · {preview.encoding} ·{' '}
        {preview.rowCount.toLocaleString()} rows after the header
      </p>
      <div className="row">
        <label>
          Header rows
          <input
            type="number"
            min={1}
            max={3}
            value={preview.headerRows}
            onChange={(e) => onChange({ headerRows: Number(e.target.value) })}
          />
        </label>
        {!isCsv && (
          <label>
            Sheet
            <select
              value={preview.sheet ?? ''}
              onChange={(e) => onChange({ sheet: e.target.value })}
            >
              {preview.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        {isCsv && (
          <label>
            Delimiter
            <select
              value={preview.delimiter ?? ','}
              onChange={(e) => onChange({ delimiter: e.target.value })}
            >
              {DELIMITERS.map((d) => (
                <option key={d.label} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
