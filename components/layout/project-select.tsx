'use client';

import { useProject } from '@/components/project/project-context';

/** The current project's name, or a selector when the user belongs to several. */
export function ProjectSelect() {
  const { projects, project, selectProject } = useProject();
  if (projects.length < 2) {
    return (
      <span className="text-sm text-slate-600">
        {project.name} <span className="text-xs text-slate-400">({project.role})</span>
      </span>
    );
  }
  return (
    <select
      aria-label="Project"
      value={project.id}
      onChange={(e) => selectProject(e.target.value)}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
    >
      {projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.role})
        </option>
      ))}
    </select>
  );
}
