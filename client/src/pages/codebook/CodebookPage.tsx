import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { ProjectDetail, Theme, ThemeInput } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../use-api';
import { CodebookCsv } from './CodebookCsv';
import { MergeForm } from './MergeForm';
import { ThemeForm } from './ThemeForm';
import { ThemeTable, type ThemeActions } from './ThemeTable';

export function CodebookPage({ project }: { project: ProjectDetail }) {
  const themes = useApi<Theme[]>(
    `/api/projects/${project.id}/themes?includeArchived=true`,
  );
  const [editing, setEditing] = useState<Theme | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Runs a change, shows its error sentence if any, then reloads. */
  async function change(work: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await work();
      themes.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }

  async function deleteTheme(theme: Theme) {
    setError(null);
    try {
      await api('DELETE', `/api/themes/${theme.id}`);
      themes.reload();
    } catch (e) {
      const inUse = e instanceof ApiError && e.code === 'theme_in_use';
      if (!inUse) return setError(e);
      const sure = window.confirm(
        `${e.message}\n\nDelete it anyway and remove it from those codings?`,
      );
      if (sure)
        await change(() => api('DELETE', `/api/themes/${theme.id}?force=true`));
      else setError(e);
    }
  }

  const actions: ThemeActions = {
    onEdit: (t) => {
      setEditing(t);
      document.getElementById('theme-form-heading')?.scrollIntoView();
    },
    onArchive: (t, archived) =>
      void change(() => api('PATCH', `/api/themes/${t.id}`, { archived })),
    onDelete: (t) => void deleteTheme(t),
  };
  const save = (input: ThemeInput) =>
    change(async () => {
      if (editing) await api('PATCH', `/api/themes/${editing.id}`, input);
      else await api('POST', `/api/projects/${project.id}/themes`, input);
      setEditing(null);
    });

  const list = themes.data ?? [];
  return (
    <>
      <h1>Codebook</h1>
      <ErrorMessage error={error ?? themes.error} />
      <ThemeTable themes={list} groups={project.groups} actions={actions} />
      <section aria-labelledby="theme-form-heading">
        <h2 id="theme-form-heading">
          {editing ? `Edit “${editing.name}”` : 'Add a theme'}
        </h2>
        <ThemeForm
          key={editing?.id ?? 'new'}
          theme={editing}
          groups={project.groups}
          onSave={save}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
      </section>
      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge two themes</h2>
        <MergeForm
          themes={list.filter((t) => !t.archived)}
          onMerge={(from, into) =>
            change(() =>
              api('POST', `/api/themes/${from.id}/merge`, {
                intoThemeId: into.id,
              }),
            )
          }
        />
      </section>
      <CodebookCsv projectId={project.id} onImported={themes.reload} />
    </>
  );
}
