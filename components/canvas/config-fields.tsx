'use client';

import dynamic from 'next/dynamic';
import type { TPipelineNode } from '@/workflows/dsl';
import { Field, TextArea } from '@/components/ui/field';
import { NumberInput } from './number-input';

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
