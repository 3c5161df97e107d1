import type { KeyboardEvent } from 'react';
import type { ReportCounts } from '../../api/types';

type ReportGroup = ReportCounts['groups'][number];

/**
 * The tab a key moves to, per the WAI-ARIA tabs pattern: arrows step
 * (wrapping round), Home and End jump to the ends; null for other keys.
 */
function tabForKey(key: string, selected: number, count: number) {
  switch (key) {
    case 'ArrowRight':
      return (selected + 1) % count;
    case 'ArrowLeft':
      return (selected - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * One tab per respondent group. Many groups wrap onto further lines
 * rather than widen the page; the keys follow the WAI-ARIA tabs pattern
 * (selection follows focus).
 */
export function GroupTabs(props: {
  groups: ReportGroup[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  const { groups, selected, onSelect } = props;

  function handleKeyDown(event: KeyboardEvent) {
    const next = tabForKey(event.key, selected, groups.length);
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(`group-tab-${next}`)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label="Respondent groups"
      className="tabs"
      onKeyDown={handleKeyDown}
    >
      {groups.map((g, i) => (
        <button
          key={g.id ?? 'none'}
          id={`group-tab-${i}`}
          type="button"
          role="tab"
          aria-selected={i === selected}
          aria-controls="group-panel"
          tabIndex={i === selected ? 0 : -1}
          onClick={() => onSelect(i)}
        >
          {g.name}
        </button>
      ))}
    </div>
  );
}
