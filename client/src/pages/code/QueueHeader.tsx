import type { Queue } from '../../api/types';
import { ProgressBar } from '../../components/ProgressBar';

/**
 * How far the coding is, and how many comments its coders disagree on:
 * that count opens the queue of those comments.
 */
export function QueueHeader(props: {
  queue: Queue | null;
  onShowUnreconciled: () => void;
}) {
  const { queue, onShowUnreconciled } = props;
  if (!queue) return <p className="queue-header">Loading the queue…</p>;
  return (
    <div className="queue-header">
      <p role="status" aria-live="polite">
        <strong>{queue.coded.toLocaleString()}</strong> of{' '}
        {queue.total.toLocaleString()} coded ({queue.codedByMe.toLocaleString()}{' '}
        by you)
      </p>
      {queue.unreconciled > 0 && (
        <p>
          ·{' '}
          <button type="button" className="link" onClick={onShowUnreconciled}>
            {queue.unreconciled.toLocaleString()} unreconciled
          </button>
        </p>
      )}
      <ProgressBar
        label="Comments coded"
        value={queue.coded}
        max={queue.total}
      />
    </div>
  );
}
