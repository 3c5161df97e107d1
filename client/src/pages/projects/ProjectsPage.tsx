import type { ProjectSummary } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { hrefFor } from '../../router';
import { useApi } from '../../use-api';
import { NewProjectForm } from './NewProjectForm';

function ProjectList({ projects }: { projects: ProjectSummary[] }) {
  if (projects.length === 0)
    return <p>No projects yet. Create one to import a survey.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Projects</caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Respondents</th>
          <th scope="col">Comments</th>
          <th scope="col">Coded</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <a href={hrefFor({ page: 'code', projectId: p.id })}>{p.name}</a>
            </th>
            <td className="num">{p.respondents.toLocaleString()}</td>
            <td className="num">{p.comments.toLocaleString()}</td>
            <td className="num">{p.codedComments.toLocaleString()}</td>
            <td>{new Date(p.createdAt).toLocaleDateString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProjectsPage() {
  const projects = useApi<ProjectSummary[]>('/api/projects');
  return (
    <>
      <h1>Projects</h1>
      <ErrorMessage error={projects.error} />
      {projects.data && <ProjectList projects={projects.data} />}
      <NewProjectForm />
    </>
  );
}
