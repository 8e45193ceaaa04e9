'use client';

import type { ReactNode } from 'react';
import type { TConfigField } from '@/workflows/dsl';
import { Field } from '@/components/ui/field';
import { hintParts } from './config-form';

/** What every config widget gets: its field, the value at its key, and the node's whole config (a version follows its pipeline). */
export type TConfigWidgetProps = {
  field: TConfigField;
  value: unknown;
  onChange: (value: unknown) => void;
  config: Readonly<Record<string, unknown>>;
  readOnly: boolean;
};

export const text = (v: unknown) => (typeof v === 'string' ? v : '');
export const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A config field's label and hint (its `code` spans shown as code) around its control. */
export function ConfigField({ label, hint, children }: { label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <Field label={label} hint={hint ? <Hint hint={hint} /> : undefined}>
      {children}
    </Field>
  );
}

function Hint({ hint }: { hint: string }) {
  return hintParts(hint).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text));
}
