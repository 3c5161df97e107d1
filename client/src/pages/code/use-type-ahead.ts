import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Holds the keys pressed while the page cannot take them (a save on its
 * way, the next comment loading) and replays them in order once it can,
 * one per render so each key sees what the one before it did. A fast
 * typist's "1 Enter 2 Enter" codes two comments: no key is dropped, and
 * none lands on the comment being left.
 */
export function useTypeAhead(
  ready: boolean,
  run: (key: string, rest: () => string[]) => void,
) {
  const queue = useRef<string[]>([]);
  // A new object per change, so the replay runs again even when a key was
  // held as another was replayed and the count came out the same.
  const [held, setHeld] = useState({ count: 0 });
  const latestRun = useRef(run);

  useLayoutEffect(() => {
    latestRun.current = run;
  });

  /** Takes every key still waiting out of the queue. */
  function takeAll(): string[] {
    const keys = queue.current;
    queue.current = [];
    return keys;
  }

  useLayoutEffect(() => {
    if (!ready || held.count === 0) return;
    const key = queue.current.shift();
    if (key !== undefined) latestRun.current(key, takeAll);
    // Re-renders with the key's effects before the next key runs.
    setHeld({ count: queue.current.length });
  }, [ready, held]);

  return {
    /** True while keys wait: the page is not settled yet. */
    waiting: held.count > 0,
    /** True when keys wait to be replayed; a new key must queue behind them. */
    pending: () => queue.current.length > 0,
    hold(key: string) {
      queue.current.push(key);
      setHeld({ count: queue.current.length });
    },
  };
}
