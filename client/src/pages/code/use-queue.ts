import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { Queue } from '../../api/types';
import type { AttributeChoice } from '../../components/AttributeFilter';
import type { QueueStatus } from '../../../../shared/api/coding';

export interface QueueFilter {
  questionId: string;
  groupId: string;
  status: QueueStatus;
  search: string;
  attr: AttributeChoice | null;
  includePlaceholders: boolean;
}

/** A newcomer starts with the comments nobody has coded yet. */
export const DEFAULT_FILTER: QueueFilter = {
  questionId: '',
  groupId: '',
  status: 'uncoded',
  search: '',
  attr: null,
  includePlaceholders: false,
};

export function queueUrl(projectId: number, filter: QueueFilter): string {
  const params = new URLSearchParams({ status: filter.status });
  if (filter.questionId) params.set('questionId', filter.questionId);
  if (filter.groupId) params.set('groupId', filter.groupId);
  if (filter.search.trim()) params.set('search', filter.search.trim());
  if (filter.attr)
    params.set('attr', `${filter.attr.name}:${filter.attr.value}`);
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

  /**
   * Counts a comment whose coding by me just appeared (+1) or went (-1);
   * `byAnyone` is that change to the comments coded by anyone (0 when
   * another coder has coded it too).
   */
  function countCoded(byMe: number, byAnyone: number) {
    setQueue(
      (q) =>
        q && {
          ...q,
          coded: q.coded + byAnyone,
          codedByMe: q.codedByMe + byMe,
        },
    );
  }

  return { queue, loads, error, countCoded };
}
