import type { ImportPreview } from '../../api/types';

/** The first rows of the file exactly as read, under their column names. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <div
      className="scroll-x"
      tabIndex={0}
      aria-label="First rows of the file"
      role="region"
    >
      <table className="table preview">
        <caption>First {preview.rows.length} rows</caption>
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c.index} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.columns.map((c) => (
                <td key={c.index}>{row[c.index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the preview cannot show as it is in the file (ragged rows, …). */
export function PreviewWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      className="preview-warnings"
      role="status"
      aria-label="Warnings about the file"
    >
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
