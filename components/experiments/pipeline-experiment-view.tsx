'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { ExperimentView } from './experiment-view';

/** A pipeline's experiment (its runs' tracking data), or why there is none yet. */
export function PipelineExperimentView({ pipelineId }: { pipelineId: string }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const found = useQuery(trpc.experiments.forPipeline.queryOptions({ projectId: project.id, pipelineId }));
  if (found.isError) return <div className="p-6"><ErrorText error={found.error} /></div>;
  if (found.isPending) return <p className="p-6 text-sm text-slate-500">Loading…</p>;
  if (found.data.experimentId === null) {
    return (
      <p className="p-6 text-sm text-slate-500">
        No run of <Link href={`/pipelines/${pipelineId}`} className="text-indigo-700 hover:underline">{found.data.pipelineName}</Link> has logged params or metrics yet.
      </p>
    );
  }
  return <ExperimentView experimentId={found.data.experimentId} />;
}
