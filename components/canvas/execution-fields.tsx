'use client';

import type { TPipelineNode, TRetry } from '@/workflows/dsl';
import { Field } from '@/components/ui/field';
import { NumberInput } from './number-input';

const DEFAULT_RETRY: TRetry = { maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 };

type TProps = { node: TPipelineNode; onChange: (patch: Partial<TPipelineNode>) => void };

/** Retry policy and per-attempt timeout of a node; both optional in the spec. */
export function ExecutionFields({ node, onChange }: TProps) {
  const retry = node.retry;
  const setRetry = (patch: Partial<TRetry>) => retry && onChange({ retry: { ...retry, ...patch } });
  return (
    <fieldset className="space-y-3">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Execution</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={Boolean(retry)} onChange={(e) => onChange({ retry: e.target.checked ? DEFAULT_RETRY : undefined })} />
        Retry when an attempt fails
      </label>
      {retry ? (
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
      ) : null}
      <Field label="Timeout (seconds)" hint="Limit of one attempt; empty for none.">
        <NumberInput optional value={node.timeoutSeconds} onChange={(v) => onChange({ timeoutSeconds: v })} step={1} min={1} placeholder="none" />
      </Field>
    </fieldset>
  );
}
