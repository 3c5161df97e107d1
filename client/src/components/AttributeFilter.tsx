import { useState } from 'react';

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
  // The attribute picked while no value is chosen yet: the filter does not
  // apply until the user picks one (none is picked for them).
  const [pending, setPending] = useState<string | null>(null);
  const selectedName = value?.name ?? pending;
  const selected = attributes.find((a) => a.name === selectedName);
  const nameId = `${idPrefix}-attribute`;
  const valueId = `${idPrefix}-attribute-value`;

  function chooseName(name: string) {
    const attribute = attributes.find((a) => a.name === name);
    setPending(attribute ? name : null);
    if (value !== null) onChange(null);
  }

  // Options are keyed by index: '' is a value an attribute can hold.
  function chooseValue(index: string) {
    const chosen = index === '' ? undefined : selected?.values[Number(index)];
    if (!selected) return;
    onChange(
      chosen === undefined ? null : { name: selected.name, value: chosen },
    );
  }

  const valueIndex =
    value && selected ? selected.values.indexOf(value.value) : -1;

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
      {selected && (
        <label htmlFor={valueId}>
          {selected.name} is
          <select
            id={valueId}
            value={valueIndex === -1 ? '' : String(valueIndex)}
            onChange={(e) => chooseValue(e.target.value)}
          >
            <option value="" disabled>
              choose a value…
            </option>
            {selected.values.map((v, i) => (
              <option key={v} value={String(i)}>
                {v === '' ? '(empty)' : v}
              </option>
            ))}
          </select>
        </label>
      )}
    </span>
  );
}
