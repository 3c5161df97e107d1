import { useState } from 'react';

/**
 * A highlight moved through a list with j/k, for reaching the themes past
 * the single-key shortcuts. -1 means nothing is highlighted yet.
 */
export function useCursor(length: number) {
  const [index, setIndex] = useState(-1);
  const current = Math.min(index, length - 1);
  return {
    index: current,
    down: () => setIndex(Math.min(length - 1, current + 1)),
    up: () => setIndex(Math.max(0, current - 1)),
  };
}
