import { describe, expect, it } from 'vitest';
import { actionForKey, isTypingTarget, keyLabel, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  actionForKey({ key, ctrlKey: Boolean(mods.ctrl), metaKey: Boolean(mods.meta), shiftKey: Boolean(mods.shift), altKey: Boolean(mods.alt) });

describe('editor shortcuts', () => {
  it('maps Ctrl and Cmd alike', () => {
    expect(press('z', { ctrl: true })).toBe('undo');
    expect(press('z', { meta: true })).toBe('undo');
    expect(press('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(press('y', { ctrl: true })).toBe('redo');
    expect(press('c', { meta: true })).toBe('copy');
    expect(press('v', { ctrl: true })).toBe('paste');
    expect(press('d', { ctrl: true })).toBe('duplicate');
    expect(press('a', { ctrl: true })).toBe('selectAll');
  });

  it('reads symbols as typed, whatever Shift it took', () => {
    expect(press('?', { shift: true })).toBe('help');
    expect(press('/')).toBe('quickAdd');
    expect(press('Delete')).toBe('delete');
    expect(press('Backspace')).toBe('delete');
  });

  it('ignores plain letters and Alt combinations', () => {
    expect(press('z')).toBeNull();
    expect(press('d')).toBeNull();
    expect(press('z', { ctrl: true, alt: true })).toBeNull();
  });

  it('writes keys for people', () => {
    const redo = SHORTCUTS.find((s) => s.action === 'redo')!;
    expect(redo.keys.map((k) => keyLabel(k, false))).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(keyLabel(redo.keys[0]!, true)).toBe('⌘⇧Z');
  });

  it('leaves key presses outside the DOM to nobody', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
