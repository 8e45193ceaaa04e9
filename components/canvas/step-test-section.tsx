'use client';

import type { TPipelineSpec } from '@/workflows/dsl';
import { LogViewer } from '@/components/runs/log-viewer';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { useStepTest } from './use-step-test';

type TProps = { projectId: string; pipelineId: string; nodeId: string; spec: TPipelineSpec };

/**
 * Runs the selected node of the draft alone on its pool, with the last run's upstream outputs,
 * and shows its log and outputs here. Nothing is saved and no run is made.
 */
export function StepTestSection({ projectId, pipelineId, nodeId, spec }: TProps) {
  const test = useStepTest(projectId, pipelineId, nodeId);
  const { result } = test;
  const running = test.starting || result?.status === 'running';
  return (
    <section className="space-y-2 border-t border-slate-200 p-4" data-testid="step-test" aria-label="Test this step">
      <div className="flex items-center gap-2">
        <Button onClick={() => test.run(spec)} disabled={running} data-testid="test-step">
          {running ? 'Testing…' : 'Test this step'}
        </Button>
        {result ? <StatusBadge status={result.status} /> : null}
      </div>
      <p className="text-xs text-slate-500">Runs this node of the draft alone on its pool with the outputs of the last run&apos;s upstream steps. No run is recorded.</p>
      <ErrorText error={test.startError ?? test.resultError} />
      {test.missingInputs.length ? (
        <p className="text-xs text-amber-800" data-testid="step-test-missing">
          No run has outputs of {test.missingInputs.join(', ')} yet: the step gets no input from {test.missingInputs.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {result?.status === 'failed' ? (
        <p className="text-sm text-red-700" data-testid="step-test-error">
          {result.error}
        </p>
      ) : null}
      {result?.status === 'succeeded' ? <TestOutputs metrics={result.outputs.metrics} artifacts={Object.keys(result.outputs.artifacts)} /> : null}
      {result ? (
        <div className="flex h-72 flex-col overflow-hidden rounded border border-slate-200">
          <LogViewer text={result.log} live={result.status === 'running'} startedAt={result.status === 'running' ? null : result.startedAt} fileName={`test-${nodeId}.log`} />
        </div>
      ) : null}
    </section>
  );
}

function TestOutputs({ metrics, artifacts }: { metrics: Record<string, number>; artifacts: string[] }) {
  const entries = Object.entries(metrics);
  if (!entries.length && !artifacts.length) return <p className="text-xs text-slate-500">No outputs.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="step-test-outputs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-slate-500">{key}</dt>
          <dd className="font-mono">{value}</dd>
        </div>
      ))}
      {artifacts.length ? (
        <>
          <dt className="text-slate-500">files</dt>
          <dd className="font-mono">{artifacts.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}
