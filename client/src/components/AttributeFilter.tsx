/**
 * A respondent-attribute filter as two selects: first the attribute, then
 * one of its values. One long list of every value of every attribute is
 * unusable once an attribute holds dates or ids.
 */

/** Attributes with more distinct values than this are not offered. */
export const MAX_FILTER_VALUES = 100;

export interface AttributeChoice {
  name: string;
  value: string;
}

export function AttributeFilter(props: {
  attributes: Array<{ name: string; values: string[] }>;
  value: AttributeChoice | null;
  onChange: (value: AttributeChoice | null) => void;
  idPrefix: string;
}) {
  const { attributes, value, onChange, idPrefix } = props;
  const selected = attributes.find((a) => a.name === value?.name);
  const nameId = `${idPrefix}-attribute`;
  const valueId = `${idPrefix}-attribute-value`;

  function chooseName(name: string) {
    const attribute = attributes.find((a) => a.name === name);
    const first = attribute?.values[0];
    // Picking an attribute picks its first value, so the filter applies
    // at once and the value select is never left empty.
    onChange(attribute && first !== undefined ? { name, value: first } : null);
  }

  return (
    <span className="row attribute-filter">
      <label htmlFor={nameId}>
        Filter respondents by
        <select
          id={nameId}
          value={selected?.name ?? ''}
          onChange={(e) => chooseName(e.target.value)}
        >
          <option value="">All respondents</option>
          {attributes.map((a) => {
            const tooMany = a.values.length > MAX_FILTER_VALUES;
            return (
              <option key={a.name} value={a.name} disabled={tooMany}>
                {tooMany
                  ? `${a.name} (more than ${MAX_FILTER_VALUES} values, not offered)`
                  : a.name}
              </option>
            );
          })}
        </select>
      </label>
      {selected && value && (
        <label htmlFor={valueId}>
          {selected.name} is
          <select
            id={valueId}
            value={value.value}
            onChange={(e) =>
              onChange({ name: selected.name, value: e.target.value })
            }
          >
            {selected.values.map((v) => (
              <option key={v} value={v}>
                {v === '' ? '(empty)' : v}
              </option>
            ))}
          </select>
        </label>
      )}
    </span>
  );
}
