import { api } from '../../api/client';
import type { Coding, CommentDetail } from '../../api/types';

/**
 * Comments fetched once and kept, so the next one can be fetched while
 * the current one is read and is ready when Enter is pressed.
 */
export class CommentCache {
  private readonly entries = new Map<number, Promise<CommentDetail>>();

  get(id: number): Promise<CommentDetail> {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = api<CommentDetail>('GET', `/api/comments/${id}`);
      // A failed fetch is not kept: the next visit tries again.
      entry.catch(() => this.entries.delete(id));
      this.entries.set(id, entry);
    }
    return entry;
  }

  prefetch(id: number | undefined): void {
    if (id !== undefined) void this.get(id).catch(() => undefined);
  }

  /** Records a coding the server confirmed (or reported as current). */
  setCoding(comment: CommentDetail, coding: Coding | null): CommentDetail {
    const updated = { ...comment, coding };
    this.entries.set(comment.id, Promise.resolve(updated));
    return updated;
  }

  forget(id: number): void {
    this.entries.delete(id);
  }
}
