import type { ImportPreview } from '../../api/types';
import { ColumnRoles } from './ColumnRoles';
import type { ColumnRole, MappingDraft } from './mapping-state';

const UNIQUE_ROLES: readonly ColumnRole[] = [
  'id',
  'group',
  'questionKey',
  'text',
];

/** Gives column `index` a role; a role only one column may hold moves. */
export function withRole(
  draft: MappingDraft,
  index: number,
  role: ColumnRole,
): MappingDraft {
  const roles = draft.roles.map((r, i) => {
    if (i === index) return role;
    return UNIQUE_ROLES.includes(role) && r === role ? 'ignore' : r;
  });
  return { ...draft, roles };
}

export function MappingForm(props: {
  preview: ImportPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
}) {
  const { preview, draft, onChange } = props;
  const hasGroupColumn = draft.roles.includes('group');
  const hasCodes = draft.roles.some(
    (r) => r === 'code' || r === 'codeList' || r === 'codeCell',
  );
  const hasBinaryCodes = draft.roles.includes('code');
  const openColumns = preview.columns.filter(
    (_, i) => draft.roles[i] === 'open',
  );

  return (
    <section aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Columns</h2>
      <fieldset className="row">
        <legend>Layout</legend>
        <label className="inline">
          <input
            type="radio"
            name="layout"
            checked={draft.layout === 'wide'}
            onChange={() => onChange({ ...draft, layout: 'wide' })}
          />
          Wide: one row per respondent, one column per question
        </label>
        <label className="inline">
          <input
            type="radio"
            name="layout"
            checked={draft.layout === 'long'}
            onChange={() => onChange({ ...draft, layout: 'long' })}
          />
          Long: one row per answer
        </label>
      </fieldset>
      <ColumnRoles
        preview={preview}
        draft={draft}
        onRole={(i, role) => onChange(withRole(draft, i, role))}
        onLabel={(i, label) => {
          const labels = [...draft.labels];
          labels[i] = label;
          onChange({ ...draft, labels });
        }}
        onListCoder={(i, coder) => {
          const listCoders = [...draft.listCoders];
          listCoders[i] = coder;
          onChange({ ...draft, listCoders });
        }}
        onListDelimiter={(i, delimiter) => {
          const listDelimiters = [...draft.listDelimiters];
          listDelimiters[i] = delimiter;
          onChange({ ...draft, listDelimiters });
        }}
      />
      {!hasGroupColumn && (
        <label>
          Respondent group for every row (no group column chosen)
          <input
            value={draft.fixedGroup}
            onChange={(e) => onChange({ ...draft, fixedGroup: e.target.value })}
          />
        </label>
      )}
      {hasCodes && (
        <div className="row">
          {hasBinaryCodes && (
            <label>
              Coder of the 1/0 theme columns
              <input
                value={draft.coder}
                onChange={(e) => onChange({ ...draft, coder: e.target.value })}
              />
            </label>
          )}
          {draft.roles.includes('codeCell') && (
            <label>
              Coder of the theme-name columns
              <input
                value={draft.cellCoder}
                onChange={(e) =>
                  onChange({ ...draft, cellCoder: e.target.value })
                }
              />
            </label>
          )}
          {openColumns.length > 1 && (
            <label>
              The codes belong to
              <select
                value={draft.codesQuestion}
                onChange={(e) =>
                  onChange({ ...draft, codesQuestion: e.target.value })
                }
              >
                <option value="">Choose a question…</option>
                {openColumns.map((c) => (
                  <option key={c.index} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </section>
  );
}
