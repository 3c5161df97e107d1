import { useRef, useState } from 'react';
import type { ProjectDetail, Theme } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../use-api';
import { CodingPanel } from './CodingPanel';
import { KeyHelp } from './KeyHelp';
import { QueueFilters } from './QueueFilters';
import { QueueHeader } from './QueueHeader';
import type { Draft } from './use-coding-session';
import { DEFAULT_FILTER, useQueue, type QueueFilter } from './use-queue';
import './code.css';

export function CodePage({ project }: { project: ProjectDetail }) {
  const [filter, setFilter] = useState<QueueFilter>(DEFAULT_FILTER);
  const { queue, loads, error, countCoded } = useQueue(project.id, filter);
  const themes = useApi<Theme[]>(`/api/projects/${project.id}/themes`);
  const searchRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLElement>(null);
  // Unsaved ticks, carried into the next queue when it holds their comment.
  const [draft, setDraft] = useState<Draft | null>(null);

  /** Back to the comment, or to the page when none is on screen. */
  function focusComment() {
    const target = commentRef.current ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
  }

  return (
    <div className="code-page">
      <h1 className="visually-hidden">Code comments</h1>
      <QueueHeader
        queue={queue}
        onShowUnreconciled={() =>
          setFilter((f) => ({ ...f, status: 'unreconciled' }))
        }
      />
      <QueueFilters
        project={project}
        filter={filter}
        onChange={setFilter}
        searchRef={searchRef}
        onSearchDone={focusComment}
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
          commentRef={commentRef}
          draft={draft}
          onDraft={setDraft}
        />
      )}
      <KeyHelp />
    </div>
  );
}
