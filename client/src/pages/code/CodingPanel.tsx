import { useState } from 'react';
import type { Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CommentView } from './CommentView';
import { NewThemeInline } from './NewThemeInline';
import { StaleNotice } from './StaleNotice';
import { ThemePicker } from './ThemePicker';
import { indexForKey } from './shortcuts';
import { starredFor, themesFor } from './themes-for';
import { useCodingSession, type OnCodedChange } from './use-coding-session';
import { useCursor } from './use-cursor';
import { usePageKeys } from './use-keys';

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
  const [adding, setAdding] = useState(false);
  const { comment, selection } = session;
  const shown = comment ? themesFor(themes, comment) : [];
  const starred = comment ? starredFor(comment, shown) : [];
  const cursor = useCursor(shown.length);
  const none =
    selection.length === 0 && (session.dirty || comment?.coding != null);

  function toggle(themeId: number) {
    session.change(
      selection.includes(themeId)
        ? selection.filter((id) => id !== themeId)
        : [...selection, themeId],
    );
  }

  function handleKey(key: string): boolean {
    if (adding) return false;
    if (session.saving) return true;
    const commands: Record<string, () => void> = {
      '/': props.onSearchKey,
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
      n: () => setAdding(true),
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
  usePageKeys(handleKey);

  if (session.position >= ids.length)
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
    <div className="coding">
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
        {adding ? (
          <NewThemeInline
            projectId={projectId}
            onClose={() => setAdding(false)}
            onCreated={(theme) => {
              setAdding(false);
              onThemeAdded();
              session.change([...selection, theme.id]);
            }}
          />
        ) : (
          <button
            type="button"
            className="link"
            onClick={() => setAdding(true)}
          >
            + new theme (n)
          </button>
        )}
        <button type="button" className="primary" onClick={session.saveAndNext}>
          Save &amp; next (Enter)
        </button>
      </section>
    </div>
  );
}
