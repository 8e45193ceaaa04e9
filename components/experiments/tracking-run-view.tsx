'use client';

import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { RunTabs, useRunTab, type TRunTab } from '@/components/runs/run-tabs';
import { RunTrackingTab } from '@/components/runs/run-tracking-tab';
import { useTrackingRuns } from '@/components/runs/use-tracking-runs';

const TABS: readonly TRunTab[] = ['metrics', 'artifacts'];

/** A tracking run without a Weft run (an MLflow client's): its Metrics and Artifacts tabs. */
export function TrackingRunView({ experimentId, runUuid }: { experimentId: number; runUuid: string }) {
  const { project } = useProject();
  const [tab, setTab] = useRunTab(TABS);
  const run = useTrackingRuns(project.id, { runUuid }).data?.[0];
  return (
    <div className="flex h-full flex-col">
      <div className="flex shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href={`/experiments/${experimentId}`} className="text-sm text-slate-500 hover:text-slate-800">
          Experiment /
        </Link>
        <h1 className="font-semibold">{run?.name ?? runUuid}</h1>
        {run ? <span className="text-xs text-slate-500">{run.status.toLowerCase()}</span> : null}
        <span className="ml-auto font-mono text-xs text-slate-400">{runUuid}</span>
      </div>
      <RunTabs tabs={TABS} active={tab} onChange={setTab} />
      <div className="min-h-0 flex-1 overflow-auto">
        <RunTrackingTab projectId={project.id} of={{ runUuid }} tab={tab === 'artifacts' ? 'artifacts' : 'metrics'} />
      </div>
    </div>
  );
}
