import { useEffect, useRef } from 'react';
import type { Suggestion, Theme } from '../../api/types';
import { shortcutFor } from './shortcuts';
import { useFitHeight } from './use-fit-height';

function triggerWords(suggestion: Suggestion | undefined): string {
  if (!suggestion) return '';
  const words = suggestion.matches.map((m) => m.text.toLowerCase());
  return [...new Set(words)].join(' · ');
}

/**
 * A theme checkbox's name, its key first as on screen ("3 Paperwork"), so
 * a screen reader says which key ticks it; then whether it is suggested.
 */
function checkboxName(
  key: string | null,
  name: string,
  star: Suggestion | undefined,
): string {
  const named = key ? `${key} ${name}` : name;
  return star ? `${named}, suggested: ${triggerWords(star)}` : named;
}

/**
 * The themes for this comment, each with its key, tick and ★ hint. "No
 * theme applies" stays above the list, which scrolls on its own so a long
 * codebook never hides under the key help; `active` is the j/k highlight.
 */
export function ThemePicker(props: {
  groupName: string;
  themes: Theme[];
  selection: number[];
  starred: Suggestion[];
  active: number;
  onToggle: (themeId: number) => void;
  onNone: () => void;
  none: boolean;
}) {
  const { themes, selection, starred, active, onToggle } = props;
  const list = useRef<HTMLUListElement>(null);
  useFitHeight(list, '.coding-themes');

  useEffect(() => {
    list.current
      ?.querySelector('.active')
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  return (
    <fieldset className="theme-picker">
      <legend>Themes ({props.groupName})</legend>
      <label className="theme-none">
        <input
          type="checkbox"
          checked={props.none}
          onChange={props.onNone}
          aria-label="0 No theme applies"
          aria-keyshortcuts="0"
        />
        <kbd aria-hidden="true">0</kbd>
        <span className="star" />
        <span className="theme-name">No theme applies</span>
      </label>
      <ul ref={list} className="theme-list">
        {themes.map((theme, i) => {
          const key = shortcutFor(i);
          const star = starred.find((s) => s.themeId === theme.id);
          const classes = [star && 'starred', i === active && 'active'];
          return (
            <li key={theme.id} className={classes.filter(Boolean).join(' ')}>
              <label>
                <input
                  type="checkbox"
                  checked={selection.includes(theme.id)}
                  onChange={() => onToggle(theme.id)}
                  aria-label={checkboxName(key, theme.name, star)}
                  aria-keyshortcuts={key ?? undefined}
                />
                <kbd aria-hidden="true">{key ?? ' '}</kbd>
                <span className="star" aria-hidden="true">
                  {star ? '★' : ''}
                </span>
                <span className="theme-name">{theme.name}</span>
                {star && <span className="triggers">{triggerWords(star)}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
