'use client';

import dynamic from 'next/dynamic';

// CodeMirror is large and browser-only: load it when a code field is first shown.
export const CodeEditor = dynamic(() => import('./code-editor'), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-md bg-slate-100" />,
});
