'use client';

import { python } from '@codemirror/lang-python';
import { StreamLanguage } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import CodeMirror from '@uiw/react-codemirror';
import { pythonAssist } from './python-assist';

const LANGUAGES = {
  python: [python(), pythonAssist],
  shell: [StreamLanguage.define(shell)],
};

export type TCodeLanguage = keyof typeof LANGUAGES;

// loaded lazily (see lazy-code-editor.tsx)
type TProps = { value: string; onChange: (v: string) => void; language: TCodeLanguage; label: string; readOnly?: boolean; large?: boolean };

/** CodeMirror with Python (completion of the step helper and mlflow, syntax errors inline) or shell highlighting. */
export default function CodeEditor({ value, onChange, language, label, readOnly = false, large = false }: TProps) {
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={LANGUAGES[language]}
      aria-label={label}
      editable={!readOnly}
      readOnly={readOnly}
      minHeight={large ? '60vh' : '160px'}
      maxHeight={large ? '75vh' : '420px'}
      autoFocus={large}
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      className="overflow-hidden rounded-md border border-slate-300 text-[13px]"
    />
  );
}
