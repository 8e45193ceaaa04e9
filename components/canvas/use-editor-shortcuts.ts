'use client';

import { useEffect, useRef } from 'react';
import { actionForKey, isTypingTarget, type TEditorAction } from './shortcuts';

export type TShortcutHandlers = Partial<Record<TEditorAction, () => void>>;

/**
 * Runs the editor's shortcuts (shortcuts.ts) from anywhere on the page except form fields, code
 * editors and dialogs, which keep their own keys. Handlers are read through a ref, so the listener
 * is attached once, not on every render.
 */
export function useEditorShortcuts(handlers: TShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const action = actionForKey(event);
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault(); // Ctrl+D would bookmark the page, `/` open quick find
      handler();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
