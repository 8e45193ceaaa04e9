'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo } from 'react';
import { RunGantt } from '@/components/run-timeline/run-gantt';
import { PipelineCanvas } from '@/components/canvas/pipeline-canvas';
import { useFlowCanvas } from '@/components/canvas/use-flow-canvas';
import { useProject } from '@/components/project/project-context';
import { ErrorText } from '@/components/ui/error-text';
import { RunHeader } from './run-header';
import { RunTabs, useRunTab, type TRunTab } from './run-tabs';
import { RunTrackingTab } from './run-tracking-tab';
import { StepLogPanel } from './step-log-panel';
import { useRun } from './use-run';

export function RunView({ runId }: { runId: string }) {
  const { project } = useProject();
  const { query, steps } = useRun(project.id, runId);
  if (query.isPending) return <p className="p-6 text-sm text-slate-500">Loading run…</p>;
  if (query.isError) {
    return (
      <div className="p-6">
        <ErrorText error={query.error} />
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <RunWorkspace projectId={project.id} data={query.data} steps={steps} />
    </ReactFlowProvider>
  );
}

const TABS: readonly TRunTab[] = ['graph', 'timeline', 'metrics', 'artifacts'];

type TRunData = NonNullable<ReturnType<typeof useRun>['query']['data']>;

function RunWorkspace({ projectId, data, steps }: { projectId: string; data: TRunData; steps: ReturnType<typeof useRun>['steps'] }) {
  // Read-only: no edit function, so React Flow changes only select and measure.
  const flow = useFlowCanvas({ spec: data.version.spec, steps });
  const selected = flow.selectedNodeId;
  // a link may name a step (`?step=train`, e.g. from a cached step's source): open its log once
  const linkedStep = useSearchParams().get('step');
  const { selectOnly } = flow;
  useEffect(() => {
    if (linkedStep && data.version.spec.nodes.some((n) => n.id === linkedStep)) selectOnly(linkedStep);
  }, [linkedStep, selectOnly, data.version.spec]);
  const step = selected ? data.steps.find((s) => s.nodeId === selected) : undefined;
  const view = selected ? steps.get(selected) : undefined;
  const [tab, setTab] = useRunTab(TABS);
  const labels = useMemo(() => new Map(data.version.spec.nodes.map((n) => [n.id, n.label || n.id])), [data.version.spec]);
  const labelOf = useCallback((nodeId: string) => labels.get(nodeId) ?? nodeId, [labels]);
  return (
    <div className="flex h-full flex-col">
      <RunHeader run={data.run} pipeline={data.pipeline} version={data.version} steps={data.steps} startedByAlert={data.startedByAlert} firedAlerts={data.firedAlerts} />
      <RunTabs tabs={TABS} active={tab} onChange={setTab} />
      {tab === 'timeline' ? (
        <div className="min-h-0 flex-1 overflow-auto p-4">
          <RunGantt runId={data.run.id} labelOf={labelOf} />
        </div>
      ) : null}
      {tab === 'metrics' || tab === 'artifacts' ? (
        <div className="min-h-0 flex-1 overflow-auto">
          <RunTrackingTab projectId={projectId} of={{ weftRunId: data.run.id }} tab={tab} />
        </div>
      ) : null}
      {/* hidden, not unmounted: the canvas keeps its viewport and selected step across tabs */}
      <div className={`min-h-0 flex-1 ${tab === 'graph' ? 'flex' : 'hidden'}`}>
        <div className="relative min-w-0 flex-1">
          <PipelineCanvas flow={flow} editable={false} />
          {!selected ? <p className="pointer-events-none absolute left-4 top-4 text-xs text-slate-400">Click a step to see its log.</p> : null}
        </div>
        {selected ? (
          <aside className="w-[28rem] shrink-0 border-l border-slate-200 bg-white">
            <StepLogPanel
              key={selected}
              projectId={projectId}
              runId={data.run.id}
              nodeId={selected}
              label={labelOf(selected)}
              status={view?.status ?? 'pending'}
              origin={view?.origin ?? 'executed'}
              flag={view?.flag ?? null}
              stepError={step?.error ?? null}
              childRunId={data.childRuns.find((c) => c.nodeId === selected)?.runId}
            />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
