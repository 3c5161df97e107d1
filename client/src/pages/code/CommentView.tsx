import type { CommentDetail, Match, Theme } from '../../api/types';
import { segmentText } from './highlight';

function OtherCodings(props: { comment: CommentDetail; themes: Theme[] }) {
  const { comment, themes } = props;
  if (comment.otherCodings.length === 0) return null;
  const name = (id: number) =>
    themes.find((t) => t.id === id)?.name ?? `#${id}`;
  return (
    <ul className="other-codings" aria-label="Other coders">
      {comment.otherCodings.map((c) => (
        <li key={c.coder}>
          <strong>{c.coder}:</strong>{' '}
          {c.themeIds.length === 0
            ? 'no theme'
            : c.themeIds.map(name).join(', ')}
        </li>
      ))}
    </ul>
  );
}

/** The comment exactly as written, with the suggestion words marked. */
export function CommentView(props: {
  comment: CommentDetail;
  matches: Match[];
  themes: Theme[];
}) {
  const { comment, matches, themes } = props;
  const attributes = Object.entries(comment.respondent.attributes);
  return (
    <article className="comment" aria-labelledby="comment-heading">
      <h2 id="comment-heading" className="comment-meta">
        {comment.respondent.externalId} · {comment.group?.name ?? 'No group'} ·{' '}
        {comment.question.label}
      </h2>
      {attributes.length > 0 && (
        <p className="attributes">
          {attributes.map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}
        </p>
      )}
      {!comment.substantive && <p className="tag">placeholder answer</p>}
      <blockquote className="comment-text">
        {segmentText(comment.text, matches).map((s, i) =>
          s.marked ? (
            <mark key={i} title={`matches ${s.keywords.join(', ')}`}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </blockquote>
      <OtherCodings comment={comment} themes={themes} />
    </article>
  );
}
