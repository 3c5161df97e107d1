import { ApiError, errorMessage } from '../api/client';

/** An error sentence, with the file's located problems listed under it. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  const text = typeof error === 'string' ? error : errorMessage(error);
  return (
    <div className="error" role="alert">
      <p>{text}</p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              {p.row !== undefined && <>Row {p.row}</>}
              {p.column !== undefined && <>, column {p.column}</>}
              {(p.row !== undefined || p.column !== undefined) && ': '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
