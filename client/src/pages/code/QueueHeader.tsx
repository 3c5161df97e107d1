import type { Queue } from '../../api/types';
import { ProgressBar } from '../../components/ProgressBar';

export function QueueHeader({ queue }: { queue: Queue | null }) {
  if (!queue) return <p className="queue-header">Loading the queue…</p>;
  return (
    <div className="queue-header">
      <p role="status" aria-live="polite">
        <strong>{queue.coded.toLocaleString()}</strong> of{' '}
        {queue.total.toLocaleString()} coded ({queue.codedByMe.toLocaleString()}{' '}
        by you)
      </p>
      <ProgressBar
        label="Comments coded"
        value={queue.coded}
        max={queue.total}
      />
    </div>
  );
}
