import { useState, type FormEvent } from 'react';
import type { Theme } from '../../api/types';

export function MergeForm(props: {
  themes: Theme[];
  onMerge: (from: Theme, into: Theme) => Promise<boolean>;
}) {
  const { themes, onMerge } = props;
  const [fromId, setFromId] = useState('');
  const [intoId, setIntoId] = useState('');
  const from = themes.find((t) => String(t.id) === fromId);
  const into = themes.find((t) => String(t.id) === intoId);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!from || !into || from.id === into.id) return;
    if (
      !window.confirm(
        `Merge "${from.name}" into "${into.name}"? Its codings move to "${into.name}".`,
      )
    )
      return;
    await onMerge(from, into);
    setFromId('');
    setIntoId('');
  }

  const options = themes.map((t) => (
    <option key={t.id} value={t.id}>
      {t.name}
    </option>
  ));
  return (
    <form
      className="row card"
      onSubmit={handleSubmit}
      aria-label="Merge themes"
    >
      <label>
        Merge theme
        <select value={fromId} onChange={(e) => setFromId(e.target.value)}>
          <option value="">Choose…</option>
          {options}
        </select>
      </label>
      <label>
        into
        <select value={intoId} onChange={(e) => setIntoId(e.target.value)}>
          <option value="">Choose…</option>
          {options}
        </select>
      </label>
      <button type="submit" disabled={!from || !into || from.id === into.id}>
        Merge
      </button>
    </form>
  );
}
