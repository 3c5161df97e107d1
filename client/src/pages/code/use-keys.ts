import { useEffect, useLayoutEffect, useRef } from 'react';

/** True when a key press belongs to a text field, not to the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

/**
 * Sends page-level key presses to `onKey`, which returns true when it
 * handled the key. Keys typed into fields, and Enter on a focused button
 * or link, keep their usual meaning.
 */
export function usePageKeys(onKey: (key: string) => boolean): void {
  const latest = useRef(onKey);
  // Updated as the render commits, not after paint: a key pressed the
  // moment new state shows (a passive effect may not have run yet) must
  // meet the handler of that state, not the one before it.
  useLayoutEffect(() => {
    latest.current = onKey;
  });

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const onControl =
        event.target instanceof HTMLButtonElement ||
        event.target instanceof HTMLAnchorElement;
      if (onControl && (event.key === 'Enter' || event.key === ' ')) return;
      // Space on a focused checkbox ticks it already.
      const onBox =
        event.target instanceof HTMLInputElement &&
        ['checkbox', 'radio'].includes(event.target.type);
      if (onBox && event.key === ' ') return;
      if (latest.current(event.key)) event.preventDefault();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);
}
