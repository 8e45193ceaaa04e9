'use client';

import type { TExecutorConfig, TForeachBody } from '@/workflows/dsl';
import { ConfigField, isRecord, text, type TConfigWidgetProps } from './config-field';
import { CodeEditor } from './lazy-code-editor';

/** What a for-each's body may be: its title in the list and the config a body of that kind starts with. */
const BODIES: { [E in TForeachBody['kind']]: { title: string; config: TExecutorConfig<E> } } = {
  python: { title: 'Python script', config: { code: 'import os\nprint("item", os.environ["WEFT_ITEM"])\n' } },
  shell: { title: 'Shell command', config: { command: 'echo "item $WEFT_ITEM"' } },
  noop: { title: 'No-op', config: { sleepMs: 0 } },
};
type TBodyKind = keyof typeof BODIES;
const isBodyKind = (kind: unknown): kind is TBodyKind => typeof kind === 'string' && Object.hasOwn(BODIES, kind);

/** A for-each's body: which pool step kind runs per item, and its code (a no-op has none). */
export function ForeachBodyField({ field, value, onChange, readOnly }: TConfigWidgetProps) {
  const body = isRecord(value) ? value : {};
  const kind = isBodyKind(body.kind) ? body.kind : 'shell';
  const setBody = (patch: Record<string, unknown>) => onChange({ ...body, ...patch });
  return (
    <>
      <ConfigField label={field.label} hint={field.hint}>
        <select
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          disabled={readOnly}
          value={kind}
          onChange={(e) => isBodyKind(e.target.value) && onChange({ kind: e.target.value, ...BODIES[e.target.value].config })}
        >
          {Object.entries(BODIES).map(([k, b]) => (
            <option key={k} value={k}>
              {b.title}
            </option>
          ))}
        </select>
      </ConfigField>
      {kind === 'python' ? (
        <ConfigField label="Python code" hint="The item is in WEFT_ITEM (and weft_step.config()).">
          <CodeEditor readOnly={readOnly} language="python" label="Python code" value={text(body.code)} onChange={(v) => setBody({ code: v })} />
        </ConfigField>
      ) : kind === 'shell' ? (
        <ConfigField label="Shell command" hint="The item is in $WEFT_ITEM, its index in $WEFT_ITEM_INDEX.">
          <CodeEditor readOnly={readOnly} language="shell" label="Shell command" value={text(body.command)} onChange={(v) => setBody({ command: v })} />
        </ConfigField>
      ) : null}
    </>
  );
}
