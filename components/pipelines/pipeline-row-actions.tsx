'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { downloadPipeline } from './download-pipeline';

type TRow = { id: string; name: string; tags: string[]; archivedAt: Date | null };
type TDialog = 'rename' | 'tags' | 'archive' | null;

/** A pipeline's actions in the list: rename, tags, duplicate, export (JSON, YAML), archive or restore, each confirmed in the app's dialog. */
export function PipelineRowActions({ row }: { row: TRow }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [dialog, setDialog] = useState<TDialog>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.pipelines.browse.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() })]);
  const change = useMutation(trpc.pipelines.change.mutationOptions({ onSuccess: async () => (await refresh(), setDialog(null)) }));
  const duplicate = useMutation(trpc.pipelines.duplicate.mutationOptions({ onSuccess: ({ id }) => router.push(`/pipelines/${id}`) }));
  const ref = { projectId: project.id, pipelineId: row.id };

  const exportAs = async (format: 'json' | 'yaml') => {
    const pipeline = await queryClient.fetchQuery(trpc.pipelines.get.queryOptions(ref));
    downloadPipeline({ name: pipeline.name, description: pipeline.description, tags: pipeline.tags, spec: pipeline.draft }, format);
  };
  const open = (which: TDialog) => {
    change.reset();
    setDialog(which);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('value') ?? '');
    if (dialog === 'rename') change.mutate({ ...ref, change: { kind: 'rename', name: value } });
    if (dialog === 'tags') change.mutate({ ...ref, change: { kind: 'tag', tags: value.split(',').map((t) => t.trim()).filter(Boolean) } });
  };

  return (
    <div className="flex flex-wrap justify-end gap-1">
      {row.archivedAt ? (
        <Button variant="ghost" onClick={() => change.mutate({ ...ref, change: { kind: 'restore' } })}>
          Restore
        </Button>
      ) : (
        <>
          <Button variant="ghost" onClick={() => open('rename')}>
            Rename
          </Button>
          <Button variant="ghost" onClick={() => open('tags')}>
            Tags
          </Button>
          <Button variant="ghost" onClick={() => duplicate.mutate(ref)} disabled={duplicate.isPending}>
            Duplicate
          </Button>
          <Button variant="ghost" onClick={() => void exportAs('yaml')} aria-label={`Export ${row.name} as YAML`}>
            YAML
          </Button>
          <Button variant="ghost" onClick={() => void exportAs('json')} aria-label={`Export ${row.name} as JSON`}>
            JSON
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={() => open('archive')}>
            Archive
          </Button>
        </>
      )}
      <ErrorText error={dialog ? null : (change.error ?? duplicate.error)} />
      {dialog === 'rename' || dialog === 'tags' ? (
        <Dialog title={dialog === 'rename' ? `Rename “${row.name}”` : `Tags of “${row.name}”`} onClose={() => setDialog(null)}>
          <form onSubmit={submit} className="space-y-3">
            <Field label={dialog === 'rename' ? 'New name' : 'Tags'} hint={dialog === 'tags' ? 'Comma-separated, e.g. vision, nightly' : undefined}>
              <Input name="value" defaultValue={dialog === 'rename' ? row.name : row.tags.join(', ')} required={dialog === 'rename'} maxLength={dialog === 'rename' ? 120 : 1_000} autoFocus />
            </Field>
            <ErrorText error={change.error} />
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setDialog(null)}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" disabled={change.isPending}>
                Save
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
      {dialog === 'archive' ? (
        <ConfirmDialog title={`Archive “${row.name}”?`} confirmLabel="Archive" onConfirm={() => change.mutate({ ...ref, change: { kind: 'archive' } })} onClose={() => setDialog(null)} pending={change.isPending} error={change.error}>
          It leaves the list and cannot run until it is restored. Its versions, runs and their records are kept.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
