import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One GPU of a worker: its CUDA index (what CUDA_VISIBLE_DEVICES takes) and what nvidia-smi says. */
export type TGpu = { index: string; uuid?: string; name?: string; memoryMb?: number };

/**
 * The worker's GPUs: `WEFT_GPUS` (e.g. `0,1,2,3`) when set, so that leasing is testable on machines
 * without one; otherwise what `nvidia-smi` lists (none when it is missing or fails).
 */
export async function detectGpus(settings: Record<string, string | undefined> = process.env): Promise<{ gpus: TGpu[]; source: 'WEFT_GPUS' | 'nvidia-smi' | 'none' }> {
  const override = settings.WEFT_GPUS?.trim();
  if (override !== undefined && override !== '') return { gpus: parseGpuList(override), source: 'WEFT_GPUS' };
  try {
    const { stdout } = await run('nvidia-smi', ['--query-gpu=index,uuid,name,memory.total', '--format=csv,noheader,nounits'], { timeout: 15_000 });
    const gpus = parseNvidiaSmi(stdout);
    return { gpus, source: gpus.length ? 'nvidia-smi' : 'none' };
  } catch {
    return { gpus: [], source: 'none' };
  }
}

export function parseGpuList(list: string): TGpu[] {
  const indices = list.split(',').map((s) => s.trim());
  if (indices.some((i) => !/^\d{1,3}$/.test(i)) || new Set(indices).size !== indices.length) {
    throw new Error(`WEFT_GPUS must list distinct GPU indices, e.g. "0,1,2,3" (got "${list}")`);
  }
  return indices.map((index) => ({ index }));
}

/** `0, GPU-3f…, NVIDIA H100 80GB HBM3, 81559` per line. */
export function parseNvidiaSmi(csv: string): TGpu[] {
  return csv
    .split('\n')
    .map((line) => line.split(',').map((s) => s.trim()))
    .filter((cells) => cells.length >= 4 && /^\d+$/.test(cells[0]!))
    .map(([index, uuid, name, memory]) => ({ index: index!, uuid, name, memoryMb: Number(memory) || undefined }));
}
