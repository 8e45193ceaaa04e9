'use client';

import { useState } from 'react';
import { resolveResources, type TNodeResources, type TPipelineNode, type TPoolCatalogEntry } from '@/workflows/dsl';
import { Field, Input, Select } from '@/components/ui/field';
import { NumberInput } from './number-input';
import { choosePool, DEFAULT_POOL_CHOICE, LABEL_POOL_CHOICE, patchResources } from './resource-edits';

type TProps = {
  node: TPipelineNode;
  /** the node kind's pool, where it runs when it asks for nothing */
  defaultPool: string;
  pools: readonly TPoolCatalogEntry[];
  onChange: (patch: Partial<TPipelineNode>) => void;
};

/** An empty text field removes its key rather than asking for "". */
const textValue = (value: string) => (value === '' ? undefined : value);

/**
 * The pool a pool-run node goes to and what it reserves there; every field optional. Placeholders
 * show what an empty field gets: the defaults of the pool the node resolves to.
 */
export function ResourceFields({ node, defaultPool, pools, onChange }: TProps) {
  const resources = node.resources;
  // "Any pool with label…" before a label is typed leaves nothing in the spec to tell it from the default.
  const [byLabel, setByLabel] = useState(!resources?.pool && resources?.poolLabel !== undefined);
  const choice = resources?.pool ?? (byLabel ? LABEL_POOL_CHOICE : DEFAULT_POOL_CHOICE);
  const resolved = resolveResources(resources, defaultPool, pools);
  // Unresolved: no placeholders, the node's problems say why.
  const shown = resolved.ok ? resolved.resources : undefined;
  const set = (patch: Partial<TNodeResources>) => onChange({ resources: patchResources(resources, patch) });
  // A pool named by the spec but absent from the catalog still needs an option, or the select would show another.
  const missingPool = resources?.pool !== undefined && !pools.some((p) => p.name === resources.pool) ? resources.pool : undefined;

  return (
    <fieldset className="space-y-3">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Resources</legend>
      <Field label="Pool" hint={resolved.ok ? `Runs on ${resolved.pool.name}.` : undefined}>
        <Select
          value={choice}
          data-testid="resources-pool"
          onChange={(e) => {
            setByLabel(e.target.value === LABEL_POOL_CHOICE);
            onChange({ resources: choosePool(resources, e.target.value) });
          }}
        >
          <option value={DEFAULT_POOL_CHOICE}>Default ({defaultPool})</option>
          <option value={LABEL_POOL_CHOICE}>Any pool with label…</option>
          {pools.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.kind.toUpperCase()})
            </option>
          ))}
          {missingPool ? <option value={missingPool}>{missingPool} (not found)</option> : null}
        </Select>
      </Field>
      {choice === LABEL_POOL_CHOICE ? (
        <Field label="Pool label" hint="The first pool by name with this label that can serve the step.">
          <Input value={resources?.poolLabel ?? ''} placeholder="gpu=a100" data-testid="resources-label" onChange={(e) => set({ poolLabel: textValue(e.target.value) })} />
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Field label="GPUs">
          <NumberInput optional value={resources?.gpus} onChange={(v) => set({ gpus: v })} step={1} min={0} placeholder={shown && String(shown.gpus)} data-testid="resources-gpus" />
        </Field>
        <Field label="GPU type" hint="The pool must carry the label gpu=<type>.">
          <Input value={resources?.gpuType ?? ''} data-testid="resources-gpu-type" onChange={(e) => set({ gpuType: textValue(e.target.value) })} />
        </Field>
        <Field label="CPUs">
          <NumberInput optional value={resources?.cpus} onChange={(v) => set({ cpus: v })} step={0.5} min={0.1} placeholder={shown && String(shown.cpus)} data-testid="resources-cpus" />
        </Field>
        <Field label="Memory (MB)">
          <NumberInput optional value={resources?.memoryMb} onChange={(v) => set({ memoryMb: v })} step={256} min={16} placeholder={shown && String(shown.memoryMb)} data-testid="resources-memory" />
        </Field>
      </div>
    </fieldset>
  );
}
