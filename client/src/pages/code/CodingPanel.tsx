import { useState } from 'react';
import type { Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CommentView } from './CommentView';
import { NewThemeInline } from './NewThemeInline';
import { StaleNotice } from './StaleNotice';
import { ThemePicker } from './ThemePicker';
import { COMMAND_KEYS, indexForKey } from './shortcuts';
import { starredFor, themesFor } from './themes-for';
import { useCodingSession, type OnCodedChange } from './use-coding-session';
import { useCursor } from './use-cursor';
import { usePageKeys } from './use-keys';
import { useTypeAhead } from './use-type-ahead';

const MOVE_KEYS = ['0', ' ', 'Enter', 'Backspace', 'ArrowLeft', 'ArrowRight'];

/** Keys that act on the comment, and so wait while it is not ready. */
function isCodingKey(key: string): boolean {
  return (
    COMMAND_KEYS.has(key) ||
    indexForKey(key) !== null ||
    MOVE_KEYS.includes(key)
  );
}

export function CodingPanel(props: {
  projectId: number;
  ids: number[];
  themes: Theme[];
  onThemeAdded: () => void;
  onCoded: OnCodedChange;
  onSearchKey: () => void;
}) {
  const { projectId, ids, themes, onThemeAdded, onCoded } = props;
  const session = useCodingSession(ids, onCoded);
  // The new theme form's starting name while it is open; null when closed.
  const [adding, setAdding] = useState<string | null>(null);
  const { comment, selection } = session;
  const shown = comment ? themesFor(themes, comment) : [];
  const starred = comment ? starredFor(comment, shown) : [];
  const cursor = useCursor(shown.length);
  const none =
    selection.length === 0 && (session.dirty || comment?.coding != null);
  const ended = session.position >= ids.length;
  const ready =
    !session.busy && (comment !== null || ended || session.error !== null);
  function toggle(themeId: number) {
    session.change(
      selection.includes(themeId)
        ? selection.filter((id) => id !== themeId)
        : [...selection, themeId],
    );
  }

  function runKey(key: string): boolean {
    const commands: Record<string, () => void> = {
      a: () =>
        session.change([
          ...new Set([...selection, ...starred.map((s) => s.themeId)]),
        ]),
      '0': () => session.change([]),
      Enter: session.saveAndNext,
      Backspace: session.back,
      ArrowLeft: session.back,
      ArrowRight: session.skip,
      z: session.undo,
      n: () => setAdding(''),
      j: cursor.down,
      k: cursor.up,
      ' ': () => {
        const theme = shown[cursor.index];
        if (theme) toggle(theme.id);
      },
    };
    const command = commands[key];
    if (command) return (command(), true);
    const index = indexForKey(key);
    const theme = index === null ? undefined : shown[index];
    if (comment && theme) return (toggle(theme.id), true);
    return false;
  }

  const typeAhead = useTypeAhead(ready && adding === null, (key, rest) => {
    // Letters typed after n, before its form could open, are the name.
    if (key === 'n')
      setAdding(
        rest()
          .filter((k) => k.length === 1)
          .join(''),
      );
    else runKey(key);
  });

  function handleKey(key: string): boolean {
    if (adding !== null) return false;
    if (key === '/') return (props.onSearchKey(), true);
    if (ready && !typeAhead.pending()) return runKey(key);
    if (!isCodingKey(key)) return false;
    typeAhead.hold(key);
    return true;
  }
  usePageKeys(handleKey);

  if (ended)
    return (
      <p className="card" role="status">
        {ids.length === 0
          ? 'No comments match this queue.'
          : 'You reached the end of this queue. Press ← to go back.'}
      </p>
    );
  if (!comment)
    return session.error ? (
      <ErrorMessage error={session.error} />
    ) : (
      <p role="status">Loading the comment…</p>
    );

  return (
    <div
      className="coding"
      data-comment-id={comment.id}
      aria-busy={!ready || typeAhead.waiting}
    >
      <section className="coding-comment" aria-label="Comment">
        <p className="position">
          Comment {session.position + 1} of {ids.length} in this queue
        </p>
        <CommentView
          comment={comment}
          matches={starred.flatMap((s) => s.matches)}
          themes={themes}
        />
        {session.stale && <StaleNotice stale={session.stale} themes={themes} />}
        {session.notice && <p role="status">{session.notice}</p>}
        <ErrorMessage error={session.error} />
      </section>
      <section className="coding-themes" aria-label="Themes">
        <ThemePicker
          groupName={comment.group?.name ?? 'all groups'}
          themes={shown}
          selection={selection}
          starred={starred}
          active={cursor.index}
          onToggle={toggle}
          onNone={() => session.change([])}
          none={none}
        />
        {adding !== null ? (
          <NewThemeInline
            projectId={projectId}
            initialName={adding}
            onClose={() => setAdding(null)}
            onCreated={(theme) => {
              setAdding(null);
              onThemeAdded();
              session.change([...selection, theme.id]);
            }}
          />
        ) : (
          <button type="button" className="link" onClick={() => setAdding('')}>
            + new theme (n)
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => ready && session.saveAndNext()}
        >
          Save &amp; next (Enter)
        </button>
      </section>
    </div>
  );
}
