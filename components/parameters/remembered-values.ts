import type { TParameterValue } from '@/workflows/dsl';

const key = (pipelineId: string) => `weft:run-params:${pipelineId}`;

/** The parameter values this browser last ran the pipeline with (unchecked: they are fitted to the definitions on use). */
export function rememberedValues(pipelineId: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key(pipelineId)) ?? 'null');
  } catch {
    return null; // storage off, or a value another version of the app wrote
  }
}

export function rememberValues(pipelineId: string, values: Record<string, TParameterValue>): void {
  try {
    localStorage.setItem(key(pipelineId), JSON.stringify(values));
  } catch {
    // storage full or off: the dialog starts from the defaults next time
  }
}
