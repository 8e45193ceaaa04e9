'use client';

import { parseFragment, serializeFragment, type TSpecFragment } from './spec-clipboard';

/**
 * The system clipboard (so nodes travel between pipelines, tabs and windows) with an in-memory
 * copy for when the browser refuses it (no permission, an insecure origin): then copy and paste
 * still work within this tab.
 */
let memory: string | null = null;

export async function writeFragment(fragment: TSpecFragment): Promise<void> {
  const text = serializeFragment(fragment);
  memory = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // the in-memory copy serves this tab
  }
}

/** The fragment on the clipboard: the system one when it holds one, else the one copied in this tab. */
export async function readFragment(): Promise<TSpecFragment | null> {
  try {
    const fromSystem = parseFragment(await navigator.clipboard.readText());
    if (fromSystem) return fromSystem;
  } catch {
    // permission refused: fall back to this tab's copy
  }
  return memory === null ? null : parseFragment(memory);
}
