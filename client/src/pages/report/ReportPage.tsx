import { useRef, useState } from 'react';
import type { ProjectDetail, ReportCounts } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../use-api';
import { BaseLine } from './BaseLine';
import { CommentsBehind } from './CommentsBehind';
import { CountsTable } from './CountsTable';
import { Downloads } from './Downloads';
import { GroupTabs } from './GroupTabs';
import { ReportControls, type View } from './ReportControls';
import { ThemeChart } from './ThemeChart';
import {
  QUESTION_COLOURS,
  rowsForGroup,
  type CellRef,
  type SortOrder,
} from './report-data';

function countsUrl(projectId: number, attr: string): string {
  const query = attr ? `?attr=${encodeURIComponent(attr)}` : '';
  return `/api/projects/${projectId}/report/counts${query}`;
}

export function ReportPage({ project }: { project: ProjectDetail }) {
  const [attr, setAttr] = useState('');
  const [tab, setTab] = useState(0);
  const [order, setOrder] = useState<SortOrder>('count');
  const [view, setView] = useState<View>('chart');
  const [cell, setCell] = useState<CellRef | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const counts = useApi<ReportCounts>(countsUrl(project.id, attr));
  const data = counts.data;
  const group = data?.groups[Math.min(tab, data.groups.length - 1)];
  const rows = data && group ? rowsForGroup(data, group.id, order) : [];
  const legend = (data?.questions ?? []).map((q, i) => ({
    label: q.label,
    colour: QUESTION_COLOURS[i % QUESTION_COLOURS.length] ?? '#2f5d8a',
  }));

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
          >
            <ReportControls
              attributes={project.attributes}
              attr={attr}
              onAttr={setAttr}
              order={order}
              onOrder={setOrder}
              view={view}
              onView={setView}
            />
            <BaseLine counts={data} group={group} />
            {view === 'chart' ? (
              <ThemeChart
                counts={data}
                rows={rows}
                groupId={group.id}
                onSelect={setCell}
                chartRef={chartRef}
              />
            ) : (
              <CountsTable
                counts={data}
                rows={rows}
                groupId={group.id}
                onSelect={setCell}
              />
            )}
            <p className="note">{data.note}</p>
            {cell && (
              <CommentsBehind
                projectId={project.id}
                counts={data}
                cell={cell}
                attr={attr}
                onClose={() => setCell(null)}
              />
            )}
            <Downloads
              projectId={project.id}
              attr={attr}
              chartRef={chartRef}
              chartName={`${project.name} - ${group.name}`}
              legend={legend}
            />
          </div>
        </>
      )}
    </>
  );
}
