'use client';

import { Input } from '@/components/ui/field';
import { useDraftText } from '@/hooks/use-draft-text';

type TProps = {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** empty clears the value (optional fields); otherwise empty is refused like any non-number */
  optional?: boolean;
  step?: number;
  min?: number;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/**
 * A number field that keeps what the user typed and commits only numbers, so the spec never holds
 * text; it follows the value when undo or redo changes it. Range checks are left to validateSpec,
 * which reports them on the node.
 */
export function NumberInput({ value, onChange, optional = false, ...rest }: TProps) {
  const [text, setText] = useDraftText(value === undefined ? '' : String(value), (t) => (t.trim() === '' ? value === undefined : Number(t) === value));
  const trimmed = text.trim();
  const invalid = trimmed === '' ? !optional : !Number.isFinite(Number(trimmed));
  return (
    <>
      <Input
        type="number"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            if (optional) onChange(undefined);
          } else if (Number.isFinite(Number(next))) {
            onChange(Number(next));
          }
        }}
        {...rest}
      />
      {invalid ? <span className="block text-xs text-red-700">Enter a number</span> : null}
    </>
  );
}
