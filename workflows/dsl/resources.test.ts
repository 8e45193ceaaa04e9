import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile';
import { DEFAULT_CPU_POOL, resolveResources, type TPoolCatalogEntry } from './resources';
import type { TPipelineSpec } from './spec';
import { validateSpec } from './validate';

const pools: TPoolCatalogEntry[] = [
  DEFAULT_CPU_POOL,
  { name: 'gpu-a100', kind: 'gpu', labels: { gpu: 'a100', mem: '80g' }, defaults: { cpus: 8, memoryMb: 65_536, gpus: 1 } },
  { name: 'gpu-t4', kind: 'gpu', labels: { gpu: 't4' }, defaults: { cpus: 4, memoryMb: 16_384, gpus: 1 } },
  { name: 'highmem', kind: 'cpu', labels: { mem: '512g' }, defaults: { cpus: 16, memoryMb: 524_288, gpus: 0 } },
];

const twoPoolSpec = (trainResources: TPipelineSpec['nodes'][number]['resources']): TPipelineSpec => ({
  nodes: [
    { id: 'load', kind: 'python', label: '', config: { code: 'pass' }, position: { x: 0, y: 0 } },
    { id: 'train', kind: 'python', label: '', config: { code: 'pass' }, position: { x: 200, y: 0 }, resources: trainResources },
    { id: 'gate', kind: 'approval', label: '', config: {}, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'load', sourcePort: 'out', target: 'train', targetPort: 'in' },
    { id: 'e2', source: 'train', sourcePort: 'out', target: 'gate', targetPort: 'in' },
  ],
  parameters: {},
  maxParallelism: 4,
});

describe('resolveResources', () => {
  it('uses the kind default pool and its defaults when the node asks nothing', () => {
    expect(resolveResources(undefined, 'cpu', pools)).toEqual({ ok: true, pool: DEFAULT_CPU_POOL, resources: { cpus: 1, memoryMb: 2_048, gpus: 0 } });
  });

  it('finds a GPU pool for a GPU request, of the asked type, with the node overriding defaults', () => {
    const t4 = resolveResources({ gpus: 2, gpuType: 't4', memoryMb: 4_096 }, 'cpu', pools);
    expect(t4).toMatchObject({ ok: true, pool: { name: 'gpu-t4' }, resources: { cpus: 4, memoryMb: 4_096, gpus: 2 } });
    // any GPU pool: the first by name
    expect(resolveResources({ gpus: 1 }, 'cpu', pools)).toMatchObject({ ok: true, pool: { name: 'gpu-a100' } });
  });

  it('takes a pool by label, skipping pools that cannot serve a GPU request', () => {
    expect(resolveResources({ poolLabel: 'mem=512g' }, 'cpu', pools)).toMatchObject({ ok: true, pool: { name: 'highmem' }, resources: { gpus: 0 } });
    expect(resolveResources({ poolLabel: 'gpu=a100' }, 'cpu', pools)).toMatchObject({ ok: true, pool: { name: 'gpu-a100' }, resources: { gpus: 1 } });
    expect(resolveResources({ poolLabel: 'mem=512g', gpus: 1 }, 'cpu', pools)).toMatchObject({ ok: false, field: 'resources.gpus' });
  });

  it('refuses what no pool serves, saying why', () => {
    expect(resolveResources({ pool: 'cpu', gpus: 1 }, 'cpu', pools)).toEqual({ ok: false, field: 'resources.gpus', message: 'Asks for 1 GPU, but pool "cpu" is a CPU pool' });
    expect(resolveResources({ pool: 'nope' }, 'cpu', pools)).toEqual({ ok: false, field: 'resources.pool', message: 'Pool "nope" does not exist' });
    expect(resolveResources({ poolLabel: 'gpu=h100' }, 'cpu', pools)).toMatchObject({ ok: false, message: 'No pool has the label "gpu=h100"' });
    expect(resolveResources({ gpus: 1, gpuType: 'h100' }, 'cpu', pools)).toMatchObject({ ok: false, field: 'resources.gpus' });
    expect(resolveResources({ pool: 'gpu-t4', gpuType: 'a100' }, 'cpu', pools)).toMatchObject({ ok: false, field: 'resources.gpuType' });
    expect(resolveResources({ gpus: 1 }, 'cpu', [DEFAULT_CPU_POOL])).toMatchObject({ ok: false, message: 'Asks for 1 GPU, but no GPU pool exists' });
  });
});

describe('validate and compile with pools', () => {
  it('routes each step to its pool task queue with its resources', () => {
    const compiled = compileSpec(twoPoolSpec({ gpus: 1, gpuType: 'a100' }), {}, pools);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const byId = Object.fromEntries(compiled.plan.steps.map((s) => [s.nodeId, s]));
    expect(byId.load).toMatchObject({ pool: 'cpu', taskQueue: 'weft-pool-cpu', resources: { cpus: 1, gpus: 0 } });
    expect(byId.train).toMatchObject({ pool: 'gpu-a100', taskQueue: 'weft-pool-gpu-a100', resources: { cpus: 8, memoryMb: 65_536, gpus: 1 } });
    expect(byId.gate).toMatchObject({ pool: 'control', taskQueue: 'weft-control' });
    expect(byId.gate!.resources).toBeUndefined();
  });

  it("takes the pool's schedule-to-start limit unless the node sets its own", () => {
    const slow = pools.map((p) => (p.name === 'gpu-a100' ? { ...p, scheduleToStartSeconds: 900 } : p));
    const plan = (spec: TPipelineSpec) => {
      const compiled = compileSpec(spec, {}, slow);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      return Object.fromEntries(compiled.plan.steps.map((s) => [s.nodeId, s.scheduleToStartTimeoutMs]));
    };
    expect(plan(twoPoolSpec({ pool: 'gpu-a100' }))).toMatchObject({ load: 60_000, train: 900_000 });
    const own = twoPoolSpec({ pool: 'gpu-a100' });
    own.nodes[1]!.scheduleToStartTimeoutSeconds = 30;
    expect(plan(own)).toMatchObject({ train: 30_000 });
  });

  it('refuses a GPU step on a CPU pool, naming the node', () => {
    const result = validateSpec(twoPoolSpec({ pool: 'cpu', gpus: 2 }), pools);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { code: 'invalid_resources', nodeId: 'train', field: 'resources.gpus', message: '"train": Asks for 2 GPUs, but pool "cpu" is a CPU pool' },
    ]);
    expect(compileSpec(twoPoolSpec({ pool: 'cpu', gpus: 2 }), {}, pools)).toMatchObject({ ok: false, problems: [{ nodeId: 'train' }] });
  });

  it('refuses a pool that does not exist and resources on interpreter nodes', () => {
    const spec = twoPoolSpec({ pool: 'gone' });
    spec.nodes[2]!.resources = { gpus: 1 };
    const result = validateSpec(spec, pools);
    expect(result.problems.map((p) => [p.nodeId, p.field])).toEqual([
      ['train', 'resources.pool'],
      ['gate', 'resources'],
    ]);
  });

  it('checks resource fields themselves (a bad label or pool name)', () => {
    const result = validateSpec(twoPoolSpec({ poolLabel: 'no-equals-sign', pool: 'Bad Name' }), pools);
    expect(result.problems.map((p) => [p.nodeId, p.field])).toEqual(
      expect.arrayContaining([
        ['train', 'resources.pool'],
        ['train', 'resources.poolLabel'],
      ]),
    );
  });
});
