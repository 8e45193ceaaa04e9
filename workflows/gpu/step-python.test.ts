import { describe, expect, it } from 'vitest';
import { stepPython } from './step-python';

describe('a pool worker\'s step Python', () => {
  it('is WEFT_PYTHON, else the PyTorch venv on a GPU pool with WEFT_TORCH=on, else python3', () => {
    expect(stepPython({ WEFT_PYTHON: '/venv/bin/python' }, 'gpu')).toEqual({ python: '/venv/bin/python' });
    expect(stepPython({ WEFT_TORCH: 'on' }, 'gpu')).toEqual({ torchVenv: true });
    expect(stepPython({}, 'gpu')).toEqual({ python: 'python3' });
    expect(stepPython({ WEFT_TORCH: 'on' }, 'cpu')).toEqual({ python: 'python3', note: 'WEFT_TORCH=on is for GPU pools (--kind gpu): this worker runs steps with python3' });
    expect(stepPython({ WEFT_TORCH: 'on', WEFT_PYTHON: '/p' }, 'gpu')).toEqual({ python: '/p', note: 'WEFT_TORCH=on has no effect: WEFT_PYTHON names the interpreter' });
    expect(() => stepPython({ WEFT_TORCH: 'yes' }, 'gpu')).toThrow('WEFT_TORCH must be on or off, not "yes"');
  });
});
