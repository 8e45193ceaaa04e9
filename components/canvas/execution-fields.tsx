'use client';

import { useId } from 'react';
import type { TPipelineNode, TRetry } from '@/workflows/dsl';
import { Field } from '@/components/ui/field';
import { ListInput } from './list-input';
import { NumberInput } from './number-input';
import { omitUndefined } from './spec-edits';

const DEFAULT_RETRY: TRetry = { maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 };

type TProps = { node: TPipelineNode; onChange: (patch: Partial<TPipelineNode>) => void };

/** Retry policy, time limits and caching of a node; all optional in the spec (an emptied field leaves it). */
export function ExecutionFields({ node, onChange }: TProps) {
  const retry = node.retry;
  const cacheHintId = useId();
  const setRetry = (patch: Partial<TRetry>) => retry && onChange({ retry: omitUndefined({ ...retry, ...patch }) });
  return (
    <fieldset className="space-y-3">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Execution</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={Boolean(retry)} onChange={(e) => onChange({ retry: e.target.checked ? DEFAULT_RETRY : undefined })} />
        Retry when an attempt fails
      </label>
      {retry ? (
        <div className="space-y-3">
          <div className="grid grid-cols-3 gap-2">
            <Field label="Max attempts">
              <NumberInput value={retry.maxAttempts} onChange={(v) => v !== undefined && setRetry({ maxAttempts: v })} step={1} min={1} />
            </Field>
            <Field label="First wait (s)">
              <NumberInput value={retry.initialIntervalSeconds} onChange={(v) => v !== undefined && setRetry({ initialIntervalSeconds: v })} step={0.5} min={0.1} />
            </Field>
            <Field label="Backoff ×">
              <NumberInput value={retry.backoffCoefficient} onChange={(v) => v !== undefined && setRetry({ backoffCoefficient: v })} step={0.5} min={1} />
            </Field>
          </div>
          <Field label="Max retry interval (s)" hint="Longest wait between attempts; empty for no limit.">
            <NumberInput optional value={retry.maxIntervalSeconds} onChange={(v) => setRetry({ maxIntervalSeconds: v })} step={1} min={0.1} placeholder="none" />
          </Field>
          <Field label="Non-retryable error types" hint="Comma-separated failure types that retrying cannot fix, e.g. StepFailed.">
            <ListInput value={retry.nonRetryableErrorTypes} onChange={(v) => setRetry({ nonRetryableErrorTypes: v })} placeholder="none" />
          </Field>
        </div>
      ) : null}
      <Field label="Timeout (seconds)" hint="Limit of one attempt; empty for none.">
        <NumberInput optional value={node.timeoutSeconds} onChange={(v) => onChange({ timeoutSeconds: v })} step={1} min={1} placeholder="none" />
      </Field>
      <Field label="Heartbeat timeout (s)" hint="A running step silent this long is taken for lost (its worker died) and retried; empty for none.">
        <NumberInput optional value={node.heartbeatTimeoutSeconds} onChange={(v) => onChange({ heartbeatTimeoutSeconds: v })} step={1} min={1} placeholder="none" />
      </Field>
      <Field label="Schedule-to-start limit (s)" hint="How long the step may wait for a worker of its pool before the run flags it; empty for none.">
        <NumberInput optional value={node.scheduleToStartTimeoutSeconds} onChange={(v) => onChange({ scheduleToStartTimeoutSeconds: v })} step={1} min={1} placeholder="none" />
      </Field>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          {/* cache defaults to true: only the opt-out is written to the spec */}
          <input type="checkbox" checked={node.cache !== false} onChange={(e) => onChange({ cache: e.target.checked ? undefined : false })} aria-describedby={cacheHintId} />
          Use cached results
        </label>
        <span id={cacheHintId} className="block text-xs text-slate-500">
          Reuse the outputs of an identical earlier execution (same config and inputs) instead of running again.
        </span>
      </div>
    </fieldset>
  );
}
