import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { NODE_CATALOG } from './catalog';
import { compileSpec, DEFAULT_RETRY, DEFAULT_TIMEOUT_SECONDS, HEARTBEAT_TIMEOUT_MS } from './compile';
import { EXECUTOR_CONFIG_SCHEMAS } from './executor-configs';
import type { TExecutor } from './executors';
import { ZPlanSchema, ZPlanStepSchema, type TPlan, type TPlanStep } from './plan';
import { CONTROL_TASK_QUEUE } from './task-queues';
import { approvalNode, branchEdge, chainSpec, conditionNode, edge, pythonNode, shellNode, spec, type TSpecInput } from './test-specs';
import { validateSpec } from './validate';

function compiled(input: unknown): TPlan {
  const result = compileSpec(input);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.problems)}`);
  return result.plan;
}

const stepOf = (plan: TPlan, nodeId: string) => {
  const step = plan.steps.find((s) => s.nodeId === nodeId);
  if (!step) throw new Error(`no step ${nodeId}`);
  return step;
};

type TRunBy<E extends TExecutor> = Extract<TPlanStep, { executor: E }>;
const isRunBy = <E extends TExecutor>(step: TPlanStep, executor: E): step is TRunBy<E> => step.executor === executor;

/** A node's step, checked to be run by `executor`: its config is typed by it (no cast). */
function stepRunBy<E extends TExecutor>(plan: TPlan, nodeId: string, executor: E): TRunBy<E> {
  const step = stepOf(plan, nodeId);
  if (!isRunBy(step, executor)) throw new Error(`step ${nodeId} runs on ${step.executor}, not ${executor}`);
  return step;
}

/** The same value with object keys in reverse insertion order at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

/** fetch → train ⇉ (evaluate, report) → gate → deploy, listed out of order on purpose */
const pipeline = (): TSpecInput =>
  spec(
    [
      shellNode('deploy', { label: 'Ship it' }),
      approvalNode('gate', { config: { instructions: 'Check the metrics' } }),
      pythonNode('report'),
      pythonNode('evaluate', { retry: { maxAttempts: 5, initialIntervalSeconds: 0.5, backoffCoefficient: 1.5, maxIntervalSeconds: 30 } }),
      pythonNode('train', { timeoutSeconds: 90 }),
      shellNode('fetch'),
    ],
    [
      edge('fetch', 'train'),
      edge('train', 'evaluate'),
      edge('train', 'report'),
      edge('evaluate', 'gate'),
      edge('report', 'gate'),
      edge('gate', 'deploy'),
    ],
    { parameters: { lr: 0.1, name: 'iris', dry_run: false }, maxParallelism: 3 },
  );

describe('compileSpec', () => {
  it('fails with exactly the validation problems for an invalid spec', () => {
    const input = spec([approvalNode('gate'), pythonNode('p', { config: { code: '' } })]);
    const result = compileSpec(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(validateSpec(input).problems);
  });

  it('produces a plan that satisfies the plan schema', () => {
    const plan = compiled(pipeline());
    expect(ZPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.formatVersion).toBe(1);
    expect(plan.maxParallelism).toBe(3);
    expect(plan.parameters).toEqual({ lr: 0.1, name: 'iris', dry_run: false });
  });

  it('orders steps topologically: every dependency comes before its dependent', () => {
    const plan = compiled(pipeline());
    const position = new Map(plan.steps.map((s, i) => [s.nodeId, i]));
    expect(plan.steps).toHaveLength(6);
    for (const step of plan.steps) {
      for (const dep of step.dependsOn) expect(position.get(dep)!).toBeLessThan(position.get(step.nodeId)!);
    }
    expect(plan.steps[0]!.nodeId).toBe('fetch');
    expect(plan.steps.at(-1)!.nodeId).toBe('deploy');
  });

  it('keeps input order between independent steps', () => {
    const plan = compiled(spec([pythonNode('z'), pythonNode('y'), pythonNode('x'), pythonNode('after')], [edge('x', 'after')]));
    expect(plan.steps.map((s) => s.nodeId)).toEqual(['z', 'y', 'x', 'after']);
  });

  it('sets dependsOn to the direct upstream nodes, once each', () => {
    const plan = compiled(pipeline());
    expect(stepOf(plan, 'fetch').dependsOn).toEqual([]);
    expect(stepOf(plan, 'train').dependsOn).toEqual(['fetch']);
    expect(stepOf(plan, 'gate').dependsOn.sort()).toEqual(['evaluate', 'report']);
    expect(stepOf(plan, 'deploy').dependsOn).toEqual(['gate']);

    const doubled = compiled(spec([pythonNode('a'), pythonNode('b')], [edge('a', 'b', { id: 'e1' }), edge('a', 'b', { id: 'e2' })]));
    expect(stepOf(doubled, 'b').dependsOn).toEqual(['a']);
  });

  it('applies the default retry policy and timeouts', () => {
    const step = stepOf(compiled(pipeline()), 'fetch');
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maxIntervalSeconds: 60 });
    expect(step.retry).toEqual({ maximumAttempts: 3, initialIntervalMs: 1_000, backoffCoefficient: 2, maximumIntervalMs: 60_000, nonRetryableErrorTypes: [] });
    expect(step.startToCloseTimeoutMs).toBe(DEFAULT_TIMEOUT_SECONDS * 1000);
    expect(step.startToCloseTimeoutMs).toBe(3_600_000);
    expect(step.heartbeatTimeoutMs).toBe(HEARTBEAT_TIMEOUT_MS);
    expect(step.heartbeatTimeoutMs).toBe(30_000);
  });

  it('converts a per-node retry policy and timeout to milliseconds', () => {
    const plan = compiled(pipeline());
    expect(stepOf(plan, 'evaluate').retry).toEqual({
      maximumAttempts: 5,
      initialIntervalMs: 500,
      backoffCoefficient: 1.5,
      maximumIntervalMs: 30_000,
      nonRetryableErrorTypes: [],
    });
    expect(stepOf(plan, 'evaluate').startToCloseTimeoutMs).toBe(3_600_000);
    expect(stepOf(plan, 'train').startToCloseTimeoutMs).toBe(90_000);
    expect(stepOf(plan, 'train').retry.maximumAttempts).toBe(3);
  });

  it('fills a missing maxIntervalSeconds with the default', () => {
    const plan = compiled(spec([pythonNode('a', { retry: { maxAttempts: 2, initialIntervalSeconds: 3, backoffCoefficient: 2 } })]));
    expect(stepOf(plan, 'a').retry).toEqual({ maximumAttempts: 2, initialIntervalMs: 3_000, backoffCoefficient: 2, maximumIntervalMs: 60_000, nonRetryableErrorTypes: [] });
  });

  it('never gives a maximum retry interval below the initial one (Temporal rejects that policy)', () => {
    const plan = compiled(
      spec([
        // initial 120 s with the default 60 s maximum
        pythonNode('slow', { retry: { maxAttempts: 3, initialIntervalSeconds: 120, backoffCoefficient: 2 } }),
        // an explicit maximum below the initial interval
        pythonNode('odd', { retry: { maxAttempts: 3, initialIntervalSeconds: 10, backoffCoefficient: 2, maxIntervalSeconds: 5 } }),
      ]),
    );
    expect(stepOf(plan, 'slow').retry).toMatchObject({ initialIntervalMs: 120_000, maximumIntervalMs: 120_000, nonRetryableErrorTypes: [] });
    expect(stepOf(plan, 'odd').retry).toMatchObject({ initialIntervalMs: 10_000, maximumIntervalMs: 10_000, nonRetryableErrorTypes: [] });
    // Temporal's compileRetryPolicy throws "maximumInterval cannot be less than its initialInterval"
    // when the interpreter proxies such an activity (the DSL may not import Temporal, so the rule is restated here).
    for (const { retry } of plan.steps) expect(retry.maximumIntervalMs).toBeGreaterThanOrEqual(retry.initialIntervalMs);
  });

  it('routes python/shell to the cpu pool queue and approval to the control queue', () => {
    const plan = compiled(pipeline());
    for (const id of ['fetch', 'deploy']) {
      expect(stepOf(plan, id)).toMatchObject({ kind: 'shell', executor: 'shell', pool: 'cpu', taskQueue: 'weft-pool-cpu' });
    }
    for (const id of ['train', 'evaluate', 'report']) {
      expect(stepOf(plan, id)).toMatchObject({ kind: 'python', executor: 'python', pool: 'cpu', taskQueue: 'weft-pool-cpu' });
    }
    expect(stepOf(plan, 'gate')).toMatchObject({ kind: 'approval', executor: 'approval', pool: 'control', taskQueue: 'weft-control' });
    expect(CONTROL_TASK_QUEUE).toBe('weft-control');
  });

  it('applies config defaults (approval timeoutHours 72, instructions "")', () => {
    const plan = compiled(pipeline());
    expect(stepOf(plan, 'gate').config).toEqual({ instructions: 'Check the metrics', timeoutHours: 72 });
    const bare = compiled(spec([pythonNode('a'), approvalNode('g', { config: {} })], [edge('a', 'g')]));
    expect(stepOf(bare, 'g').config).toEqual({ instructions: '', timeoutHours: 72 });
    const kept = compiled(spec([pythonNode('a'), approvalNode('g', { config: { timeoutHours: 2 } })], [edge('a', 'g')]));
    expect(stepOf(kept, 'g').config).toEqual({ instructions: '', timeoutHours: 2 });
  });

  it('keeps python code and shell command, dropping unknown config keys', () => {
    const plan = compiled(spec([pythonNode('p', { config: { code: 'print(1)', stray: true } }), shellNode('s')]));
    expect(stepOf(plan, 'p').config).toEqual({ code: 'print(1)' });
    expect(stepOf(plan, 's').config).toEqual({ command: 'echo s' });
  });

  it('labels a step with its node label, else the kind title', () => {
    const plan = compiled(pipeline());
    expect(stepOf(plan, 'deploy').label).toBe('Ship it');
    expect(stepOf(plan, 'fetch').label).toBe(NODE_CATALOG.shell.title);
    expect(stepOf(plan, 'gate').label).toBe(NODE_CATALOG.approval.title);
  });
});

describe('compileSpec: typed step configs', () => {
  const PIPELINE_ID = '0b5c6f4e-2f1a-4c57-9a53-8d3f3b0f2a11';
  const child = () => compiled(spec([pythonNode('inner')]));
  // fetch → each (noop body) → gate → wait ; fetch → sub
  const kinds = (): TSpecInput =>
    spec(
      [
        shellNode('fetch'),
        { id: 'each', kind: 'foreach', config: { items: '[1, 2]', step: { kind: 'noop' } } },
        approvalNode('gate'),
        { id: 'wait', kind: 'noop' },
        { id: 'sub', kind: 'subpipeline', config: { pipelineId: PIPELINE_ID, versionNumber: 2 }, timeoutSeconds: 600 },
      ],
      [edge('fetch', 'each'), edge('each', 'gate'), edge('gate', 'wait'), edge('fetch', 'sub')],
    );
  const plan = () => {
    const result = compileSpec(kinds(), { sub: { versionId: 'v-2', plan: child() } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.plan;
  };

  it('each step holds its executor\'s config, parsed once with the schema\'s defaults', () => {
    const compiledPlan = plan();
    // typed reads: no cast, the executor narrows the config
    expect(stepRunBy(compiledPlan, 'gate', 'approval').config.timeoutHours).toBe(72);
    expect(stepRunBy(compiledPlan, 'gate', 'approval').config.instructions).toBe('');
    expect(stepRunBy(compiledPlan, 'wait', 'noop').config.sleepMs).toBe(0);
    const each = stepRunBy(compiledPlan, 'each', 'foreach').config;
    expect(each.concurrency).toBe(16);
    expect(each.step).toEqual({ kind: 'noop', sleepMs: 0 });
    expect(stepRunBy(compiledPlan, 'fetch', 'shell').config.command).toBe('echo fetch');
  });

  it('a sub-pipeline step embeds the resolved version, its plan and the node\'s timeout', () => {
    const sub = stepRunBy(plan(), 'sub', 'subpipeline').config;
    expect(sub).toEqual({ pipelineId: PIPELINE_ID, versionNumber: 2, versionId: 'v-2', plan: child(), timeoutMs: 600_000 });
    expect(sub.plan.steps[0]).toMatchObject({ nodeId: 'inner', executor: 'python', config: { code: 'print("inner")' } });
  });

  it('the plan schema round-trips a plan with every executor, the child plan included', () => {
    const compiledPlan = plan();
    expect(new Set(compiledPlan.steps.map((s) => s.executor))).toEqual(new Set(['shell', 'foreach', 'approval', 'noop', 'subpipeline']));
    expect(ZPlanSchema.parse(compiledPlan)).toEqual(compiledPlan);
    expect(ZPlanSchema.parse(JSON.parse(JSON.stringify(compiledPlan)))).toEqual(compiledPlan);
  });

  it('the plan schema has a member for every executor', () => {
    expect(ZPlanStepSchema.options.map((member) => member.shape.executor.value).sort()).toEqual(Object.keys(EXECUTOR_CONFIG_SCHEMAS).sort());
  });

  it('the plan schema refuses a config that is not its executor\'s', () => {
    const compiledPlan = plan();
    const swapped = { ...compiledPlan, steps: compiledPlan.steps.map((s) => (s.nodeId === 'gate' ? { ...s, executor: 'python' } : s)) };
    expect(ZPlanSchema.safeParse(swapped).success).toBe(false);
  });
});

describe('compileSpec with a condition', () => {
  // train → check ─true→ deploy ; check ─false→ retrain
  const branching = () =>
    spec(
      [
        pythonNode('train'),
        conditionNode('check', '  steps.train.metrics.accuracy >= params.min_accuracy  '),
        shellNode('deploy'),
        pythonNode('retrain'),
      ],
      [edge('train', 'check'), branchEdge('check', 'true', 'deploy'), branchEdge('check', 'false', 'retrain')],
      { parameters: { min_accuracy: 0.9 } },
    );

  it('runs a condition in the interpreter: executor condition on the weft-control queue, never cached', () => {
    const check = stepOf(compiled(branching()), 'check');
    expect(check).toMatchObject({
      kind: 'condition',
      executor: 'condition',
      pool: 'control',
      taskQueue: CONTROL_TASK_QUEUE,
      label: NODE_CATALOG.condition.title,
      cache: false,
      dependsOn: ['train'],
      inputs: [{ fromNode: 'train', fromPort: 'out', toPort: 'in' }],
    });
    expect(check.taskQueue).toBe('weft-control');
  });

  it('keeps the expression as written (error positions count from it) in the step config', () => {
    expect(stepRunBy(compiled(branching()), 'check', 'condition').config.expression).toMatch(/^\s*steps\.train\.metrics\.accuracy >= params\.min_accuracy\s*$/);
  });

  it('records which port of the condition feeds each branch', () => {
    const plan = compiled(branching());
    expect(stepOf(plan, 'deploy')).toMatchObject({ dependsOn: ['check'], inputs: [{ fromNode: 'check', fromPort: 'true', toPort: 'in' }] });
    expect(stepOf(plan, 'retrain')).toMatchObject({ dependsOn: ['check'], inputs: [{ fromNode: 'check', fromPort: 'false', toPort: 'in' }] });
    expect(plan.steps.map((s) => s.nodeId)).toEqual(['train', 'check', 'deploy', 'retrain']);
    expect(ZPlanSchema.parse(plan)).toEqual(plan);
  });

  it('fails with the expression problem for a condition that reads a step below it', () => {
    const input = branching();
    input.nodes[1] = conditionNode('check', 'steps.deploy.status == "succeeded"');
    const result = compileSpec(input);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ code: 'invalid_config', nodeId: 'check', field: 'config.expression', message: expect.stringContaining('"deploy"') }),
      ],
    });
  });
});

describe('compileSpec determinism', () => {
  it('two compiles of the same spec have the same canonical JSON', () => {
    expect(canonicalJson(compiled(pipeline()))).toBe(canonicalJson(compiled(pipeline())));
  });

  it('the key order of the input does not change the canonical plan', () => {
    const input = pipeline();
    const reversed = reverseKeys(input);
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(input)); // the test really reorders keys
    expect(canonicalJson(compiled(reversed))).toBe(canonicalJson(compiled(input)));
  });

  it('a JSON round trip of the input does not change the canonical plan', () => {
    const input = pipeline();
    expect(canonicalJson(compiled(JSON.parse(JSON.stringify(input))))).toBe(canonicalJson(compiled(input)));
  });

  it('node positions do not change the plan', () => {
    const moved = pipeline();
    moved.nodes = moved.nodes.map((n, i) => ({ ...n, position: { x: i * 100, y: -i } }));
    expect(canonicalJson(compiled(moved))).toBe(canonicalJson(compiled(pipeline())));
  });

  it('a plan survives a JSON round trip unchanged', () => {
    const plan = compiled(pipeline());
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('compileSpec on large specs', () => {
  it('compiles a 5,000-node chain without overflowing the stack', () => {
    const plan = compiled(chainSpec(5_000));
    expect(plan.steps).toHaveLength(5_000);
    expect(plan.steps[0]).toMatchObject({ nodeId: 'n0', dependsOn: [] });
    expect(plan.steps[4_999]).toMatchObject({ nodeId: 'n4999', dependsOn: ['n4998'] });
    plan.steps.forEach((step, i) => expect(step.nodeId).toBe(`n${i}`));
  });

  it('compiles a 5,000-node chain listed in reverse into chain order', () => {
    const input = chainSpec(5_000);
    input.nodes.reverse();
    const plan = compiled(input);
    expect(plan.steps.map((s) => s.nodeId)).toEqual(Array.from({ length: 5_000 }, (_, i) => `n${i}`));
  });
});
