import { describe, expect, it } from 'vitest';
import { choosePool, DEFAULT_POOL_CHOICE, LABEL_POOL_CHOICE, patchResources } from './resource-edits';

describe('resource edits', () => {
  it('removes an emptied field, and the resources once nothing is left', () => {
    const asked = patchResources(undefined, { gpus: 2, cpus: 4 });
    expect(asked).toEqual({ gpus: 2, cpus: 4 });
    const fewer = patchResources(asked, { cpus: undefined });
    expect(fewer).toEqual({ gpus: 2 });
    expect('cpus' in fewer!).toBe(false);
    expect(patchResources(fewer, { gpus: undefined })).toBeUndefined();
  });

  it('keeps a pool by name and a pool by label exclusive', () => {
    const byLabel = patchResources(undefined, { poolLabel: 'gpu=a100', gpus: 1 });
    expect(choosePool(byLabel, 'gpu-a100')).toEqual({ pool: 'gpu-a100', gpus: 1 });
    expect(choosePool({ pool: 'gpu-a100', gpus: 1 }, LABEL_POOL_CHOICE)).toEqual({ gpus: 1 });
    expect(choosePool(byLabel, DEFAULT_POOL_CHOICE)).toEqual({ gpus: 1 });
    expect(choosePool({ pool: 'gpu-a100' }, DEFAULT_POOL_CHOICE)).toBeUndefined();
  });
});
