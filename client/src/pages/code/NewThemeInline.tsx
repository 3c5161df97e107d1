import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Adds a theme without leaving the comment; the new theme gets ticked. */
export function NewThemeInline(props: {
  projectId: number;
  /** Letters typed ahead before the form opened. */
  initialName?: string;
  onCreated: (theme: Theme) => void;
  onClose: () => void;
}) {
  const { projectId, onCreated, onClose } = props;
  const [name, setName] = useState(props.initialName ?? '');
  const [definition, setDefinition] = useState('');
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const theme = await api<Theme>(
        'POST',
        `/api/projects/${projectId}/themes`,
        {
          name: name.trim(),
          definition: definition.trim(),
        },
      );
      onCreated(theme);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form
      className="new-theme card"
      aria-label="New theme"
      onSubmit={handleSubmit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label>
        New theme name
        <input
          ref={input}
          value={name}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Definition
        <input
          value={definition}
          onChange={(e) => setDefinition(e.target.value)}
        />
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Add and tick
        </button>
        <button type="button" onClick={onClose}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}
