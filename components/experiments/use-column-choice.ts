'use client';

import { useCallback, useEffect, useState } from 'react';

export type TColumns = { params: string[]; metrics: string[] };

/** Until a user chooses, the table shows the first few keys of each kind. */
const DEFAULT_COUNT = 3;
const storageKey = (experimentId: number) => `weft.experimentColumns.${experimentId}`;

function stored(experimentId: number): TColumns | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey(experimentId)) ?? 'null') as unknown;
    if (value && typeof value === 'object' && Array.isArray((value as TColumns).params) && Array.isArray((value as TColumns).metrics)) return value as TColumns;
  } catch {
    // a value this code did not write: the defaults apply
  }
  return null;
}

/** The param and metric columns of an experiment's runs table, kept per experiment in this browser (localStorage). */
export function useColumnChoice(experimentId: number, available: TColumns | undefined) {
  const [choice, setChoice] = useState<TColumns | null>(null);
  useEffect(() => setChoice(stored(experimentId)), [experimentId]);
  const columns: TColumns = choice ?? { params: available?.params.slice(0, DEFAULT_COUNT) ?? [], metrics: available?.metrics.slice(0, DEFAULT_COUNT) ?? [] };
  const toggle = useCallback(
    (kind: keyof TColumns, key: string) => {
      const next = { ...columns, [kind]: columns[kind].includes(key) ? columns[kind].filter((k) => k !== key) : [...columns[kind], key] };
      window.localStorage.setItem(storageKey(experimentId), JSON.stringify(next));
      setChoice(next);
    },
    [columns, experimentId],
  );
  return { columns, toggle };
}
