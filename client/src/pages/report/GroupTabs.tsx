import type { KeyboardEvent } from 'react';
import type { ReportCounts } from '../../api/types';

type ReportGroup = ReportCounts['groups'][number];

/** One tab per respondent group; arrow keys move between tabs. */
export function GroupTabs(props: {
  groups: ReportGroup[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  const { groups, selected, onSelect } = props;

  function handleKeyDown(event: KeyboardEvent) {
    const step =
      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = (selected + step + groups.length) % groups.length;
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
