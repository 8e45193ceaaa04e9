'use client';

import { useState, type FormEvent } from 'react';
import { TD } from '@/components/pools/table';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input } from '@/components/ui/field';
import { useRenameProject, useSetProjectArchived, type TAdminProject } from './use-admin';

/** A project: rename it in place, archive it (its schedules pause, its runs stay) or restore it. */
export function ProjectRow({ project }: { project: TAdminProject }) {
  const rename = useRenameProject();
  const archive = useSetProjectArchived();
  const [editing, setEditing] = useState(false);
  const archived = project.archivedAt !== null;

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    rename.mutate({ projectId: project.id, name }, { onSuccess: () => setEditing(false) });
  }

  return (
    <tr data-testid={`project-${project.slug}`} className={archived ? 'text-slate-400' : ''}>
      <td className={TD}>
        {editing ? (
          <form onSubmit={onRename} className="flex gap-2">
            <Input name="name" aria-label={`New name of ${project.slug}`} defaultValue={project.name} required maxLength={120} autoFocus />
            <Button type="submit" disabled={rename.isPending}>
              Save
            </Button>
          </form>
        ) : (
          project.name
        )}
        <ErrorText error={rename.error ?? archive.error} />
      </td>
      <td className={TD}>{project.slug}</td>
      <td className={TD}>{project.team ?? 'unassigned'}</td>
      <td className={TD}>{project.members ?? 0}</td>
      <td className={`${TD} space-x-1 text-right`}>
        {archived ? <span className="text-xs">archived</span> : null}
        {!archived && !editing ? (
          <Button variant="ghost" onClick={() => setEditing(true)}>
            Rename
          </Button>
        ) : null}
        <Button variant="ghost" disabled={archive.isPending} onClick={() => archive.mutate({ projectId: project.id, archived: !archived })}>
          {archived ? 'Restore' : 'Archive'}
        </Button>
      </td>
    </tr>
  );
}
