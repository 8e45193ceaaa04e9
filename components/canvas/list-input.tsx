'use client';

import { Input } from '@/components/ui/field';
import { useDraftText } from '@/hooks/use-draft-text';

type TProps = {
  value: readonly string[] | undefined;
  /** undefined when the field holds no item, so the key leaves the spec */
  onChange: (value: string[] | undefined) => void;
  placeholder?: string;
};

export const parseList = (text: string): string[] | undefined => {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
};

/** A comma-separated list of words; keeps what the user typed (a trailing comma) and commits the parsed items; follows undo and redo. */
export function ListInput({ value, onChange, placeholder }: TProps) {
  const formatted = value?.join(', ') ?? '';
  const [text, setText] = useDraftText(formatted, (t) => (parseList(t)?.join(', ') ?? '') === formatted);
  return (
    <Input
      value={text}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}
