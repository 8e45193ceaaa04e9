'use client';

import type { ComponentType } from 'react';
import type { TConfigWidget } from '@/workflows/dsl';
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

function CodeField({ field, value, onChange, readOnly, language }: TConfigWidgetProps & { language: 'python' | 'shell' }) {
  return (
    <ConfigField label={field.label} hint={field.hint}>
      <CodeEditor readOnly={readOnly} language={language} label={field.label} value={text(value)} onChange={onChange} />
    </ConfigField>
  );
}
