import { useRef, useState } from 'react';
import type { ProjectDetail, Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../use-api';
import { CodingPanel } from './CodingPanel';
import { KeyHelp } from './KeyHelp';
import { QueueFilters } from './QueueFilters';
import { QueueHeader } from './QueueHeader';
import { DEFAULT_FILTER, useQueue, type QueueFilter } from './use-queue';
import './code.css';

export function CodePage({ project }: { project: ProjectDetail }) {
  const [filter, setFilter] = useState<QueueFilter>(DEFAULT_FILTER);
  const { queue, loads, error, countCoded } = useQueue(project.id, filter);
  const themes = useApi<Theme[]>(`/api/projects/${project.id}/themes`);
  const searchRef = useRef<HTMLInputElement>(null);

  return (
    <div className="code-page">
      <h1 className="visually-hidden">Code comments</h1>
      <QueueHeader queue={queue} />
      <QueueFilters
        project={project}
        filter={filter}
        onChange={setFilter}
        searchRef={searchRef}
      />
      <ErrorMessage error={error ?? themes.error} />
      {queue && themes.data && (
        <CodingPanel
          key={loads}
          projectId={project.id}
          ids={queue.commentIds}
          themes={themes.data}
          onThemeAdded={themes.reload}
          onCoded={countCoded}
          onSearchKey={() => searchRef.current?.focus()}
        />
      )}
      <KeyHelp />
    </div>
  );
}
