import { api } from '../../api/client';
import type { Coding, CommentDetail } from '../../api/types';

/**
 * Saves my themes for a comment against the version it shows, or with
 * null deletes my coding so the comment is uncoded again. Resolves with
 * the coding now saved (null after a delete); throws the API's error.
 */
export async function sendCoding(
  target: CommentDetail,
  themeIds: number[] | null,
): Promise<Coding | null> {
  const version = target.coding?.version ?? 0;
  const url = `/api/comments/${target.id}/coding`;
  if (themeIds === null) {
    await api('DELETE', `${url}?version=${version}`);
    return null;
  }
  const reply = await api<{ coding: Coding }>('PUT', url, {
    themeIds,
    version,
  });
  return reply.coding;
}
