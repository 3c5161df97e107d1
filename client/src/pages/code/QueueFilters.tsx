import { useEffect, useState, type RefObject } from 'react';
import type { ProjectDetail } from '../../api/types';
import { AttributeFilter } from '../../components/AttributeFilter';
import type { QueueFilter } from './use-queue';

const STATUSES: Array<[QueueFilter['status'], string]> = [
  ['uncoded', 'Uncoded (by anyone)'],
  ['coded', 'Coded (by anyone)'],
  ['mine', 'Coded by me'],
  ['not-mine', 'Not coded by me'],
  ['all', 'All'],
];

const SEARCH_DELAY_MS = 300;

export function QueueFilters(props: {
  project: ProjectDetail;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { project, filter, onChange, searchRef } = props;
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
          onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
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
