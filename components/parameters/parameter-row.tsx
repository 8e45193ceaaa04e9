'use client';

import { useState } from 'react';
import { useDraftText } from '@/hooks/use-draft-text';
import { PARAMETER_TYPES, type TParameterDefinition, type TParameterType } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { retypeParameter } from './parameter-edits';

type TProps = {
  name: string;
  definition: TParameterDefinition;
  /** why a new name cannot be taken, or null */
  nameProblem: (next: string) => string | null;
  onRename: (next: string) => void;
  onChange: (definition: TParameterDefinition, field: string) => void;
  onRemove: () => void;
};

const TYPE_LABEL: Record<TParameterType, string> = { string: 'Text', number: 'Number', boolean: 'Yes / no', choice: 'Choice' };
const listOf = (text: string) => [...new Set(text.split(',').map((c) => c.trim()).filter(Boolean))];

/** One parameter: name (taken on blur or Enter, when valid), type, default, choices and description. */
export function ParameterRow({ name, definition, nameProblem, onRename, onChange, onRemove }: TProps) {
  const [draftName, setDraftName] = useState(name);
  const problem = nameProblem(draftName);
  const commitName = () => {
    if (!problem && draftName !== name) onRename(draftName);
  };
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`parameter-${name}`}>
      <legend className="px-1 font-mono text-xs text-slate-500">params.{name}</legend>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Name">
          <Input value={draftName} onChange={(e) => setDraftName(e.target.value)} onBlur={commitName} onKeyDown={(e) => e.key === 'Enter' && commitName()} aria-invalid={problem !== null} className="font-mono" />
        </Field>
        <Field label="Type">
          <Select value={definition.type} onChange={(e) => onChange(retypeParameter(definition, e.target.value as TParameterType), 'type')}>
            {PARAMETER_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {problem ? <p className="text-xs text-red-700">{problem}</p> : null}
      <DefaultField key={definition.type} definition={definition} onChange={(d) => onChange(d, 'default')} />
      {definition.type === 'choice' ? <ChoicesField definition={definition} onChange={(d) => onChange(d, 'choices')} /> : null}
      <Field label="Description">
        <Input value={definition.description} maxLength={500} onChange={(e) => onChange({ ...definition, description: e.target.value }, 'description')} placeholder="What it changes" />
      </Field>
      <div className="flex justify-end">
        <Button variant="ghost" className="text-xs text-red-700" onClick={onRemove} aria-label={`Remove parameter ${name}`}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}

type TFieldProps<T extends TParameterDefinition = TParameterDefinition> = { definition: T; onChange: (definition: TParameterDefinition) => void };

/** Taken on blur: the default follows the choices, and must not jump while they are typed. */
function ChoicesField({ definition, onChange }: TFieldProps<Extract<TParameterDefinition, { type: 'choice' }>>) {
  const formatted = definition.choices.join(', ');
  const [text, setText] = useDraftText(formatted, (t) => listOf(t).join(', ') === formatted);
  return (
    <Field label="Choices" hint="Comma-separated">
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          const choices = listOf(text);
          if (choices.length > 0 && choices.join(', ') !== formatted) onChange({ ...definition, choices, default: choices.includes(definition.default) ? definition.default : choices[0]! });
        }}
      />
    </Field>
  );
}

function DefaultField({ definition, onChange }: TFieldProps) {
  // (only a number's default is typed as text: the hook is called whatever the type, as hooks must be)
  const [text, setText] = useDraftText(String(definition.default), (t) => t.trim() !== '' && Number(t) === definition.default);
  switch (definition.type) {
    case 'boolean':
      return (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={definition.default} onChange={(e) => onChange({ ...definition, default: e.target.checked })} /> Default: yes
        </label>
      );
    case 'choice':
      return (
        <Field label="Default">
          <Select value={definition.default} onChange={(e) => onChange({ ...definition, default: e.target.value })}>
            {definition.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'number':
      return (
        <Field label="Default">
          <Input
            type="number"
            step="any"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              // a half-typed number ("-", "") stays in the field until it parses
              const value = Number(e.target.value);
              if (e.target.value.trim() !== '' && Number.isFinite(value)) onChange({ ...definition, default: value });
            }}
          />
        </Field>
      );
    case 'string':
      return (
        <Field label="Default">
          <Input value={definition.default} maxLength={10_000} onChange={(e) => onChange({ ...definition, default: e.target.value })} />
        </Field>
      );
  }
}
