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
