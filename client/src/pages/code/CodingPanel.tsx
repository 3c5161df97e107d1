import { useEffect, useState, type RefObject } from 'react';
import type { Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CommentView } from './CommentView';
import { NewThemeInline } from './NewThemeInline';
import { StaleNotice } from './StaleNotice';
import { ThemePicker } from './ThemePicker';
import { COMMAND_KEYS, indexForKey } from './shortcuts';
import { starredFor, themesFor } from './themes-for';
import {
  useCodingSession,
  type Draft,
  type OnCodedChange,
} from './use-coding-session';
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
  /** The comment region, focused as each comment shows. */
  commentRef: RefObject<HTMLElement | null>;
  /** Unsaved ticks of the queue before, and where to report them. */
  draft: Draft | null;
  onDraft: (draft: Draft | null) => void;
}) {
  const { projectId, ids, themes, onThemeAdded, onCoded, commentRef } = props;
  const session = useCodingSession(ids, onCoded, {
    draft: props.draft,
    onDraft: props.onDraft,
  });
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
  const shownId = comment?.id;

  // Each comment that shows takes the focus, unless the user is elsewhere
  // on the page (the filters): a keyboard or screen-reader user keeps
  // their place instead of landing on <body> as the last one unmounts.
  useEffect(() => {
    if (shownId === undefined) return;
    const active = document.activeElement;
    const lost =
      !active ||
      active === document.body ||
      active.id === 'main' ||
      active.closest('.coding') !== null;
    if (lost) commentRef.current?.focus({ preventScroll: true });
  }, [shownId, commentRef]);

  /** Closes the new theme form, back to the comment. */
  function closeAdding() {
    setAdding(null);
    commentRef.current?.focus({ preventScroll: true });
  }

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

  const where = ended
    ? 'End of this queue.'
    : `Comment ${session.position + 1} of ${ids.length}`;
  // Said once per move: one element in every state of the panel, so
  // screen readers track it as the same live region.
  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {where}
      </p>
      {panelBody()}
    </>
  );

  function panelBody() {
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
        <section
          className="coding-comment"
          aria-labelledby="comment-position"
          tabIndex={-1}
          ref={commentRef}
        >
          <p className="position" id="comment-position">
            Comment {session.position + 1} of {ids.length} in this queue
          </p>
          <CommentView
            comment={comment}
            matches={starred.flatMap((s) => s.matches)}
            themes={themes}
          />
          {session.stale && (
            <StaleNotice stale={session.stale} themes={themes} />
          )}
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
              onClose={closeAdding}
              onCreated={(theme) => {
                closeAdding();
                onThemeAdded();
                session.change([...selection, theme.id]);
              }}
            />
          ) : (
            <button
              type="button"
              className="link"
              onClick={() => setAdding('')}
            >
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
}
