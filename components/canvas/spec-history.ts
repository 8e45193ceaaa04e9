/**
 * Undo/redo over immutable snapshots. Edits share every untouched node and edge with the snapshot
 * before them (spec-edits.ts), so a step back is a pointer swap: undoing a 1,000-node paste copies
 * nothing. Typing in one field, or anything else an edit names with the same `coalesce` key within
 * COALESCE_MS of the last one, folds into a single entry.
 */
export type THistory<T> = {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** the coalesce key and time of the last recorded edit; null after undo/redo */
  last: { key: string; at: number } | null;
};

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1_000;

export const createHistory = <T>(present: T): THistory<T> => ({ past: [], present, future: [], last: null });

/** Records `next` as the new present; the same history when it is the present (a no-op edit). */
export function record<T>(h: THistory<T>, next: T, options: { coalesce?: string; now: number }): THistory<T> {
  if (next === h.present) return h;
  const { coalesce, now } = options;
  const last = coalesce ? { key: coalesce, at: now } : null;
  if (coalesce && h.last?.key === coalesce && now - h.last.at < COALESCE_MS) return { ...h, present: next, future: [], last };
  const past = h.past.length >= HISTORY_LIMIT ? [...h.past.slice(1 - HISTORY_LIMIT), h.present] : [...h.past, h.present];
  return { past, present: next, future: [], last };
}

export function undo<T>(h: THistory<T>): THistory<T> {
  const previous = h.past.at(-1);
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: previous as T, future: [h.present, ...h.future], last: null };
}

export function redo<T>(h: THistory<T>): THistory<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0] as T, future: h.future.slice(1), last: null };
}
