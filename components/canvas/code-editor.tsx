'use client';

import { python } from '@codemirror/lang-python';
import { StreamLanguage } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import CodeMirror from '@uiw/react-codemirror';

const LANGUAGES = {
  python: [python()],
  shell: [StreamLanguage.define(shell)],
};

export type TCodeLanguage = keyof typeof LANGUAGES;

/** CodeMirror with Python or shell highlighting; loaded lazily (see lazy-code-editor.tsx). */
export default function CodeEditor({ value, onChange, language, label, readOnly = false }: { value: string; onChange: (v: string) => void; language: TCodeLanguage; label: string; readOnly?: boolean }) {
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={LANGUAGES[language]}
      aria-label={label}
      editable={!readOnly}
      readOnly={readOnly}
      minHeight="160px"
      maxHeight="420px"
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      className="overflow-hidden rounded-md border border-slate-300 text-[13px]"
    />
  );
}
