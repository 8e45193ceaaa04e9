'use client';

import { THEMES, type TTheme } from './theme';
import { useTheme } from './use-theme';

const LABELS: Record<TTheme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };

/** Light, dark, or as the system says; kept in this browser. */
export function ThemeSelect() {
  const { choice, setChoice } = useTheme();
  return (
    <select
      aria-label="Theme"
      data-testid="theme-select"
      value={choice}
      onChange={(e) => setChoice(e.target.value as TTheme)}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700"
    >
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {LABELS[t]}
        </option>
      ))}
    </select>
  );
}
