'use client';

import dynamic from 'next/dynamic';
import type { TPipelineNode } from '@/workflows/dsl';
import { Field, Input, TextArea } from '@/components/ui/field';
import { NumberInput } from './number-input';
import { SubpipelineFields } from './subpipeline-fields';

// CodeMirror is large and browser-only: load it when a code node is first selected.
const CodeEditor = dynamic(() => import('./code-editor'), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-md bg-slate-100" />,
});

type TProps = { node: TPipelineNode; onConfig: (config: Record<string, unknown>) => void; readOnly?: boolean };

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The config form of a node, by kind. A new kind adds its form here (see workflows/dsl/catalog.ts). */
export function ConfigFields({ node, onConfig, readOnly = false }: TProps) {
  const set = (key: string, value: unknown) => onConfig({ ...node.config, [key]: value });
  switch (node.kind) {
    case 'python':
      return (
        <Field label="Python code">
          <CodeEditor readOnly={readOnly} language="python" label="Python code" value={text(node.config.code)} onChange={(v) => set('code', v)} />
        </Field>
      );
    case 'shell':
      return (
        <Field label="Shell command">
          <CodeEditor readOnly={readOnly} language="shell" label="Shell command" value={text(node.config.command)} onChange={(v) => set('command', v)} />
        </Field>
      );
    case 'approval':
      return (
        <>
          <Field label="Instructions" hint="Shown to the approver.">
            <TextArea rows={4} maxLength={2000} value={text(node.config.instructions)} onChange={(e) => set('instructions', e.target.value)} />
          </Field>
          <Field label="Timeout (hours)" hint="The gate fails when nobody decides in time.">
            <NumberInput value={num(node.config.timeoutHours)} onChange={(v) => set('timeoutHours', v)} step={1} min={0.01} />
          </Field>
        </>
      );
    case 'condition':
      return (
        <Field label="Expression" hint={<>Takes the “If true” or “If false” port, e.g. <code>steps.train.metrics.accuracy &gt;= params.min_accuracy</code>.</>}>
          <TextArea rows={3} spellCheck={false} className="font-mono" readOnly={readOnly} value={text(node.config.expression)} onChange={(e) => set('expression', e.target.value)} />
        </Field>
      );
    case 'foreach':
      return <ForeachFields config={node.config} set={set} readOnly={readOnly} />;
    case 'subpipeline':
      return <SubpipelineFields config={node.config} set={set} readOnly={readOnly} />;
    case 'noop':
      return (
        <Field label="Wait (ms)" hint="0 does nothing at all.">
          <NumberInput value={num(node.config.sleepMs)} onChange={(v) => set('sleepMs', v)} step={100} min={0} />
        </Field>
      );
    default:
      return <p className="text-sm text-red-700">Unknown node kind “{node.kind}”: delete this node.</p>;
  }
}

const BODY_DEFAULTS = { python: { code: 'import os\nprint("item", os.environ["WEFT_ITEM"])\n' }, shell: { command: 'echo "item $WEFT_ITEM"' }, noop: { sleepMs: 0 } } as const;
type TBodyKind = keyof typeof BODY_DEFAULTS;

/** A for-each: its items expression, its concurrency, and the body step it runs per item. */
function ForeachFields({ config, set, readOnly }: { config: Record<string, unknown>; set: (key: string, value: unknown) => void; readOnly: boolean }) {
  const body = (config.step ?? {}) as Record<string, unknown>;
  const kind = (typeof body.kind === 'string' && body.kind in BODY_DEFAULTS ? body.kind : 'shell') as TBodyKind;
  const setBody = (patch: Record<string, unknown>) => set('step', { ...body, ...patch });
  return (
    <>
      <Field label="Items" hint="An expression giving a list, e.g. [1, 2, 3] or a list an upstream step produced.">
        <Input className="font-mono" readOnly={readOnly} value={text(config.items)} onChange={(e) => set('items', e.target.value)} />
      </Field>
      <Field label="Concurrency" hint="How many items run at once.">
        <NumberInput value={num(config.concurrency)} onChange={(v) => set('concurrency', v)} step={1} min={1} />
      </Field>
      <Field label="Each item runs">
        <select
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          disabled={readOnly}
          value={kind}
          onChange={(e) => set('step', { kind: e.target.value, ...BODY_DEFAULTS[e.target.value as TBodyKind] })}
        >
          <option value="python">Python script</option>
          <option value="shell">Shell command</option>
          <option value="noop">No-op</option>
        </select>
      </Field>
      {kind === 'python' ? (
        <Field label="Python code" hint="The item is in WEFT_ITEM (and weft_step.config()).">
          <CodeEditor readOnly={readOnly} language="python" label="Python code" value={text(body.code)} onChange={(v) => setBody({ code: v })} />
        </Field>
      ) : kind === 'shell' ? (
        <Field label="Shell command" hint="The item is in $WEFT_ITEM, its index in $WEFT_ITEM_INDEX.">
          <CodeEditor readOnly={readOnly} language="shell" label="Shell command" value={text(body.command)} onChange={(v) => setBody({ command: v })} />
        </Field>
      ) : null}
    </>
  );
}
