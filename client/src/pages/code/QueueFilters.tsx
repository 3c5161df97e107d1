import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ProjectDetail } from '../../api/types';
import { AttributeFilter } from '../../components/AttributeFilter';
import type { QueueFilter } from './use-queue';

const STATUSES: Array<[QueueFilter['status'], string]> = [
  ['uncoded', 'Uncoded (by anyone)'],
  ['coded', 'Coded (by anyone)'],
  ['mine', 'Coded by me'],
  ['not-mine', 'Not coded by me'],
  ['unreconciled', 'Unreconciled (coders differ)'],
  ['all', 'All'],
];

const SEARCH_DELAY_MS = 300;

export function QueueFilters(props: {
  project: ProjectDetail;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Enter or Esc in the search box: back to the comment. */
  onSearchDone: () => void;
}) {
  const { project, filter, onChange, searchRef, onSearchDone } = props;
  const [search, setSearch] = useState(filter.search);
  const set = (change: Partial<QueueFilter>) =>
    onChange({ ...filter, ...change });

  // Search as you type, but wait for a pause.
  useEffect(() => {
    if (search === filter.search) return;
    const timer = window.setTimeout(
      () => onChange({ ...filter, search }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [search, filter, onChange]);

  /**
   * Enter searches now, Esc clears the search; both hand the keys back to
   * the coding panel, so the next digit ticks a theme.
   */
  function handleSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    const next = event.key === 'Escape' ? '' : search;
    setSearch(next);
    if (next !== filter.search) onChange({ ...filter, search: next });
    onSearchDone();
  }

  const openQuestions = project.questions.filter((q) => q.kind === 'open');
  return (
    <form
      className="filters row"
      aria-label="Queue"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Question
        <select
          value={filter.questionId}
          onChange={(e) => set({ questionId: e.target.value })}
        >
          <option value="">All questions</option>
          {openQuestions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Group
        <select
          value={filter.groupId}
          onChange={(e) => set({ groupId: e.target.value })}
        >
          <option value="">All groups</option>
          {project.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={filter.status}
          onChange={(e) =>
            set({ status: e.target.value as QueueFilter['status'] })
          }
        >
          {STATUSES.map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {project.attributes.length > 0 && (
        <AttributeFilter
          attributes={project.attributes}
          value={filter.attr}
          onChange={(attr) => set({ attr })}
          idPrefix="queue"
        />
      )}
      <label>
        Search (/)
        <input
          ref={searchRef}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={handleSearchKey}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filter.includePlaceholders}
          onChange={(e) => set({ includePlaceholders: e.target.checked })}
        />
        Include placeholders
      </label>
    </form>
  );
}
