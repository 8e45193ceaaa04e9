import type { TNoopConfig } from '../dsl';
import type { TProcessResult } from './child-process';
import type { TStepContext } from './step-context';

/** Runs in the worker itself (no child process): measures what orchestration alone costs. */
export async function executeNoop(config: TNoopConfig, ctx: TStepContext): Promise<TProcessResult> {
  if (config.sleepMs > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config.sleepMs);
      ctx.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
  return { exitCode: 0, signal: null };
}
