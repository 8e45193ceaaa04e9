/**
 * Which Python a pool worker's steps run with. WEFT_PYTHON when set; else, on a GPU pool's worker
 * with WEFT_TORCH=on, the PyTorch venv (requirements/torch.txt on top of the steps venv: the
 * worker builds it before it polls, as `npm run dev` builds the steps venv); else `python3`.
 * PyTorch stays opt-in because its CUDA libraries are several GB (README, "Configuration").
 */
export type TStepPython = { python: string; note?: string } | { torchVenv: true };

export function stepPython(env: Readonly<Record<string, string | undefined>>, kind: 'cpu' | 'gpu'): TStepPython {
  const torch = env.WEFT_TORCH ?? 'off';
  if (torch !== 'on' && torch !== 'off') throw new Error(`WEFT_TORCH must be on or off, not ${JSON.stringify(torch)}`);
  if (env.WEFT_PYTHON) return { python: env.WEFT_PYTHON, ...(torch === 'on' ? { note: 'WEFT_TORCH=on has no effect: WEFT_PYTHON names the interpreter' } : {}) };
  if (torch === 'on' && kind === 'gpu') return { torchVenv: true };
  return { python: 'python3', ...(torch === 'on' ? { note: 'WEFT_TORCH=on is for GPU pools (--kind gpu): this worker runs steps with python3' } : {}) };
}
