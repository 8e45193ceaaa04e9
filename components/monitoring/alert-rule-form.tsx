'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select } from '@/components/ui/field';
import { useAlertRuleChanges } from '@/hooks/use-alert-rule-changes';

/** A new alert rule on the model: what it watches, when it fires, whom it notifies, what it retrains. */
export function AlertRuleForm({ projectId, modelName }: { projectId: string; modelName: string }) {
  const trpc = useTRPC();
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId }));
  const { create } = useAlertRuleChanges();
  const [name, setName] = useState('PSI drift');
  const [metric, setMetric] = useState<'feature_psi' | 'drifted_features'>('feature_psi');
  const [threshold, setThreshold] = useState(0.2);
  const [consecutive, setConsecutive] = useState(2);
  const [notifySecret, setNotifySecret] = useState('');
  const [retrainPipelineId, setRetrainPipelineId] = useState('');
  const [retrainParameter, setRetrainParameter] = useState('');
  const send = () =>
    create.mutate({
      projectId,
      modelName,
      name,
      metric,
      threshold,
      consecutive,
      notifySecret,
      ...(retrainPipelineId ? { retrainPipelineId, ...(retrainParameter ? { retrainParameter } : {}) } : {}),
    });

  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="alert-rule-form">
      <h3 className="text-sm font-semibold text-slate-700">New alert rule</h3>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field label="Name">
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        </Field>
        <Field label="Watches">
          <Select value={metric} onChange={(e) => setMetric(e.target.value === 'drifted_features' ? 'drifted_features' : 'feature_psi')}>
            <option value="feature_psi">any feature’s PSI</option>
            <option value="drifted_features">drifted features</option>
          </Select>
        </Field>
        <Field label="Above">
          <Input type="number" step={0.05} min={0} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
        </Field>
        <Field label="Consecutive checks">
          <Input type="number" min={1} max={20} value={consecutive} onChange={(e) => setConsecutive(Number(e.target.value))} />
        </Field>
        <Field label="Webhook secret" hint="Optional: the project secret holding the URL">
          <Input value={notifySecret} onChange={(e) => setNotifySecret(e.target.value)} maxLength={64} />
        </Field>
        <Field label="Retraining pipeline" hint="Optional: its latest version starts">
          <Select value={retrainPipelineId} onChange={(e) => setRetrainPipelineId(e.target.value)}>
            <option value="">none</option>
            {(pipelines.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Data parameter" hint="Gets the checked data’s sha256">
          <Input value={retrainParameter} onChange={(e) => setRetrainParameter(e.target.value)} disabled={!retrainPipelineId} maxLength={120} />
        </Field>
      </div>
      <Button variant="primary" onClick={send} disabled={create.isPending || !name.trim()}>
        Add rule
      </Button>
      <ErrorText error={create.error} />
    </section>
  );
}
