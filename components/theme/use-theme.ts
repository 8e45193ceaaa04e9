'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { isTheme, THEME_STORAGE_KEY, type TResolvedTheme, type TTheme } from './theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = matchMedia(DARK_QUERY);
  const onSystem = () => apply(readChoice());
  media.addEventListener('change', onSystem);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', onSystem);
  };
}

function readChoice(): TTheme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

const resolve = (choice: TTheme): TResolvedTheme => (choice === 'system' ? (matchMedia(DARK_QUERY).matches ? 'dark' : 'light') : choice);

function apply(choice: TTheme) {
  document.documentElement.dataset.theme = resolve(choice);
  notify();
}

const choiceSnapshot = () => readChoice();
const resolvedSnapshot = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light') as TResolvedTheme;

/** The theme chosen here, the one in effect, and a setter that stores and applies the choice. */
export function useTheme() {
  const choice = useSyncExternalStore(subscribe, choiceSnapshot, () => 'system' as TTheme);
  const resolved = useSyncExternalStore(subscribe, resolvedSnapshot, () => 'light' as TResolvedTheme);
  const setChoice = useCallback((next: TTheme) => {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts this page only
    }
    apply(next);
  }, []);
  return { choice, resolved, setChoice };
}
