'use client';

import type { TApiOutputs } from '@/components/providers/api-types';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { useAlertRuleChanges } from '@/hooks/use-alert-rule-changes';

type TRule = TApiOutputs['models']['monitoring']['rules'][number];

const describe = (r: TRule) =>
  `${r.metric === 'feature_psi' ? 'any feature’s PSI' : 'drifted features'} > ${r.threshold} on ${r.consecutive} consecutive check${r.consecutive === 1 ? '' : 's'}` +
  (r.notifySecret ? ` · webhook ${r.notifySecret}` : '') +
  (r.retrainPipelineName ? ` · retrains with ${r.retrainPipelineName}${r.retrainParameter ? ` (${r.retrainParameter} = the checked data)` : ''}` : '');

/** A model's alert rules; editors turn them on or off and delete them. */
export function AlertRules({ projectId, rules, canEdit }: { projectId: string; rules: TRule[]; canEdit: boolean }) {
  const { enable, disable, remove } = useAlertRuleChanges();
  if (rules.length === 0) return <p className="text-sm text-slate-500">No alert rule.</p>;
  return (
    <div className="space-y-1">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="alert-rules">
        {rules.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 p-3">
            <span className="font-medium">{r.name}</span>
            <span className="text-slate-600">{describe(r)}</span>
            {r.enabled ? null : <span className="text-xs text-slate-500">(off)</span>}
            {canEdit ? (
              <span className="ml-auto flex gap-2">
                <Button onClick={() => (r.enabled ? disable : enable).mutate({ projectId, ruleId: r.id })}>{r.enabled ? 'Turn off' : 'Turn on'}</Button>
                <Button onClick={() => remove.mutate({ projectId, ruleId: r.id })}>Delete</Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorText error={enable.error ?? disable.error ?? remove.error} />
    </div>
  );
}
