import type { Group, Theme } from '../../api/types';
import { plural } from '../../../../shared/wording';

function groupNames(theme: Theme, groups: Group[]): string {
  const ids = theme.groupIds;
  if (!ids || ids.length === 0) return 'All groups';
  return groups
    .filter((g) => ids.includes(g.id))
    .map((g) => g.name)
    .join(', ');
}

export interface ThemeActions {
  onEdit: (theme: Theme) => void;
  onArchive: (theme: Theme, archived: boolean) => void;
  onDelete: (theme: Theme) => void;
}

export function ThemeTable(props: {
  themes: Theme[];
  groups: Group[];
  actions: ThemeActions;
}) {
  const { themes, groups, actions } = props;
  return (
    <table className="table themes">
      <caption className="visually-hidden">Themes of the codebook</caption>
      <thead>
        <tr>
          <th scope="col">Theme</th>
          <th scope="col">Definition</th>
          <th scope="col">Keywords</th>
          <th scope="col">Groups</th>
          <th scope="col">Used in</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {themes.map((t) => (
          <tr key={t.id} className={t.archived ? 'archived' : undefined}>
            <th scope="row">
              <span
                className="swatch"
                style={{ background: t.colour }}
                aria-hidden="true"
              />
              {t.name}
              {t.archived && <span className="tag">archived</span>}
            </th>
            <td>{t.definition}</td>
            <td>{t.keywords.join(', ')}</td>
            <td>{groupNames(t, groups)}</td>
            <td className="num">{plural(t.usage.comments, 'comment')}</td>
            <td className="actions">
              <button
                type="button"
                onClick={() => actions.onEdit(t)}
                aria-label={`Edit ${t.name}`}
              >
                Edit
              </button>
              <button
                type="button"
                onClick={() => actions.onArchive(t, !t.archived)}
                aria-label={`${t.archived ? 'Restore' : 'Archive'} ${t.name}`}
              >
                {t.archived ? 'Restore' : 'Archive'}
              </button>
              <button
                type="button"
                onClick={() => actions.onDelete(t)}
                aria-label={`Delete ${t.name}`}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
