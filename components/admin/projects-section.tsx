'use client';

import { Table } from '@/components/pools/table';
import { ErrorText } from '@/components/ui/error-text';
import { NewProjectForm } from './new-project-form';
import { ProjectRow } from './project-row';
import { useAdminProjects } from './use-admin';

/** Every project, archived ones last; a new one is created here. */
export function ProjectsSection() {
  const projects = useAdminProjects();
  return (
    <section className="space-y-3">
      <h2 className="text-sm font-semibold">Projects</h2>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <NewProjectForm />
      </div>
      <ErrorText error={projects.error} />
      <Table headers={['Name', 'Slug', 'Team', 'Members', '']} empty={projects.isPending ? 'Loading…' : null} testId="projects">
        {projects.data?.map((p) => <ProjectRow key={p.id} project={p} />)}
      </Table>
    </section>
  );
}
