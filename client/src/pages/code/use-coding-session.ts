import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { Coding, CommentDetail } from '../../api/types';
import { CommentCache } from './comment-cache';
import { sendCoding } from './send-coding';

export interface Stale {
  message: string;
  current: Coding | null;
}

interface SavedChange {
  position: number;
  commentId: number;
  /** The themes before the save; null when it was a first coding. */
  previous: number[] | null;
}

/**
 * Ticks not saved yet, kept across a new queue (a search, a filter): if
 * the comment is in the new queue too, the session opens on it with them.
 */
export interface Draft {
  commentId: number;
  selection: number[];
  edits: number[][];
}

/**
 * Tells the queue header that my coding of a comment appeared (+1) or
 * went (-1); `byAnyone` is the change to comments coded by anyone.
 */
export type OnCodedChange = (byMe: number, byAnyone: number) => void;

/** A comment's coded-by-anyone count moves only if nobody else coded it. */
const byAnyone = (comment: CommentDetail, delta: number) =>
  comment.otherCodings.length === 0 ? delta : 0;

const same = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * Walks a queue of comment ids: load, tick themes, save, undo. Give the
 * component a new key when the queue changes, to start at its first
 * comment, or at the comment of `draft` (the unsaved ticks of the queue
 * before) with those ticks when the new queue holds it. `onDraft` hears
 * of every change to the ticks not saved yet.
 */
export function useCodingSession(
  ids: number[],
  onCoded: OnCodedChange,
  drafts: { draft: Draft | null; onDraft: (draft: Draft | null) => void },
) {
  const [cache] = useState(() => new CommentCache());
  // The draft of the queue before, when its comment is in this one.
  const [carried] = useState(() =>
    drafts.draft && ids.includes(drafts.draft.commentId) ? drafts.draft : null,
  );
  const [position, setPosition] = useState(() =>
    carried ? ids.indexOf(carried.commentId) : 0,
  );
  const restored = useRef(false);
  const [comment, setComment] = useState<CommentDetail | null>(null);
  const [selection, setSelection] = useState<number[]>([]);
  const [edits, setEdits] = useState<number[][]>([]);
  const [stale, setStale] = useState<Stale | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = useRef<SavedChange[]>([]);
  // True from the moment a save or an undo starts until its result is on
  // screen: keys pressed meanwhile wait (see CodingPanel), or they would
  // land on the comment being left.
  const [busy, setBusy] = useState(false);
  const id = ids[position];

  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    cache
      .get(id)
      .then((c) => {
        if (!live) return;
        const kept =
          !restored.current && carried?.commentId === c.id ? carried : null;
        restored.current = true;
        setComment(c);
        setSelection(kept?.selection ?? c.coding?.themeIds ?? []);
        setEdits(kept?.edits ?? []);
        setStale(null);
        setError(null);
        cache.prefetch(ids[position + 1]);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [cache, carried, id, ids, position]);

  // Until a comment has loaded, the draft of the queue before still holds.
  const { onDraft } = drafts;
  useEffect(() => {
    if (comment)
      onDraft(
        edits.length > 0 ? { commentId: comment.id, selection, edits } : null,
      );
  }, [comment, selection, edits, onDraft]);

  function change(next: number[]) {
    setEdits((stack) => [...stack, selection]);
    setSelection(next);
    setNotice(null);
  }

  /** Saves the themes, or with null deletes my coding; null on failure. */
  async function put(target: CommentDetail, themeIds: number[] | null) {
    try {
      return cache.setCoding(target, await sendCoding(target, themeIds));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_coding') {
        const current = (e.details as { current?: Coding | null }).current;
        const fresh = cache.setCoding(target, current ?? null);
        if (fresh.id === comment?.id) setComment(fresh);
        setStale({ message: e.message, current: current ?? null });
        return null;
      }
      setError(e);
      return null;
    }
  }

  /** Runs a save or an undo with the keys held until it is done. */
  async function whileBusy(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function saveAndNext() {
    if (!comment) return;
    const untouched = edits.length === 0 && stale === null;
    if (
      untouched &&
      (comment.coding === null || same(selection, comment.coding.themeIds))
    )
      return setPosition((p) => p + 1);
    const before = comment.coding;
    const done = await put(comment, selection);
    if (!done) return;
    if (before === null) onCoded(1, byAnyone(comment, 1));
    saved.current.push({
      position,
      commentId: comment.id,
      previous: before?.themeIds ?? null,
    });
    setNotice(null);
    // The ticks belong to the comment just saved: a quick `z` must undo
    // the save, not a tick, even before the next comment has loaded.
    setEdits([]);
    setPosition((p) => p + 1);
  }

  /**
   * Undoes the last tick; with none, undoes the last save: re-saves the
   * previous themes, or deletes a first coding so the comment is uncoded.
   */
  async function undo() {
    const last = edits[edits.length - 1];
    if (last) {
      setSelection(last);
      setEdits((stack) => stack.slice(0, -1));
      return;
    }
    const change = saved.current.pop();
    if (!change) return setNotice('Nothing to undo.');
    const target = await cache.get(change.commentId);
    const done = await put(target, change.previous);
    if (!done) return;
    if (change.previous === null) onCoded(-1, byAnyone(done, -1));
    setNotice(
      change.previous === null
        ? 'The last saved coding was undone: the comment is uncoded again.'
        : 'The last saved coding was undone.',
    );
    if (change.position === position) {
      setComment(done);
      setSelection(done.coding?.themeIds ?? []);
    } else setPosition(change.position);
  }

  return {
    position,
    comment: comment?.id === id ? comment : null,
    selection,
    dirty: edits.length > 0,
    busy,
    stale,
    error,
    notice,
    change,
    saveAndNext: () => void whileBusy(saveAndNext),
    undo: () => void whileBusy(undo),
    back: () => setPosition((p) => Math.max(0, p - 1)),
    skip: () => setPosition((p) => Math.min(ids.length, p + 1)),
  };
}
