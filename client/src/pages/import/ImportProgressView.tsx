import { ProgressBar } from '../../components/ProgressBar';
import type { Progress } from './use-import';

export function ImportProgressView({ progress }: { progress: Progress }) {
  const { upload, server } = progress;
  const rows = server?.rows ?? 0;
  const total = server?.totalRows ?? null;
  return (
    <section
      className="card"
      aria-live="polite"
      aria-labelledby="progress-heading"
    >
      <h2 id="progress-heading">Importing…</h2>
      <p>Uploading: {Math.round(upload * 100)}%</p>
      <ProgressBar label="Upload" value={upload * 100} max={100} />
      {server && (
        <>
          <p>
            {server.phase}: {rows.toLocaleString()}
            {total !== null && ` of ${total.toLocaleString()}`} rows
          </p>
          {total !== null && (
            <ProgressBar label="Rows imported" value={rows} max={total} />
          )}
        </>
      )}
    </section>
  );
}
