import { useRef, useState } from 'react';
import { api, uploadWithProgress } from '../../api/client';
import type {
  ImportMapping,
  ImportPreview,
  ImportProgress,
  ImportReport,
} from '../../api/types';
import type { ReadOptions } from './FileOptions';

export interface Progress {
  /** Share of the file sent, 0–1. */
  upload: number;
  server: ImportProgress | null;
}

const POLL_MS = 300;

function newToken(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Fields go before the file: the server reads the stream in order. */
function formWith(fields: Record<string, string | undefined>, file: File) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (value !== undefined) form.append(name, value);
  form.append('file', file);
  return form;
}

export function previewFile(
  projectId: number,
  file: File,
  options: ReadOptions,
): Promise<ImportPreview> {
  const form = formWith(
    {
      headerRows: options.headerRows?.toString(),
      sheet: options.sheet,
      delimiter: options.delimiter,
    },
    file,
  );
  return api<ImportPreview>(
    'POST',
    `/api/projects/${projectId}/imports/preview`,
    form,
  );
}

/** Runs an import, reporting upload progress and the server's row count. */
export function useImportRun(projectId: number) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const timer = useRef<number | undefined>(undefined);

  async function run(file: File, mapping: ImportMapping) {
    const token = newToken();
    setProgress({ upload: 0, server: null });
    const poll = () => {
      api<ImportProgress>('GET', `/api/imports/progress/${token}`)
        .then((server) => setProgress((p) => p && { ...p, server }))
        // No progress yet (still uploading) is expected: keep polling.
        .catch(() => undefined);
    };
    timer.current = window.setInterval(poll, POLL_MS);
    try {
      return await uploadWithProgress<ImportReport>(
        `/api/projects/${projectId}/imports`,
        formWith(
          { mapping: JSON.stringify(mapping), progressToken: token },
          file,
        ),
        (upload) => setProgress((p) => p && { ...p, upload }),
      );
    } finally {
      window.clearInterval(timer.current);
      setProgress(null);
    }
  }

  return { progress, run };
}
