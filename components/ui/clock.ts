'use client';

import { useSyncExternalStore } from 'react';

/**
 * One shared clock per period for the whole page: every ticking time (relative times, durations of
 * open runs and steps) re-renders from the same timer instead of one interval per component.
 */
type TClock = { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> };
const clocks = new Map<number, TClock>();

function clockOf(periodMs: number): TClock {
  let clock = clocks.get(periodMs);
  if (!clock) clocks.set(periodMs, (clock = { now: Date.now(), listeners: new Set() }));
  return clock;
}

function subscribeTo(periodMs: number) {
  return (listener: () => void) => {
    const clock = clockOf(periodMs);
    clock.listeners.add(listener);
    if (!clock.timer) clock.now = Date.now(); // the first reader after a pause sees the time, not when it paused
    clock.timer ??= setInterval(() => {
      clock.now = Date.now();
      clock.listeners.forEach((l) => l());
    }, periodMs);
    return () => {
      clock.listeners.delete(listener);
      if (clock.listeners.size === 0 && clock.timer) {
        clearInterval(clock.timer);
        clock.timer = undefined;
      }
    };
  };
}

const subscribers = new Map<number, ReturnType<typeof subscribeTo>>();

/** The current time in ms, updated every `periodMs` while `ticking`; a still value otherwise. */
export function useClock(periodMs: number, ticking = true): number {
  let subscribe = subscribers.get(periodMs);
  if (!subscribe) subscribers.set(periodMs, (subscribe = subscribeTo(periodMs)));
  const read = () => clockOf(periodMs).now;
  return useSyncExternalStore(ticking ? subscribe : noSubscription, read, read);
}

const noSubscription = () => () => {};
