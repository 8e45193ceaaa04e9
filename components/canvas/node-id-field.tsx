'use client';

import { useState } from 'react';
import { Field, Input } from '@/components/ui/field';

type TProps = {
  id: string;
  /** why the text cannot be the id, or null */
  problem: (next: string) => string | null;
  onRename: (next: string) => void;
  readOnly: boolean;
};

/**
 * The node's id, renamed when the field is left or Enter pressed (not per keystroke: every
 * intermediate id would rename the node and rewrite expressions). Escape puts the id back.
 */
export function NodeIdField({ id, problem, onRename, readOnly }: TProps) {
  const [text, setText] = useState(id);
  const error = text === id ? null : problem(text);

  function commit() {
    if (text !== id && !error) onRename(text);
  }

  return (
    <Field label="Id" hint={error ?? 'What expressions read as steps.<id>; renaming rewrites them.'}>
      <Input
        value={text}
        readOnly={readOnly}
        maxLength={64}
        aria-invalid={error ? true : undefined}
        className={`font-mono ${error ? 'border-red-500' : ''}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(id);
        }}
        data-testid="node-id-input"
      />
    </Field>
  );
}
