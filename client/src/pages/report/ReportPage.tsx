import { useRef, useState } from 'react';
import type { ProjectDetail, ReportCounts } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from '../../../../shared/wording';
import { useApi } from '../../use-api';
import { BaseLine } from './BaseLine';
import type { ChartCaption } from './chart-export';
import { CommentsBehind } from './CommentsBehind';
import { CountsTable } from './CountsTable';
import { Downloads } from './Downloads';
import { GroupTabs } from './GroupTabs';
import { ReportControls, type ReportOptions } from './ReportControls';
import { ThemeChart } from './ThemeChart';
import {
  MEASURE_LABELS,
  questionPaint,
  questionsWithComments,
  rowsForGroup,
  type CellRef,
  type ReportQuestion,
} from './report-data';

type ReportGroup = ReportCounts['groups'][number];

function countsUrl(projectId: number, attr: string): string {
  const query = attr ? `?attr=${encodeURIComponent(attr)}` : '';
  return `/api/projects/${projectId}/report/counts${query}`;
}

/** Title, base, filter and note for the chart as a file of its own. */
function chartCaption(
  project: ProjectDetail,
  counts: ReportCounts,
  group: ReportGroup,
  questions: readonly ReportQuestion[],
  options: ReportOptions,
): ChartCaption {
  const perQuestion = questions
    .map((q) => {
      const base = group.base[String(q.id)];
      return `${q.label}: ${plural(base?.comments ?? 0, 'comment')} (${(base?.coded ?? 0).toLocaleString()} coded)`;
    })
    .join('; ');
  const filter = options.filter
    ? `Filter: ${options.filter.name} is ${options.filter.value}.`
    : 'Filter: none (all respondents).';
  return {
    title: `${project.name} — ${group.name}`,
    lines: [
      `Base: ${plural(group.respondents, 'respondent')}. ${perQuestion}.`,
      filter,
      `Bars show: ${MEASURE_LABELS[options.measure]}. ${counts.counted}`,
    ],
    note: counts.note,
    legend: questions.map((q) => ({
      label: q.label,
      colour: questionPaint(counts, q.id).fill,
    })),
  };
}

export function ReportPage({ project }: { project: ProjectDetail }) {
  const [options, setOptions] = useState<ReportOptions>({
    filter: null,
    order: 'count',
    view: 'chart',
    measure: 'count',
    hideZero: true,
  });
  const [tab, setTab] = useState(0);
  const [cell, setCell] = useState<CellRef | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const attr = options.filter
    ? `${options.filter.name}:${options.filter.value}`
    : '';
  const counts = useApi<ReportCounts>(countsUrl(project.id, attr));
  const data = counts.data;
  const group = data?.groups[Math.min(tab, data.groups.length - 1)];
  const questions = data && group ? questionsWithComments(data, group.id) : [];
  const rows =
    data && group
      ? rowsForGroup(data, group.id, {
          order: options.order,
          questions,
          measure: options.measure,
          hideZero: options.hideZero,
        })
      : [];

  function changeOptions(next: ReportOptions) {
    if (next.filter !== options.filter) setCell(null);
    setOptions(next);
  }

  return (
    <>
      <h1>Report</h1>
      <ErrorMessage error={counts.error} />
      {data && data.groups.length === 0 && (
        <p>Nothing to count yet: import a survey first.</p>
      )}
      {data && group && (
        <>
          <GroupTabs
            groups={data.groups}
            selected={tab}
            onSelect={(i) => {
              setTab(i);
              setCell(null);
            }}
          />
          <div
            id="group-panel"
            role="tabpanel"
            aria-labelledby={`group-tab-${tab}`}
            // Busy while the counts for a new filter are on their way: the
            // numbers shown are still those of the filter before.
            aria-busy={counts.loading}
          >
            <ReportControls
              attributes={project.attributes}
              options={options}
              onChange={changeOptions}
            />
            <BaseLine counts={data} group={group} />
            {questions.length === 0 ? (
              <p>No respondent of {group.name} answered an open question.</p>
            ) : rows.length === 0 ? (
              <p>
                No theme counts a comment of {group.name} yet. Untick “Hide
                themes with 0” to list the whole codebook.
              </p>
            ) : options.view === 'chart' ? (
              <ThemeChart
                counts={data}
                rows={rows}
                questions={questions}
                groupId={group.id}
                measure={options.measure}
                onSelect={setCell}
                chartRef={chartRef}
              />
            ) : (
              <CountsTable
                counts={data}
                rows={rows}
                questions={questions}
                groupId={group.id}
                measure={options.measure}
                onSelect={setCell}
              />
            )}
            <p className="note">{data.note}</p>
            {cell && (
              <CommentsBehind
                key={`${cell.themeId}/${cell.questionId}/${cell.groupId ?? 'none'}/${attr}`}
                projectId={project.id}
                counts={data}
                cell={cell}
                attr={attr}
                onClose={() => setCell(null)}
              />
            )}
            <Downloads
              projectId={project.id}
              filter={options.filter}
              group={group}
              chartRef={chartRef}
              chartName={`${project.name} - ${group.name}`}
              caption={chartCaption(project, data, group, questions, options)}
            />
          </div>
        </>
      )}
    </>
  );
}
