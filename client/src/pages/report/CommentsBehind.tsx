import { useState } from 'react';
import type { ReportCommentsReply, ReportCounts } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from '../../../../shared/wording';
import { useApi } from '../../use-api';
import type { CellRef } from './report-data';

/** Comments shown per page. */
export const PAGE_SIZE = 50;

function commentsUrl(
  projectId: number,
  cell: CellRef,
  attr: string,
  offset: number,
): string {
  const params = new URLSearchParams({
    themeId: String(cell.themeId),
    questionId: String(cell.questionId),
    groupId: cell.groupId === null ? 'none' : String(cell.groupId),
    limit: String(PAGE_SIZE),
    offset: String(offset),
  });
  if (attr) params.set('attr', attr);
  return `/api/projects/${projectId}/report/comments?${params.toString()}`;
}

/**
 * The comments behind one count, shown exactly as written, a page at a
 * time. Give it a `key` per cell so a new cell starts on its first page.
 */
export function CommentsBehind(props: {
  projectId: number;
  counts: ReportCounts;
  cell: CellRef;
  attr: string;
  onClose: () => void;
}) {
  const { projectId, counts, cell, attr, onClose } = props;
  const [offset, setOffset] = useState(0);
  const reply = useApi<ReportCommentsReply>(
    commentsUrl(projectId, cell, attr, offset),
  );
  const total = reply.data?.total ?? 0;
  const shown = reply.data?.comments.length ?? 0;
  const theme = counts.themes.find((t) => t.id === cell.themeId)?.name;
  const question = counts.questions.find(
    (q) => q.id === cell.questionId,
  )?.label;
  return (
    <section className="card comments-behind" aria-labelledby="behind-heading">
      <h2 id="behind-heading">
        {theme} · {question}
        {reply.data && ` · ${plural(reply.data.total, 'comment')}`}
      </h2>
      <button type="button" onClick={onClose}>
        Close
      </button>
      <ErrorMessage error={reply.error} />
      <ul className="comment-list">
        {reply.data?.comments.map((c) => (
          <li key={c.id}>
            <p className="comment-text small">{c.text}</p>
            <p className="muted">
              {c.respondentExternalId} · {c.themes.join(', ')}
            </p>
          </li>
        ))}
      </ul>
      {reply.data && total > PAGE_SIZE && (
        <nav className="row pager" aria-label="Pages of comments">
          <button
            type="button"
            disabled={offset === 0 || reply.loading}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Previous {PAGE_SIZE}
          </button>
          <p className="muted" role="status">
            Comments {shown === 0 ? 0 : offset + 1}–{offset + shown} of {total}
          </p>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= total || reply.loading}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Next {PAGE_SIZE}
          </button>
        </nav>
      )}
    </section>
  );
}
