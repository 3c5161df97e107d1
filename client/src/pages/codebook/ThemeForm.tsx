import { useState, type FormEvent } from 'react';
import type { Group, Theme, ThemeInput } from '../../api/types';

/** Keywords are typed as one comma-separated line. */
export function parseKeywords(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export function ThemeForm(props: {
  theme: Theme | null;
  groups: Group[];
  onSave: (input: ThemeInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { theme, groups, onSave, onCancel } = props;
  const [name, setName] = useState(theme?.name ?? '');
  const [definition, setDefinition] = useState(theme?.definition ?? '');
  const [keywords, setKeywords] = useState(theme?.keywords.join(', ') ?? '');
  const [colour, setColour] = useState(theme?.colour ?? '#4e79a7');
  const [groupIds, setGroupIds] = useState<number[]>(theme?.groupIds ?? []);
  const idPrefix = theme ? `theme-${theme.id}` : 'theme-new';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await onSave({
      name: name.trim(),
      definition: definition.trim(),
      keywords: parseKeywords(keywords),
      colour,
      groupIds: groupIds.length === 0 ? null : groupIds,
    });
    if (saved && !theme) {
      setName('');
      setDefinition('');
      setKeywords('');
    }
  }

  function toggleGroup(id: number) {
    setGroupIds((ids) =>
      ids.includes(id) ? ids.filter((g) => g !== id) : [...ids, id],
    );
  }

  return (
    <form
      className="stack card"
      onSubmit={handleSubmit}
      aria-label={theme ? `Edit ${theme.name}` : 'New theme'}
    >
      <label>
        Name
        <input
          value={name}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Definition
        <textarea
          rows={2}
          value={definition}
          onChange={(e) => setDefinition(e.target.value)}
        />
      </label>
      <label>
        Keywords (separated by commas)
        <input value={keywords} onChange={(e) => setKeywords(e.target.value)} />
      </label>
      <label className="inline">
        Colour
        <input
          type="color"
          value={colour}
          onChange={(e) => setColour(e.target.value)}
        />
      </label>
      {groups.length > 0 && (
        <fieldset>
          <legend>Applies to (none ticked: every group)</legend>
          {groups.map((g) => (
            <label
              key={g.id}
              className="inline"
              htmlFor={`${idPrefix}-g${g.id}`}
            >
              <input
                id={`${idPrefix}-g${g.id}`}
                type="checkbox"
                checked={groupIds.includes(g.id)}
                onChange={() => toggleGroup(g.id)}
              />
              {g.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          {theme ? 'Save theme' : 'Add theme'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
