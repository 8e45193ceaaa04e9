'use client';

import { useState, type ComponentType } from 'react';
import type { TConfigWidget } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Select, TextArea } from '@/components/ui/field';
import { ConfigField, num, text, type TConfigWidgetProps } from './config-field';
import { ForeachBodyField } from './foreach-body-field';
import { CodeEditor } from './lazy-code-editor';
import { NumberInput } from './number-input';
import { PipelineField, PipelineVersionField } from './subpipeline-fields';

/** The control of each widget a config field may name (a new widget is a type error here until it has one). */
export const CONFIG_WIDGETS: Record<TConfigWidget, ComponentType<TConfigWidgetProps>> = {
  'code-python': (props) => <CodeField {...props} language="python" />,
  'code-shell': (props) => <CodeField {...props} language="shell" />,
  text: ({ field, value, onChange, readOnly }) => (
    <ConfigField label={field.label} hint={field.hint}>
      <Input maxLength={field.maxLength} readOnly={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)} />
    </ConfigField>
  ),
  textarea: ({ field, value, onChange, readOnly }) => (
    <ConfigField label={field.label} hint={field.hint}>
      <TextArea rows={field.rows} maxLength={field.maxLength} readOnly={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)} />
    </ConfigField>
  ),
  // one line unless the field asks for more rows
  expression: ({ field, value, onChange, readOnly }) => (
    <ConfigField label={field.label} hint={field.hint}>
      {field.rows ? (
        <TextArea rows={field.rows} spellCheck={false} className="font-mono" readOnly={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input className="font-mono" readOnly={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)} />
      )}
    </ConfigField>
  ),
  number: ({ field, value, onChange }) => (
    <ConfigField label={field.label} hint={field.hint}>
      <NumberInput value={num(value)} onChange={onChange} step={field.step} min={field.min} />
    </ConfigField>
  ),
  // options come from the field's z.enum
  select: ({ field, value, onChange, readOnly }) => (
    <ConfigField label={field.label} hint={field.hint}>
      <Select disabled={readOnly} value={text(value)} onChange={(e) => onChange(e.target.value)}>
        {(field.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </ConfigField>
  ),
  checkbox: ({ field, value, onChange, readOnly }) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5" disabled={readOnly} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {field.label}
        {field.hint ? <span className="block text-xs text-slate-500">{field.hint}</span> : null}
      </span>
    </label>
  ),
  'foreach-body': ForeachBodyField,
  pipeline: PipelineField,
  'pipeline-version': PipelineVersionField,
};

/** The code in the panel, and in a large editor on demand (same value: edits in either are one draft). */
function CodeField({ field, value, onChange, readOnly, language }: TConfigWidgetProps & { language: 'python' | 'shell' }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <ConfigField label={field.label} hint={field.hint}>
      <div className="relative">
        <CodeEditor readOnly={readOnly} language={language} label={field.label} value={text(value)} onChange={onChange} />
        <button type="button" onClick={() => setExpanded(true)} className="absolute right-1 top-1 z-10 rounded bg-white/90 px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300 hover:text-slate-900" data-testid="expand-code">
          Expand
        </button>
      </div>
      {expanded ? (
        <Dialog title={field.label} onClose={() => setExpanded(false)} className="max-w-5xl">
          <CodeEditor readOnly={readOnly} language={language} label={`${field.label} (large editor)`} value={text(value)} onChange={onChange} large />
          <div className="flex justify-end">
            <Button onClick={() => setExpanded(false)}>Done</Button>
          </div>
        </Dialog>
      ) : null}
    </ConfigField>
  );
}
