import type { Suggestion, Theme } from '../../api/types';
import { shortcutFor } from './shortcuts';

function triggerWords(suggestion: Suggestion | undefined): string {
  if (!suggestion) return '';
  const words = suggestion.matches.map((m) => m.text.toLowerCase());
  return [...new Set(words)].join(' · ');
}

/** The themes for this comment, each with its key, tick and ★ hint. */
export function ThemePicker(props: {
  groupName: string;
  themes: Theme[];
  selection: number[];
  starred: Suggestion[];
  onToggle: (themeId: number) => void;
  onNone: () => void;
  none: boolean;
}) {
  const { groupName, themes, selection, starred, onToggle, onNone, none } =
    props;
  return (
    <fieldset className="theme-picker">
      <legend>Themes ({groupName})</legend>
      <ul>
        {themes.map((theme, i) => {
          const key = shortcutFor(i);
          const star = starred.find((s) => s.themeId === theme.id);
          return (
            <li key={theme.id} className={star ? 'starred' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={selection.includes(theme.id)}
                  onChange={() => onToggle(theme.id)}
                  aria-keyshortcuts={key ?? undefined}
                />
                <kbd aria-hidden="true">{key ?? ' '}</kbd>
                <span
                  className="star"
                  aria-label={star ? 'suggested' : undefined}
                >
                  {star ? '★' : ''}
                </span>
                <span className="theme-name">{theme.name}</span>
                {star && <span className="triggers">{triggerWords(star)}</span>}
              </label>
            </li>
          );
        })}
        <li>
          <label>
            <input
              type="checkbox"
              checked={none}
              onChange={onNone}
              aria-keyshortcuts="0"
            />
            <kbd aria-hidden="true">0</kbd>
            <span className="star" />
            <span className="theme-name">No theme applies</span>
          </label>
        </li>
      </ul>
    </fieldset>
  );
}
