import { Suspense, lazy, useEffect } from 'react';
import type { ProjectDetail } from './api/types';
import { ErrorMessage } from './components/ErrorMessage';
import { hrefFor, useRoute, type PageName, type Route } from './router';
import { useApi } from './use-api';
import { ProjectsPage } from './pages/projects/ProjectsPage';
import { ImportPage } from './pages/import/ImportPage';
import { CodebookPage } from './pages/codebook/CodebookPage';
import { CodePage } from './pages/code/CodePage';

// The report page carries the charting library: load it when opened.
const ReportPage = lazy(() =>
  import('./pages/report/ReportPage').then((m) => ({ default: m.ReportPage })),
);

const PAGE_TITLES: Record<PageName, string> = {
  import: 'Import',
  codebook: 'Codebook',
  code: 'Code',
  report: 'Report',
};

function ProjectNav({ route }: { route: Route }) {
  if (route.page === 'projects') return null;
  const pages = Object.keys(PAGE_TITLES) as PageName[];
  return (
    <nav aria-label="Project">
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <a
              href={hrefFor({ page, projectId: route.projectId })}
              aria-current={route.page === page ? 'page' : undefined}
            >
              {PAGE_TITLES[page]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ProjectPage(props: { route: Route; project: ProjectDetail }) {
  const { route, project } = props;
  switch (route.page) {
    case 'import':
      return <ImportPage project={project} />;
    case 'codebook':
      return <CodebookPage project={project} />;
    case 'code':
      return <CodePage project={project} />;
    case 'report':
      return (
        <Suspense fallback={<p role="status">Loading the report…</p>}>
          <ReportPage project={project} />
        </Suspense>
      );
    default:
      return null;
  }
}

export function App() {
  const route = useRoute();
  const projectId = route.page === 'projects' ? null : route.projectId;
  const project = useApi<ProjectDetail>(
    projectId === null ? null : `/api/projects/${projectId}`,
  );
  const { reload } = project;
  const title =
    route.page === 'projects' ? 'Projects' : PAGE_TITLES[route.page];

  // The project's groups and questions change after an import or a new theme.
  useEffect(() => {
    if (projectId !== null) reload();
  }, [route.page, projectId, reload]);

  // A new page starts with focus in main, so keys (Enter on the coding page)
  // act on the page rather than on the nav link just followed.
  useEffect(() => {
    document.title = `${title} · Verbatim`;
    document.getElementById('main')?.focus();
  }, [title]);

  const ready = project.data !== null && project.data.id === projectId;
  return (
    <>
      <header className="app-header">
        <a className="brand" href="#/">
          Verbatim
        </a>
        {ready && <span className="project-name">{project.data?.name}</span>}
        <ProjectNav route={route} />
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'projects' && <ProjectsPage />}
        {projectId !== null && <ErrorMessage error={project.error} />}
        {projectId !== null && ready && project.data && (
          <ProjectPage route={route} project={project.data} />
        )}
      </main>
    </>
  );
}
