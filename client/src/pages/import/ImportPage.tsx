import { useState } from 'react';
import './import.css';
import type {
  ImportPreview,
  ImportReport,
  ProjectDetail,
} from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileOptions, type ReadOptions } from './FileOptions';
import { ImportProgressView } from './ImportProgressView';
import { ImportReportView } from './ImportReportView';
import { MappingForm } from './MappingForm';
import { PreviewTable, PreviewWarnings } from './PreviewTable';
import {
  draftFromPreview,
  mappingFromDraft,
  type MappingDraft,
} from './mapping-state';
import { previewFile, useImportRun } from './use-import';

export function ImportPage({ project }: { project: ProjectDetail }) {
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ReadOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { progress, run } = useImportRun(project.id);

  async function load(next: File, nextOptions: ReadOptions) {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const p = await previewFile(project.id, next, nextOptions);
      setPreview(p);
      setDraft(draftFromPreview(p));
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function handleFile(next: File | undefined) {
    setFile(next ?? null);
    setOptions({});
    if (next) void load(next, {});
  }

  function handleOptions(change: ReadOptions) {
    const next = { ...options, ...change };
    setOptions(next);
    if (file) void load(file, next);
  }

  async function handleImport() {
    if (!file || !preview || !draft) return;
    const mapping = mappingFromDraft(draft, preview);
    if (typeof mapping === 'string') return setError(mapping);
    setError(null);
    try {
      setReport(await run(file, mapping));
      setPreview(null);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <h1>Import a survey</h1>
      <label className="file-pick">
        Survey file (CSV or XLSX)
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          onChange={(e) => handleFile(e.target.files?.[0])}
        />
      </label>
      {busy && <p role="status">Reading the file…</p>}
      {preview && draft && !progress && (
        <>
          <FileOptions preview={preview} onChange={handleOptions} />
          <PreviewWarnings warnings={preview.warnings} />
          <PreviewTable preview={preview} />
          <MappingForm preview={preview} draft={draft} onChange={setDraft} />
          <p>
            <button type="button" className="primary" onClick={handleImport}>
              Import {preview.rowCount.toLocaleString()} rows
            </button>
          </p>
        </>
      )}
      {progress && <ImportProgressView progress={progress} />}
      <ErrorMessage error={error} />
      {report && <ImportReportView report={report} projectId={project.id} />}
    </>
  );
}
