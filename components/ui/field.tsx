'use client';

import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

const CONTROL = 'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:bg-slate-50';

// The control inside a Field takes its id from here, so that the label names exactly the control
// (a wrapping <label> would fold a select's options and the hint into the accessible name).
const FieldContext = createContext<{ id: string; hintId: string | undefined } | null>(null);

function useFieldProps() {
  const field = useContext(FieldContext);
  return field ? { id: field.id, 'aria-describedby': field.hintId } : {};
}

export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <FieldContext.Provider value={{ id, hintId }}>{children}</FieldContext.Provider>
      {hint ? (
        <span id={hintId} className="block text-xs text-slate-500">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...useFieldProps()} {...props} className={`${CONTROL} ${props.className ?? ''}`} />;
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...useFieldProps()} {...props} className={`${CONTROL} ${props.className ?? ''}`} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...useFieldProps()} {...props} className={`${CONTROL} ${props.className ?? ''}`} />;
}
