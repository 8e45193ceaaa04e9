'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';

const EXAMPLE = "metrics.accuracy > 0.9 and params.model = 'rf'";

/** The runs filter in MLflow's syntax, applied on Enter or Apply (not on every key: each is a query). */
export function FilterBar({ value, onApply }: { value: string; onApply: (filter: string) => void }) {
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(text.trim());
  };
  return (
    <form onSubmit={submit} className="flex min-w-0 flex-1 items-center gap-2">
      <input
        aria-label="Filter runs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={EXAMPLE}
        spellCheck={false}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      />
      <Button type="submit">Apply</Button>
      {value ? (
        <Button
          variant="ghost"
          onClick={() => {
            setText('');
            onApply('');
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
