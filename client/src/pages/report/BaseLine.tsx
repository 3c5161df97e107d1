import type { ReportCounts } from '../../api/types';
import { plural } from '../../../../shared/wording';

type ReportGroup = ReportCounts['groups'][number];

/** What the counts are out of: respondents and comments per question. */
export function BaseLine(props: { counts: ReportCounts; group: ReportGroup }) {
  const { counts, group } = props;
  const bases = counts.questions.map((q) => ({
    q,
    base: group.base[String(q.id)],
  }));
  const apart = bases.filter(
    ({ base }) =>
      base &&
      (base.placeholders > 0 || base.unreconciled > 0 || base.uncoded > 0),
  );
  return (
    <div className="base-line">
      <p>
        <strong>Base:</strong> {plural(group.respondents, 'respondent')}
        {bases.map(({ q, base }) => (
          <span key={q.id}>
            {' · '}
            {q.label} {plural(base?.comments ?? 0, 'comment')}
          </span>
        ))}
      </p>
      {apart.length > 0 && (
        <p className="muted">
          Counted apart (in no theme):{' '}
          {apart
            .map(
              ({ q, base }) =>
                `${q.label}: ${plural(base?.placeholders ?? 0, 'placeholder')}, ${(base?.unreconciled ?? 0).toLocaleString()} unreconciled, ${(base?.uncoded ?? 0).toLocaleString()} not coded yet`,
            )
            .join(' · ')}
        </p>
      )}
    </div>
  );
}
