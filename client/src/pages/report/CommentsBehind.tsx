import type { ReportCommentsReply, ReportCounts } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../use-api';
import type { CellRef } from './report-data';

function commentsUrl(projectId: number, cell: CellRef, attr: string): string {
  const params = new URLSearchParams({
    themeId: String(cell.themeId),
    questionId: String(cell.questionId),
    groupId: cell.groupId === null ? 'none' : String(cell.groupId),
  });
  if (attr) params.set('attr', attr);
  return `/api/projects/${projectId}/report/comments?${params.toString()}`;
}

/** The comments behind one count, shown exactly as written. */
export function CommentsBehind(props: {
  projectId: number;
  counts: ReportCounts;
  cell: CellRef;
  attr: string;
  onClose: () => void;
}) {
  const { projectId, counts, cell, attr, onClose } = props;
  const reply = useApi<ReportCommentsReply>(commentsUrl(projectId, cell, attr));
  const theme = counts.themes.find((t) => t.id === cell.themeId)?.name;
  const question = counts.questions.find(
    (q) => q.id === cell.questionId,
  )?.label;
  return (
    <section className="card comments-behind" aria-labelledby="behind-heading">
      <h2 id="behind-heading">
        {theme} · {question}
        {reply.data && ` · ${reply.data.total} comments`}
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
      {reply.data && reply.data.total > reply.data.comments.length && (
        <p className="muted">
          Showing the first {reply.data.comments.length} of {reply.data.total}.
        </p>
      )}
    </section>
  );
}
