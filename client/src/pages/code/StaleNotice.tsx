import type { Theme } from '../../api/types';
import type { Stale } from './use-coding-session';

/** Someone else saved first: their version, and how to go on. */
export function StaleNotice(props: { stale: Stale; themes: Theme[] }) {
  const { stale, themes } = props;
  const names = (stale.current?.themeIds ?? []).map(
    (id) => themes.find((t) => t.id === id)?.name ?? `#${id}`,
  );
  return (
    <div className="error" role="alert">
      <p>{stale.message}</p>
      <p>
        Saved now: {names.length === 0 ? 'no theme' : names.join(', ')}. Press
        Enter to save your ticks over it.
      </p>
    </div>
  );
}
