'use client';

import type { TParameterDefinition } from '@/workflows/dsl';
import { Field, Input, Select } from '@/components/ui/field';
import type { TRawValues } from './run-values';

type TProps = {
  definitions: Readonly<Record<string, TParameterDefinition>>;
  values: TRawValues;
  problems: Readonly<Record<string, string>>;
  onChange: (name: string, value: string | boolean) => void;
};

/** A field per parameter of the version to run, typed by its definition, with its description and its problem. */
export function RunParameterFields({ definitions, values, problems, onChange }: TProps) {
  return (
    <fieldset className="space-y-3" data-testid="run-parameters">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</legend>
      {Object.entries(definitions).map(([name, definition]) => {
        const value = values[name];
        const hint = [definition.description, problems[name]].filter(Boolean).join(' · ') || undefined;
        const invalid = problems[name] !== undefined;
        if (definition.type === 'boolean') {
          return (
            <label key={name} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={value === true} onChange={(e) => onChange(name, e.target.checked)} />
              <span className="font-mono">{name}</span>
              {definition.description ? <span className="text-xs text-slate-500">{definition.description}</span> : null}
            </label>
          );
        }
        return (
          <Field key={name} label={name} hint={hint ? <span className={invalid ? 'text-red-700' : undefined}>{hint}</span> : undefined}>
            {definition.type === 'choice' ? (
              <Select value={String(value)} onChange={(e) => onChange(name, e.target.value)} aria-invalid={invalid}>
                {definition.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            ) : (
              <Input value={String(value ?? '')} onChange={(e) => onChange(name, e.target.value)} inputMode={definition.type === 'number' ? 'decimal' : undefined} aria-invalid={invalid} />
            )}
          </Field>
        );
      })}
    </fieldset>
  );
}
