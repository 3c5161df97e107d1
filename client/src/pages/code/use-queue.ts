import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { Queue } from '../../api/types';

export interface QueueFilter {
  questionId: string;
  groupId: string;
  status: 'uncoded' | 'coded' | 'all';
  search: string;
  attr: string;
  includePlaceholders: boolean;
}

export const DEFAULT_FILTER: QueueFilter = {
  questionId: '',
  groupId: '',
  status: 'uncoded',
  search: '',
  attr: '',
  includePlaceholders: false,
};

export function queueUrl(projectId: number, filter: QueueFilter): string {
  const params = new URLSearchParams({ status: filter.status });
  if (filter.questionId) params.set('questionId', filter.questionId);
  if (filter.groupId) params.set('groupId', filter.groupId);
  if (filter.search.trim()) params.set('search', filter.search.trim());
  if (filter.attr) params.set('attr', filter.attr);
  if (filter.includePlaceholders) params.set('includePlaceholders', 'true');
  return `/api/projects/${projectId}/queue?${params.toString()}`;
}

/**
 * The queue for a filter, fetched once per filter: coding a comment does
 * not refetch it, so the "uncoded" list keeps its order while you work.
 */
export function useQueue(projectId: number, filter: QueueFilter) {
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts fetched queues, so the coding panel restarts on each new one.
  const [loads, setLoads] = useState(0);
  const url = queueUrl(projectId, filter);

  useEffect(() => {
    let live = true;
    api<Queue>('GET', url)
      .then((q) => {
        if (!live) return;
        setQueue(q);
        setLoads((n) => n + 1);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [url]);

  /** Counts a comment that just got its first coding. */
  function countCoded(delta: number) {
    setQueue((q) => q && { ...q, coded: q.coded + delta });
  }

  return { queue, loads, error, countCoded };
}
