import type { ImportReport } from '../../api/types';
import { hrefFor } from '../../router';
import { newAndMatched, plural } from '../../../../shared/wording';

function groupCounts(group: ImportReport['groups'][number]): string {
  const counts = [`${group.respondentsNew.toLocaleString()} new`];
  if (group.respondentsMatched > 0)
    counts.push(
      `${group.respondentsMatched.toLocaleString()} already in the project`,
    );
  return `${group.name}: ${counts.join(', ')}`;
}

export function ImportReportView(props: {
  report: ImportReport;
  projectId: number;
}) {
  const { report, projectId } = props;
  const newThemes = report.newThemes.length;
  return (
    <section aria-labelledby="report-heading" className="card">
      <h2 id="report-heading">Imported</h2>
      <ul className="facts">
        <li>
          {plural(report.respondents, 'respondent')}
          {newAndMatched(report.respondentsNew, report.respondentsMatched)}
        </li>
        <li>
          {plural(report.comments, 'comment')}
          {newAndMatched(report.commentsNew, report.commentsMatched)} (
          {report.substantive.toLocaleString()} substantive,{' '}
          {plural(report.placeholders, 'placeholder')})
        </li>
        <li>{plural(report.skippedBlank, 'blank answer')} skipped</li>
        <li>
          {plural(report.questions.length, 'question')} (
          {report.questions.map((q) => q.label).join(' · ')}) ·{' '}
          {plural(report.groups.length, 'respondent group')}
          {report.groups.length > 0 &&
            ` (${report.groups.map(groupCounts).join(' · ')})`}
        </li>
        {report.coders.length > 0 && (
          <li>
            {report.coders
              .map((c) => `${plural(c.codings, 'coding')} by ${c.name}`)
              .join(', ')}
            {newThemes > 0 && <>, {plural(newThemes, 'new theme')}</>}
          </li>
        )}
        {report.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
        {(report.unmappedGroupValues ?? []).map((u) => (
          <li key={u.value}>
            Group value “{u.value}” was not mapped to a group (
            {plural(u.respondents, 'respondent')})
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefFor({ page: 'code', projectId })}>Start coding</a> ·{' '}
        <a href={hrefFor({ page: 'codebook', projectId })}>
          Review the codebook
        </a>
      </p>
    </section>
  );
}
