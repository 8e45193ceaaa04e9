'use client';

import { ErrorText } from '@/components/ui/error-text';
import { RunArtifacts } from './run-artifacts';
import { RunMetrics } from './run-metrics';
import { useTrackingRuns, type TTrackingRunsOf } from './use-tracking-runs';

/** The Metrics or Artifacts tab of a Weft run (its tracking runs) or of one tracking run. */
export function RunTrackingTab({ projectId, of, tab }: { projectId: string; of: TTrackingRunsOf; tab: 'metrics' | 'artifacts' }) {
  const trackingRuns = useTrackingRuns(projectId, of);
  if (trackingRuns.isError) return <div className="p-6"><ErrorText error={trackingRuns.error} /></div>;
  if (trackingRuns.isPending) return <p className="p-6 text-sm text-slate-500">Loading…</p>;
  return tab === 'metrics' ? <RunMetrics projectId={projectId} trackingRuns={trackingRuns.data} /> : <RunArtifacts projectId={projectId} trackingRuns={trackingRuns.data} />;
}
