'use client';

import { useState, type FormEvent } from 'react';
import type { TPoolKind } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select, TextArea } from '@/components/ui/field';
import { formatLabels, parseLabels } from './labels';
import type { TPool } from './use-pools-overview';
import { useSavePool } from './use-save-pool';

/**
 * A new pool, or (given `pool`) an existing pool's labels, description and defaults. Its name and
 * kind show read-only: saved versions route steps to them, so the server refuses a change.
 * `onDone` runs after a save of an existing pool and on Cancel.
 */
export function PoolForm({ pool, onDone }: { pool?: TPool; onDone?: () => void }) {
  const { create, update } = useSavePool();
  const mutation = pool ? update : create;
  const [kind, setKind] = useState<TPoolKind>(pool?.kind ?? 'cpu');
  const [labelsError, setLabelsError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const labels = parseLabels(String(form.get('labels') ?? ''));
    setLabelsError(labels.ok ? null : labels.error);
    if (!labels.ok) return;
    const input = {
      name: pool?.name ?? String(form.get('name') ?? '').trim(),
      kind,
      labels: labels.labels,
      description: String(form.get('description') ?? '').trim(),
      // a CPU pool gives its steps no GPUs (the field is disabled, so absent from the form)
      defaults: { cpus: Number(form.get('cpus')), memoryMb: Number(form.get('memoryMb')), gpus: kind === 'gpu' ? Number(form.get('gpus')) : 0 },
      scheduleToStartSeconds: Number(form.get('scheduleToStartSeconds')),
    };
    if (pool) {
      update.mutate({ id: pool.id, ...input }, { onSuccess: () => onDone?.() });
    } else {
      create.mutate(input, {
        onSuccess: () => {
          formElement.reset();
          setKind('cpu');
        },
      });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid={pool ? `pool-form-${pool.name}` : 'new-pool'}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label="Name" hint={pool ? 'A pool keeps its name and kind' : 'Lower-case letters, digits and "-"'}>
          {pool ? <Input value={pool.name} readOnly disabled /> : <Input name="name" required maxLength={40} placeholder="gpu-a100" />}
        </Field>
        <Field label="Kind">
          <Select value={kind} disabled={Boolean(pool)} onChange={(e) => setKind(e.target.value as TPoolKind)}>
            <option value="cpu">CPU</option>
            <option value="gpu">GPU</option>
          </Select>
        </Field>
        <Field label="Labels" hint="key=value, key=value">
          <Input name="labels" defaultValue={pool ? formatLabels(pool.labels) : ''} placeholder="gpu=a100, zone=eu" className="font-mono" />
        </Field>
      </div>
      <Field label="Description">
        <TextArea name="description" rows={2} maxLength={500} defaultValue={pool?.description ?? ''} />
      </Field>
      <Field label="Flag a waiting step after (s)" hint="A step no worker of the pool picks up within this time shows “no worker in pool” on its run; a node may set its own limit.">
        <Input name="scheduleToStartSeconds" type="number" required min={1} max={604_800} step={1} defaultValue={pool?.scheduleToStartSeconds ?? 60} className="w-40" />
      </Field>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label="Default CPUs">
          <Input name="cpus" type="number" required min={0.1} max={512} step="any" defaultValue={pool?.defaults.cpus ?? 1} />
        </Field>
        <Field label="Default memory (MB)">
          <Input name="memoryMb" type="number" required min={16} max={8_388_608} step={1} defaultValue={pool?.defaults.memoryMb ?? 2_048} />
        </Field>
        <Field label="Default GPUs">
          {kind === 'gpu' ? (
            // a new GPU pool's steps get one GPU unless they ask: that is what the pool is for
            <Input key="gpu" name="gpus" type="number" required min={0} max={64} step={1} defaultValue={pool ? pool.defaults.gpus : 1} />
          ) : (
            <Input key="cpu" type="number" value={0} readOnly disabled />
          )}
        </Field>
      </div>
      <ErrorText error={labelsError ?? mutation.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={mutation.isPending} data-testid="pool-form-submit">
          {pool ? 'Save pool' : 'Create pool'}
        </Button>
        {onDone ? <Button onClick={onDone}>Cancel</Button> : null}
      </div>
    </form>
  );
}
