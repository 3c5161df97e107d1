import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectSummary, StarterId } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { navigate } from '../../router';

const STARTERS: { value: StarterId | ''; label: string }[] = [
  { value: 'parents', label: 'Parents/carers' },
  { value: 'practitioners', label: 'Practitioners' },
  { value: '', label: 'None: start with an empty codebook' },
];

export function NewProjectForm() {
  const [name, setName] = useState('');
  const [starter, setStarter] = useState<StarterId | ''>('parents');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const project = await api<ProjectSummary>('POST', '/api/projects', {
        name: name.trim(),
        starterCodebook: starter === '' ? null : starter,
      });
      navigate({ page: 'import', projectId: project.id });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-project">
      <h2 id="new-project">New project</h2>
      <form className="stack" onSubmit={handleSubmit}>
        <label>
          Project name
          <input
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>Starter codebook</legend>
          {STARTERS.map((s) => (
            <label key={s.value} className="inline">
              <input
                type="radio"
                name="starter"
                value={s.value}
                checked={starter === s.value}
                onChange={() => setStarter(s.value)}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={error} />
        <div>
          <button type="submit" disabled={busy || name.trim() === ''}>
            Create project
          </button>
        </div>
      </form>
    </section>
  );
}
