// Small helpers the bench shares: progress lines, clocks, and error text short enough for a table cell.

/** Progress goes to stderr; stdout keeps the table. */
export const log = (message: string) => console.error(`[bench] ${message}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();
export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const own = error.message.replace(/\s+/g, ' ').trim();
  return cause instanceof Error && cause.message && !own.includes(cause.message) ? `${own}: ${errorText(cause)}` : own;
};
export const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
