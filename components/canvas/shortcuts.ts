/**
 * The editor's keyboard shortcuts: one table that both the key handler and the help dialog (`?`)
 * read, so the dialog never lists a key that does something else.
 */
export type TEditorAction = 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'selectAll' | 'help' | 'quickAdd';

type TKey = { key: string; mod?: boolean; shift?: boolean };

export type TShortcut = { action: TEditorAction; description: string; keys: readonly TKey[] };

export const SHORTCUTS: readonly TShortcut[] = [
  { action: 'undo', description: 'Undo', keys: [{ key: 'z', mod: true }] },
  { action: 'redo', description: 'Redo', keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }] },
  { action: 'copy', description: 'Copy the selected nodes', keys: [{ key: 'c', mod: true }] },
  { action: 'paste', description: 'Paste at the mouse pointer', keys: [{ key: 'v', mod: true }] },
  { action: 'duplicate', description: 'Duplicate the selected nodes', keys: [{ key: 'd', mod: true }] },
  { action: 'delete', description: 'Delete the selection', keys: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { action: 'selectAll', description: 'Select every node', keys: [{ key: 'a', mod: true }] },
  { action: 'quickAdd', description: 'Add a step by name (or double-click the canvas)', keys: [{ key: '/' }] },
  { action: 'help', description: 'Show these shortcuts', keys: [{ key: '?' }] },
];

export type TKeyEvent = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** The action a key press asks for, or null. Ctrl and Cmd are the same modifier. */
export function actionForKey(event: TKeyEvent): TEditorAction | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  // Shift changes `z` into `Z` and `/` into `?` (on US layouts): compare letters case-blind and
  // let printable symbols stand for themselves.
  const key = event.key.toLowerCase();
  const symbol = event.key.length === 1 && !/[a-z]/i.test(event.key);
  for (const shortcut of SHORTCUTS) {
    for (const k of shortcut.keys) {
      if (k.key.toLowerCase() !== key || Boolean(k.mod) !== mod) continue;
      if (!symbol && Boolean(k.shift) !== event.shiftKey) continue;
      return shortcut.action;
    }
  }
  return null;
}

/** How a key is written for people: `Ctrl+Shift+Z` (`⌘⇧Z` on a Mac). */
export function keyLabel(k: TKey, mac: boolean): string {
  const name = k.key.length === 1 ? k.key.toUpperCase() : k.key;
  if (mac) return `${k.mod ? '⌘' : ''}${k.shift ? '⇧' : ''}${name}`;
  return [k.mod ? 'Ctrl' : null, k.shift ? 'Shift' : null, name].filter(Boolean).join('+');
}

/** Key presses inside form fields and code editors belong to them (their own undo, typing `/`). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog, [role="dialog"]') !== null;
}
