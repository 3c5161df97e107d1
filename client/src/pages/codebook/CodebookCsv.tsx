import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

export function CodebookCsv(props: {
  projectId: number;
  onImported: () => void;
}) {
  const { projectId, onImported } = props;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function handleFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    setDone(null);
    const form = new FormData();
    form.append('file', file);
    try {
      await api('POST', `/api/projects/${projectId}/codebook`, form);
      setDone(`${file.name} was imported into the codebook.`);
      onImported();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading">Codebook as CSV</h2>
      <div className="row">
        <a
          className="button"
          href={`/api/projects/${projectId}/codebook.csv`}
          download
        >
          Download codebook CSV
        </a>
        <label>
          Import a codebook CSV
          <input
            type="file"
            accept=".csv"
            onChange={(e) => void handleFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {done && <p role="status">{done}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
