'use client';

import type { TLayoutRequest } from './layout-graph';

type TPositions = Record<string, { x: number; y: number }>;
type TReply = { id: number; positions?: TPositions; error?: string };

/**
 * The page's one layout worker, started on first use: requests are numbered, so answers find
 * their caller even when several are in flight (a tidy while the opening layout runs).
 */
let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (p: TPositions) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<TReply>) => {
    const { id, positions, error } = event.data;
    const caller = waiting.get(id);
    waiting.delete(id);
    if (positions) caller?.resolve(positions);
    else caller?.reject(new Error(error ?? 'layout failed'));
  };
  worker.onerror = (event) => {
    // A worker that fails to load answers nobody: fail every caller rather than leave them waiting.
    for (const caller of waiting.values()) caller.reject(new Error(event.message || 'layout worker failed'));
    waiting.clear();
    worker = null;
  };
  return worker;
}

export function layoutInWorker(request: TLayoutRequest): Promise<TPositions> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, request });
  });
}
