'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, type ChangeEvent } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { errorProblems } from '@/components/providers/trpc-errors';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { MAX_PIPELINE_FILE_CHARS, pipelineFileFormat } from '@/workflows/dsl/pipeline-file';

/** "Import": a JSON or YAML file exported from Weft becomes a new pipeline; a bad one lists its problems and nothing is stored. */
export function ImportPipelineButton() {
  const { project } = useProject();
  const trpc = useTRPC();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const importFile = useMutation(trpc.pipelines.import.mutationOptions({ onSuccess: ({ id }) => router.push(`/pipelines/${id}`) }));

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be picked again after a fix
    if (!file) return;
    if (file.size > MAX_PIPELINE_FILE_CHARS) {
      importFile.reset();
      return;
    }
    importFile.mutate({ projectId: project.id, format: pipelineFileFormat(file.name), text: await file.text() });
  }

  const problems = errorProblems(importFile.error);
  return (
    <div className="relative">
      <input ref={input} type="file" accept=".json,.yaml,.yml,application/json,application/yaml" className="sr-only" aria-label="Pipeline file to import" data-testid="import-file" onChange={(e) => void onFile(e)} />
      <Button onClick={() => input.current?.click()} disabled={importFile.isPending}>
        Import…
      </Button>
      {importFile.error ? (
        <div className="absolute right-0 z-10 mt-2 w-96 space-y-2 rounded-md border border-red-200 bg-white p-3 shadow-lg" data-testid="import-problems">
          <ErrorText error={importFile.error} />
          {problems.length ? (
            <ul className="max-h-60 list-disc space-y-1 overflow-auto pl-5 text-xs text-red-800">
              {problems.map((p, i) => (
                <li key={i}>
                  {p.nodeId ? <strong>{p.nodeId}: </strong> : null}
                  {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          <Button variant="ghost" onClick={() => importFile.reset()}>
            Dismiss
          </Button>
        </div>
      ) : null}
    </div>
  );
}
