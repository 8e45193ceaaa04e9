/** The colour theme: what the user chose (stored in this browser) and what it resolves to. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type TTheme = (typeof THEMES)[number];
export type TResolvedTheme = Exclude<TTheme, 'system'>;

export const THEME_STORAGE_KEY = 'weft-theme';

export const isTheme = (value: unknown): value is TTheme => THEMES.includes(value as TTheme);

/**
 * Runs in <head> before the first paint (a string, inlined by the root layout): `data-theme` on
 * <html> from the stored choice or the system's, so a dark page never flashes light.
 */
export const THEME_BOOT_SCRIPT = `(() => {
  try {
    const chosen = localStorage.getItem('${THEME_STORAGE_KEY}');
    const dark = chosen === 'dark' || (chosen !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  } catch {}
})();`;
