'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { parameterDefinitions } from '@/workflows/dsl';
import { RunParameterFields } from '@/components/parameters/run-parameter-fields';
import { initialRawValues, parseRawValues, type TRawValues } from '@/components/parameters/run-values';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select } from '@/components/ui/field';
import { browserTimezone } from './timing';

/** New schedule: a pipeline version, a name, a cron expression or an interval, a timezone, and the values of the version's parameters. */
export function ScheduleForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pipelineId, setPipelineId] = useState('');
  const [versionId, setVersionId] = useState('');
  const [mode, setMode] = useState<'cron' | 'interval'>('cron');
  const pipelines = useQuery(trpc.pipelines.list.queryOptions({ projectId }));
  const pipeline = useQuery(trpc.pipelines.get.queryOptions({ projectId, pipelineId }, { enabled: pipelineId !== '' }));
  const versions = [...(pipeline.data?.versions ?? [])].sort((a, b) => b.number - a.number);
  const chosen = versions.find((v) => v.id === versionId) ?? versions[0];
  const version = useQuery(trpc.pipelines.version.queryOptions({ projectId, pipelineId, number: chosen?.number ?? 1 }, { enabled: chosen !== undefined, staleTime: Infinity }));
  const definitions = parameterDefinitions(version.data?.spec.parameters ?? {});
  // the values typed for the chosen version; another version starts from its own defaults
  const [typed, setTyped] = useState<{ versionId: string; values: TRawValues } | null>(null);
  const rawValues = typed && typed.versionId === chosen?.id ? typed.values : initialRawValues(definitions, null);
  const [paramProblems, setParamProblems] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.schedules.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.schedules.list.queryKey() }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenVersion = chosen?.id;
    if (!chosenVersion) return;
    const { values: params, problems } = parseRawValues(definitions, rawValues);
    setParamProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const timing =
      mode === 'cron' ? { cron: String(form.get('cron') ?? '').trim() } : { intervalSeconds: Number(form.get('intervalSeconds')) };
    create.mutate(
      { projectId, versionId: chosenVersion, name: String(form.get('name') ?? '').trim(), timezone: String(form.get('timezone') ?? 'UTC'), params, ...timing },
      {
        onSuccess: () => {
          (event.target as HTMLFormElement).reset();
          setTyped(null);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">New schedule</h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label="Name">
          <Input name="name" required maxLength={120} placeholder="Nightly training" />
        </Field>
        <Field label="Pipeline">
          <Select
            value={pipelineId}
            required
            onChange={(e) => {
              setPipelineId(e.target.value);
              setVersionId('');
            }}
          >
            <option value="">Choose…</option>
            {pipelines.data
              ?.filter((p) => p.latestVersion)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Version">
          <Select value={versionId || versions[0]?.id || ''} onChange={(e) => setVersionId(e.target.value)} disabled={versions.length === 0} required>
            {versions.length === 0 ? <option value="">{pipelineId ? 'Loading…' : 'Choose a pipeline first'}</option> : null}
            {versions.map((v, i) => (
              <option key={v.id} value={v.id}>
                v{v.number}
                {i === 0 ? ' (latest)' : ''}
                {v.message ? ` · ${v.message}` : ''}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="grid grid-cols-1 items-end gap-3 md:grid-cols-3">
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-700">Fires</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" checked={mode === 'cron'} onChange={() => setMode('cron')} /> on a cron expression
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" checked={mode === 'interval'} onChange={() => setMode('interval')} /> every N seconds
          </label>
        </fieldset>
        {mode === 'cron' ? (
          <Field label="Cron" hint="minute hour day-of-month month day-of-week">
            <Input key="cron" name="cron" required placeholder="0 3 * * *" className="font-mono" />
          </Field>
        ) : (
          <Field label="Interval (seconds)">
            <Input key="interval" name="intervalSeconds" type="number" min={1} step={1} required placeholder="3600" />
          </Field>
        )}
        <Field label="Timezone">
          <Input name="timezone" required defaultValue={browserTimezone()} />
        </Field>
      </div>
      {Object.keys(definitions).length > 0 && chosen ? (
        <RunParameterFields
          definitions={definitions}
          values={rawValues}
          problems={paramProblems}
          onChange={(name, value) => setTyped({ versionId: chosen.id, values: { ...rawValues, [name]: value } })}
        />
      ) : null}
      <ErrorText error={create.error} />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Create schedule
      </Button>
    </form>
  );
}
