import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How often a running GPU step's log gets a utilisation line. */
export const GPU_SAMPLE_MS = 15_000;

/** One log line per GPU: `[gpu 0] 87% util, 10240 / 81559 MiB` (undefined when nvidia-smi fails). */
export async function sampleGpus(devices: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('nvidia-smi', ['--query-gpu=index,utilization.gpu,memory.used,memory.total', '--format=csv,noheader,nounits', `--id=${devices.join(',')}`], { timeout: 10_000 });
    return formatGpuSamples(stdout);
  } catch {
    return undefined;
  }
}

/** nvidia-smi's `index, util, used, total` lines as log lines. */
export function formatGpuSamples(csv: string): string | undefined {
  const lines = csv
    .split('\n')
    .map((line) => line.split(',').map((s) => s.trim()))
    .filter((cells) => cells.length === 4 && /^\d+$/.test(cells[0]!))
    .map(([index, util, used, total]) => `[gpu ${index}] ${util}% util, ${used} / ${total} MiB`);
  return lines.length ? `${lines.join('\n')}\n` : undefined;
}
