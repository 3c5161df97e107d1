import type { ImportPreview } from '../../api/types';
import {
  ROLE_LABELS,
  type ColumnRole,
  type MappingDraft,
} from './mapping-state';

function rolesFor(layout: MappingDraft['layout']): ColumnRole[] {
  const all = Object.keys(ROLE_LABELS) as ColumnRole[];
  return all.filter((r) =>
    layout === 'wide' ? r !== 'questionKey' && r !== 'text' : r !== 'open',
  );
}

/**
 * One row per column of the file: its samples, its role, and the question
 * label of an open question or the coder and separator of a theme list.
 */
export function ColumnRoles(props: {
  preview: ImportPreview;
  draft: MappingDraft;
  onRole: (index: number, role: ColumnRole) => void;
  onLabel: (index: number, label: string) => void;
  onListCoder: (index: number, coder: string) => void;
  onListDelimiter: (index: number, delimiter: string) => void;
}) {
  const { preview, draft, onRole, onLabel, onListCoder, onListDelimiter } =
    props;
  const roles = rolesFor(draft.layout);
  return (
    <table className="table columns">
      <caption className="visually-hidden">Use of each column</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Filled</th>
          <th scope="col">Examples</th>
          <th scope="col">Use as</th>
          <th scope="col">Question label, or coder and separator</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((column, i) => {
          const role = draft.roles[i] ?? 'ignore';
          return (
            <tr key={column.index}>
              <th scope="row">{column.name}</th>
              <td className="num">{column.filled}</td>
              <td className="samples">
                {column.samples.slice(0, 3).join(' · ')}
              </td>
              <td>
                <select
                  aria-label={`Use of column ${column.name}`}
                  value={role}
                  onChange={(e) => onRole(i, e.target.value as ColumnRole)}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {role === 'open' && (
                  <input
                    aria-label={`Question label for ${column.name}`}
                    value={draft.labels[i] ?? ''}
                    onChange={(e) => onLabel(i, e.target.value)}
                  />
                )}
                {role === 'codeList' && (
                  <span className="list-options">
                    <input
                      aria-label={`Coder of ${column.name}`}
                      placeholder="Coder name"
                      value={draft.listCoders[i] ?? ''}
                      onChange={(e) => onListCoder(i, e.target.value)}
                    />
                    <label className="inline">
                      Separator
                      <input
                        aria-label={`Separator of ${column.name}`}
                        size={3}
                        value={draft.listDelimiters[i] ?? ''}
                        onChange={(e) => onListDelimiter(i, e.target.value)}
                      />
                    </label>
                    <small>
                      detected in the file: “{column.listSeparator}”
                    </small>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
