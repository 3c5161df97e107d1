/**
 * Progress of running imports, kept in memory under a token the client
 * chose, so a large upload can show how far it has got. Entries are
 * forgotten ten minutes after the import ends.
 */
import type { ImportPhase, ImportProgress } from '../../shared/api/import';

const KEEP_MS = 10 * 60 * 1000;
const progress = new Map<string, ImportProgress>();

export interface ProgressReporter {
  phase: (phase: ImportPhase, totalRows?: number | null) => void;
  rows: (rows: number) => void;
}

/** A reporter that does nothing: imports without a token. */
export const silentProgress: ProgressReporter = {
  phase: () => undefined,
  rows: () => undefined,
};

export function trackProgress(token: string): ProgressReporter {
  const entry: ImportProgress = { phase: 'reading', rows: 0, totalRows: null };
  progress.set(token, entry);
  return {
    phase: (phase, totalRows) => {
      entry.phase = phase;
      if (totalRows !== undefined) entry.totalRows = totalRows;
      if (phase === 'done' || phase === 'failed')
        setTimeout(() => progress.delete(token), KEEP_MS).unref();
    },
    rows: (rows) => {
      entry.rows = rows;
    },
  };
}

export function getProgress(token: string): ImportProgress | null {
  const entry = progress.get(token);
  return entry ? { ...entry } : null;
}
