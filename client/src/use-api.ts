import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from './api/client';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** GETs `url` (when not null) and reloads on demand or when the url changes. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // Which request the current data or error answers: loading until it is this one.
  const [answered, setAnswered] = useState<string | null>(null);
  const key = url === null ? null : `${tick}:${url}`;
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (url === null) return;
    let live = true;
    api<T>('GET', url)
      .then((body) => {
        if (!live) return;
        setData(body);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setAnswered(`${tick}:${url}`));
    return () => {
      live = false;
    };
  }, [url, tick]);

  return { data, error, loading: key !== null && answered !== key, reload };
}
