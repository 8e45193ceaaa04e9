import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_CATALOG, PORT_TYPES, portsFit, type TNodeKindDefinition } from './catalog';
import { PROBLEM_CODES, problemsByNode, type TProblemCode, type TSpecProblem } from './problems';
import { approvalNode, branchEdge, chainSpec, conditionNode, edge, pythonNode, shellNode, spec } from './test-specs';
import { validateSpec } from './validate';

const problemsOf = (input: unknown): TSpecProblem[] => validateSpec(input).problems;
const codesOf = (input: unknown): TProblemCode[] => problemsOf(input).map((p) => p.code);
const withCode = (input: unknown, code: TProblemCode) => problemsOf(input).filter((p) => p.code === code);

/** Codes seen across this file; the last test checks that every PROBLEM_CODES entry was produced. */
const seen = new Set<TProblemCode>();
const record = (problems: readonly TSpecProblem[]) => problems.forEach((p) => seen.add(p.code));

describe('validateSpec: a valid spec', () => {
  it('gives ok:true, no problems, and the parsed spec with defaults filled in', () => {
    const result = validateSpec(
      spec([shellNode('fetch'), pythonNode('train'), approvalNode('gate')], [edge('fetch', 'train'), edge('train', 'gate')]),
    );
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.spec).toBeDefined();
    expect(result.spec!.maxParallelism).toBe(8);
    expect(result.spec!.parameters).toEqual({});
    expect(result.spec!.nodes[0]).toMatchObject({ id: 'fetch', label: '', position: { x: 0, y: 0 } });
  });

  it('accepts python/shell nodes with no upstream, fan-in and fan-out on the flow ports', () => {
    const result = validateSpec(
      spec(
        [pythonNode('a'), pythonNode('b'), shellNode('c'), pythonNode('d')],
        [edge('a', 'c'), edge('b', 'c'), edge('c', 'd'), edge('a', 'd')],
      ),
    );
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('accepts parameters, per-node retry and timeout', () => {
    const result = validateSpec(
      spec(
        [pythonNode('a', { retry: { maxAttempts: 5, initialIntervalSeconds: 2, backoffCoefficient: 1.5 }, timeoutSeconds: 30 })],
        [],
        { parameters: { lr: 0.01, name: 'x', dry_run: true }, maxParallelism: 2 },
      ),
    );
    expect(result.ok).toBe(true);
  });
});

describe('validateSpec: invalid_spec (schema failures)', () => {
  it('pins a node that fails the schema by its id, with the field inside the node', () => {
    const problems = problemsOf(spec([pythonNode('ok'), pythonNode('slow', { timeoutSeconds: 0 })]));
    record(problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'invalid_spec', nodeId: 'slow', field: 'timeoutSeconds' });
    expect(problems[0]!.message).toMatch(/^nodes\.1\.timeoutSeconds: /);
  });

  it('pins nested node fields (retry.maxAttempts)', () => {
    const problems = problemsOf(
      spec([pythonNode('r', { retry: { maxAttempts: 0, initialIntervalSeconds: 1, backoffCoefficient: 2 } })]),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_spec', nodeId: 'r', field: 'retry.maxAttempts' })]);
  });

  it('pins a node whose id breaks the id rules (the id string is still reported)', () => {
    const problems = problemsOf(spec([pythonNode('has space')]));
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_spec', nodeId: 'has space', field: 'id' })]);
  });

  it('pins an edge that fails the schema by its edge id', () => {
    const problems = problemsOf(spec([pythonNode('a'), pythonNode('b')], [edge('a', 'b', { sourcePort: '' })]));
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_spec', edgeId: 'a-b', field: 'sourcePort' })]);
    expect(problems[0]!.nodeId).toBeUndefined();
  });

  it('has no node id when the failing node has no string id', () => {
    const problems = problemsOf({ nodes: [{ kind: 'python' }], edges: [] });
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_spec', field: 'id' })]);
    expect(problems[0]!.nodeId).toBeUndefined();
  });

  it.each([null, undefined, 'spec', 42, []])('rejects a non-object spec (%j) without a spec', (input) => {
    const result = validateSpec(input);
    expect(result.ok).toBe(false);
    expect(result.spec).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['invalid_spec']);
    expect(result.problems[0]!.message).toMatch(/^spec: /);
  });

  it('reports missing top-level collections by path', () => {
    const problems = problemsOf({ nodes: [] });
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_spec', message: expect.stringMatching(/^edges: /) })]);
  });

  it('rejects bad parameter names and bad maxParallelism', () => {
    expect(codesOf(spec([pythonNode('a')], [], { parameters: { '1bad': 1 } }))).toContain('invalid_spec');
    expect(codesOf(spec([pythonNode('a')], [], { maxParallelism: 0 }))).toEqual(['invalid_spec']);
  });
});

describe('validateSpec: structural problems', () => {
  it('empty_pipeline: a spec with no nodes, not pinned to anything', () => {
    const problems = problemsOf(spec([]));
    record(problems);
    expect(problems).toEqual([{ code: 'empty_pipeline', message: expect.any(String) }]);
  });

  it('duplicate_node_id: each extra copy is reported once, pinned to the id', () => {
    const problems = problemsOf(spec([pythonNode('a'), shellNode('a'), pythonNode('b'), pythonNode('a')]));
    record(problems);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'duplicate_node_id', nodeId: 'a' }),
      expect.objectContaining({ code: 'duplicate_node_id', nodeId: 'a' }),
    ]);
  });

  it('duplicate_edge_id: pinned to the edge id', () => {
    const problems = problemsOf(
      spec([pythonNode('a'), pythonNode('b'), pythonNode('c')], [edge('a', 'b', { id: 'e1' }), edge('b', 'c', { id: 'e1' })]),
    );
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate_edge_id', edgeId: 'e1' })]);
  });

  it('unknown_kind: pinned to the node; no port problems for its edges', () => {
    const problems = problemsOf(spec([pythonNode('a'), { id: 'q', kind: 'sql' }], [edge('a', 'q', { targetPort: 'whatever' })]));
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown_kind', nodeId: 'q' })]);
    expect(problems[0]!.message).toContain('sql');
  });

  it('unknown_kind: inherited object keys are not kinds', () => {
    for (const kind of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(withCode(spec([{ id: 'x', kind }]), 'unknown_kind')).toHaveLength(1);
    }
  });
});

describe('validateSpec: invalid_config', () => {
  it('an empty python code is pinned to field config.code', () => {
    const problems = problemsOf(spec([pythonNode('p', { config: { code: '' } })]));
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'p', field: 'config.code' })]);
    expect(problems[0]!.message).toMatch(/^config\.code: /);
  });

  it('whitespace-only python code and a missing code are invalid too', () => {
    expect(withCode(spec([pythonNode('p', { config: { code: '  \n\t' } })]), 'invalid_config')).toEqual([
      expect.objectContaining({ nodeId: 'p', field: 'config.code' }),
    ]);
    expect(withCode(spec([{ id: 'p', kind: 'python' }]), 'invalid_config')).toEqual([
      expect.objectContaining({ nodeId: 'p', field: 'config.code' }),
    ]);
  });

  it('an empty shell command is pinned to config.command', () => {
    expect(problemsOf(spec([shellNode('s', { config: { command: ' ' } })]))).toEqual([
      expect.objectContaining({ code: 'invalid_config', nodeId: 's', field: 'config.command' }),
    ]);
  });

  it('an out-of-range approval timeout is pinned to config.timeoutHours', () => {
    const problems = problemsOf(
      spec([pythonNode('a'), approvalNode('g', { config: { timeoutHours: 0 } })], [edge('a', 'g')]),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'g', field: 'config.timeoutHours' })]);
  });

  it('an approval with an empty config is valid (defaults apply)', () => {
    expect(validateSpec(spec([pythonNode('a'), approvalNode('g')], [edge('a', 'g')])).ok).toBe(true);
  });
});

describe('validateSpec: condition expressions', () => {
  /** train → prep → check(expression) ─true→ after ; aside is not upstream of check */
  const withCondition = (expression: unknown, parameters: Record<string, number> = { min_accuracy: 0.9 }) =>
    spec(
      [pythonNode('train'), pythonNode('prep'), conditionNode('check', expression as string), pythonNode('after'), pythonNode('aside')],
      [edge('train', 'prep'), edge('prep', 'check'), branchEdge('check', 'true', 'after')],
      { parameters },
    );
  const expressionProblems = (expression: unknown, parameters?: Record<string, number>) => {
    const problems = problemsOf(withCondition(expression, parameters));
    record(problems);
    return problems;
  };

  it('accepts reads of direct and transitive upstream steps and of existing parameters', () => {
    expect(expressionProblems('steps.prep.status == "succeeded" and steps.train.metrics.accuracy >= params.min_accuracy')).toEqual([]);
    expect(expressionProblems('steps["train"].metrics["f1"] > 0.5 or len(steps.prep.outputs) > 0')).toEqual([]);
  });

  it('a syntax error is invalid_config on config.expression, and names the position', () => {
    expect(expressionProblems('steps.train.metrics.accuracy >> 0.9')).toEqual([
      { code: 'invalid_config', nodeId: 'check', field: 'config.expression', message: "config.expression: Unexpected token '>' at 30" },
    ]);
    expect(expressionProblems('steps.prep.status == (1')).toEqual([
      expect.objectContaining({ code: 'invalid_config', field: 'config.expression', message: expect.stringMatching(/ at 23$/) }),
    ]);
  });

  it('an empty or missing expression is invalid_config on config.expression', () => {
    expect(expressionProblems('')).toContainEqual(expect.objectContaining({ code: 'invalid_config', nodeId: 'check', field: 'config.expression' }));
    const missing = problemsOf(spec([pythonNode('a'), { id: 'check', kind: 'condition' }], [edge('a', 'check')]));
    expect(missing).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'check', field: 'config.expression' })]);
  });

  it('reading a step that is not upstream (a sibling, a descendant, itself) is pinned to config.expression', () => {
    for (const name of ['aside', 'after', 'check']) {
      expect(expressionProblems(`steps.${name}.status == "succeeded"`)).toEqual([
        {
          code: 'invalid_config',
          nodeId: 'check',
          field: 'config.expression',
          message: expect.stringMatching(new RegExp(`^config\\.expression: "${name}" is not a step that runs before`)),
        },
      ]);
    }
  });

  it('reading a step that does not exist is a problem too', () => {
    expect(expressionProblems('steps.ghost.metrics.x > 1')).toEqual([
      expect.objectContaining({ code: 'invalid_config', nodeId: 'check', message: expect.stringContaining('"ghost"') }),
    ]);
  });

  it('`steps` without a step name asks for one', () => {
    expect(expressionProblems('steps[params.min_accuracy].status == "succeeded"')).toEqual([
      expect.objectContaining({ code: 'invalid_config', field: 'config.expression', message: expect.stringContaining('name a step') }),
    ]);
  });

  it('a missing parameter is pinned to config.expression and named', () => {
    expect(expressionProblems('steps.train.metrics.accuracy >= params.threshold')).toEqual([
      {
        code: 'invalid_config',
        nodeId: 'check',
        field: 'config.expression',
        message: 'config.expression: the pipeline has no parameter "threshold"',
      },
    ]);
    expect(expressionProblems('params.min_accuracy < 1', {})).toEqual([
      expect.objectContaining({ code: 'invalid_config', message: expect.stringContaining('"min_accuracy"') }),
    ]);
  });

  it('a parameter name that is an inherited object key is missing (or refused by the parser)', () => {
    expect(expressionProblems('params.toString == 1')).toEqual([
      expect.objectContaining({ code: 'invalid_config', field: 'config.expression', message: expect.stringContaining('no parameter "toString"') }),
    ]);
    expect(expressionProblems('params.constructor == 1')).toEqual([
      expect.objectContaining({ code: 'invalid_config', field: 'config.expression', message: expect.stringContaining('constructor') }),
    ]);
  });

  it('an unknown root is pinned to config.expression and named', () => {
    expect(expressionProblems('accuracy > 0.9')).toEqual([
      expect.objectContaining({
        code: 'invalid_config',
        nodeId: 'check',
        field: 'config.expression',
        message: expect.stringContaining('"accuracy" is unknown'),
      }),
    ]);
    expect(expressionProblems('step.train.status == "succeeded"')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('"step" is unknown') }),
    ]);
  });

  it('reports every bad reference of one expression', () => {
    const problems = expressionProblems('steps.aside.metrics.x > params.nope or other');
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['invalid_config', 'config.expression'],
      ['invalid_config', 'config.expression'],
      ['invalid_config', 'config.expression'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"aside"'),
      expect.stringContaining('"nope"'),
      expect.stringContaining('"other"'),
    ]);
  });

  it('a condition needs an upstream step (its input is required)', () => {
    const problems = problemsOf(spec([conditionNode('check', 'params.go')], [], { parameters: { go: true } }));
    expect(problems).toEqual([expect.objectContaining({ code: 'missing_input', nodeId: 'check', field: 'inputs.in' })]);
  });

  it('a condition has `true` and `false` ports, not `out`', () => {
    const input = spec(
      [pythonNode('a'), conditionNode('check', 'steps.a.status == "succeeded"'), pythonNode('b')],
      [edge('a', 'check'), edge('check', 'b')],
    );
    expect(problemsOf(input)).toEqual([expect.objectContaining({ code: 'edge_unknown_port', edgeId: 'check-b', nodeId: 'check' })]);
  });
});

describe('validateSpec: edges', () => {
  it('edge_unknown_node: a missing target', () => {
    const problems = problemsOf(spec([pythonNode('a')], [edge('a', 'ghost')]));
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'edge_unknown_node', edgeId: 'a-ghost' })]);
    expect(problems[0]!.message).toContain('"ghost"');
  });

  it('edge_unknown_node: a missing source', () => {
    const problems = problemsOf(spec([pythonNode('a')], [edge('ghost', 'a')]));
    expect(problems).toEqual([expect.objectContaining({ code: 'edge_unknown_node', edgeId: 'ghost-a' })]);
    expect(problems[0]!.message).toContain('"ghost"');
  });

  it('edge_unknown_port: an unknown source port is pinned to the source node', () => {
    const problems = problemsOf(spec([pythonNode('a'), pythonNode('b')], [edge('a', 'b', { sourcePort: 'model' })]));
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'edge_unknown_port', edgeId: 'a-b', nodeId: 'a' })]);
    expect(problems[0]!.message).toContain('"model"');
  });

  it('edge_unknown_port: an unknown target port is pinned to the target node', () => {
    const problems = problemsOf(spec([pythonNode('a'), pythonNode('b')], [edge('a', 'b', { targetPort: 'data' })]));
    expect(problems).toEqual([expect.objectContaining({ code: 'edge_unknown_port', edgeId: 'a-b', nodeId: 'b' })]);
  });

  it('edge_unknown_port: an input port is not an output (in → in)', () => {
    const problems = problemsOf(spec([pythonNode('a'), pythonNode('b')], [edge('a', 'b', { sourcePort: 'in' })]));
    expect(problems).toEqual([expect.objectContaining({ code: 'edge_unknown_port', nodeId: 'a' })]);
  });
});

describe('portsFit (port_type_mismatch and duplicate_input)', () => {
  // portsFit is tested directly here and through the ML library's typed ports; the block below
  // registers a typed test-only kind for the duration of the block to exercise validate's
  // branches for both codes on their own.
  it('the ML library\'s typed ports refuse a dataset wired to a model input', () => {
    const ml = (id: string, kind: string) => ({ id, kind, config: {} });
    const problems = problemsOf(
      spec(
        [ml('load', 'load_dataset'), ml('split', 'split_dataset'), ml('evaluate', 'evaluate_model')],
        [
          edge('load', 'split', { sourcePort: 'dataset', targetPort: 'dataset' }),
          edge('load', 'evaluate', { id: 'wrong', sourcePort: 'dataset', targetPort: 'model' }),
          edge('split', 'evaluate', { id: 'test', sourcePort: 'test', targetPort: 'dataset' }),
        ],
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'port_type_mismatch', edgeId: 'wrong', message: 'Port "model" of "evaluate" takes model, not dataset from "load"' })]);
  });

  it('same types fit, different concrete types do not', () => {
    expect(portsFit('dataset', 'dataset')).toBe(true);
    expect(portsFit('model', 'model')).toBe(true);
    expect(portsFit('dataset', 'model')).toBe(false);
    expect(portsFit('metrics', 'report')).toBe(false);
  });

  it('`any` on either side fits everything', () => {
    for (const type of PORT_TYPES) {
      expect(portsFit('any', type)).toBe(true);
      expect(portsFit(type, 'any')).toBe(true);
    }
  });

  it('fit is exactly "equal or either is any" over all type pairs', () => {
    for (const a of PORT_TYPES) {
      for (const b of PORT_TYPES) expect(portsFit(a, b)).toBe(a === b || a === 'any' || b === 'any');
    }
  });
});

describe('validateSpec with a typed test-only kind', () => {
  const catalog = NODE_CATALOG as unknown as Record<string, TNodeKindDefinition>;
  beforeAll(() => {
    catalog.typed_test = {
      kind: 'typed_test',
      title: 'Typed (test only)',
      description: '',
      executor: 'noop',
      executorVersion: '1',
      cacheable: true,
      // (a config the test nodes need not give)
      configSchema: NODE_CATALOG.noop.configSchema,
      defaultConfig: {},
      inputs: [
        { name: 'data', type: 'dataset', required: false, label: 'Data' },
        { name: 'in', type: 'any', required: false, label: 'After' },
      ],
      outputs: [
        { name: 'model', type: 'model', required: false, label: 'Model' },
        { name: 'data', type: 'dataset', required: false, label: 'Data' },
      ],
      defaultPool: 'cpu',
    };
  });
  afterAll(() => {
    delete catalog.typed_test;
  });
  const typed = (id: string) => ({ id, kind: 'typed_test' });

  it('port_type_mismatch: model → dataset, pinned to the edge and target node', () => {
    const problems = problemsOf(
      spec([typed('a'), typed('b')], [edge('a', 'b', { sourcePort: 'model', targetPort: 'data' })]),
    );
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'port_type_mismatch', edgeId: 'a-b', nodeId: 'b' })]);
    expect(problems[0]!.message).toMatch(/takes dataset, not model/);
  });

  it('matching typed ports and typed → any are fine', () => {
    expect(validateSpec(spec([typed('a'), typed('b')], [edge('a', 'b', { sourcePort: 'data', targetPort: 'data' })])).ok).toBe(true);
    expect(validateSpec(spec([typed('a'), pythonNode('p')], [edge('a', 'p', { sourcePort: 'model' })])).ok).toBe(true);
  });

  it('duplicate_input: a typed input connected twice, pinned to the second edge', () => {
    const problems = problemsOf(
      spec(
        [typed('a'), typed('b'), typed('c')],
        [
          edge('a', 'c', { sourcePort: 'data', targetPort: 'data' }),
          edge('b', 'c', { sourcePort: 'data', targetPort: 'data' }),
        ],
      ),
    );
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate_input', edgeId: 'b-c', nodeId: 'c' })]);
  });

  it('an `any` input may be connected many times', () => {
    const toIn = { sourcePort: 'model', targetPort: 'in' };
    expect(validateSpec(spec([typed('a'), typed('b'), typed('c')], [edge('a', 'c', toIn), edge('b', 'c', toIn)])).ok).toBe(true);
  });
});

describe('validateSpec: missing_input', () => {
  it('an approval gate with no upstream is pinned to inputs.in', () => {
    const problems = problemsOf(spec([approvalNode('gate')]));
    record(problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'missing_input', nodeId: 'gate', field: 'inputs.in' })]);
  });

  it('an approval gate whose only incoming edge is broken is still missing its input', () => {
    const problems = problemsOf(spec([pythonNode('a'), approvalNode('gate')], [edge('a', 'gate', { sourcePort: 'nope' })]));
    expect(problems.map((p) => p.code).sort()).toEqual(['edge_unknown_port', 'missing_input']);
  });

  it('a python or shell node with no upstream needs nothing', () => {
    expect(validateSpec(spec([pythonNode('a'), shellNode('b')])).ok).toBe(true);
  });
});

describe('validateSpec: cycle', () => {
  const cycleNodes = (input: unknown) =>
    withCode(input, 'cycle')
      .map((p) => p.nodeId)
      .sort();

  it('a self-loop reports that node only', () => {
    const input = spec([pythonNode('start'), pythonNode('loop'), pythonNode('after')], [
      edge('start', 'loop'),
      edge('loop', 'loop'),
      edge('loop', 'after'),
    ]);
    record(problemsOf(input));
    expect(cycleNodes(input)).toEqual(['loop']);
    expect(codesOf(input)).toEqual(['cycle']);
  });

  it('a 3-node cycle reports every node on it and none before or after it', () => {
    const input = spec(
      [pythonNode('start'), pythonNode('a'), shellNode('b'), pythonNode('c'), pythonNode('end'), pythonNode('aside')],
      [edge('start', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'end')],
    );
    expect(cycleNodes(input)).toEqual(['a', 'b', 'c']);
    expect(codesOf(input).every((c) => c === 'cycle')).toBe(true);
  });

  it('two separate cycles joined by a bridge report both, not the bridge', () => {
    const input = spec(
      ['a', 'b', 'bridge', 'c', 'd'].map((id) => pythonNode(id)),
      [edge('a', 'b'), edge('b', 'a'), edge('b', 'bridge'), edge('bridge', 'c'), edge('c', 'd'), edge('d', 'c')],
    );
    expect(cycleNodes(input)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a cycle through an approval gate is reported (its input is filled by the cycle)', () => {
    const input = spec([pythonNode('a'), approvalNode('g')], [edge('a', 'g'), edge('g', 'a')]);
    expect(codesOf(input)).toEqual(['cycle', 'cycle']);
  });

  it('a diamond is not a cycle', () => {
    const input = spec(
      ['a', 'b', 'c', 'd'].map((id) => pythonNode(id)),
      [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')],
    );
    expect(validateSpec(input).ok).toBe(true);
  });
});

describe('validateSpec: several problems at once', () => {
  it('reports all of them, each pinned, and problemsByNode groups them', () => {
    const input = spec(
      [pythonNode('p', { config: { code: '' } }), approvalNode('gate'), { id: 'x', kind: 'nope' }, pythonNode('p')],
      [edge('p', 'ghost'), edge('x', 'x')],
    );
    const problems = problemsOf(input);
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['cycle', 'duplicate_node_id', 'edge_unknown_node', 'invalid_config', 'missing_input', 'unknown_kind'].sort(),
    );
    const byNode = problemsByNode(problems);
    expect(byNode.get('p')!.map((p) => p.code).sort()).toEqual(['duplicate_node_id', 'invalid_config']);
    expect(byNode.get('gate')!.map((p) => p.code)).toEqual(['missing_input']);
    expect(byNode.get('x')!.map((p) => p.code).sort()).toEqual(['cycle', 'unknown_kind']);
    // the edge problem has no node id, so it is not grouped
    expect([...byNode.values()].flat()).toHaveLength(problems.length - 1);
  });
});

describe('validateSpec: large specs', () => {
  it('validates a 5,000-node chain without overflowing the stack', () => {
    expect(validateSpec(chainSpec(5_000))).toMatchObject({ ok: true, problems: [] });
  });

  it('finds a cycle closing a 5,000-node chain, with every node on it', () => {
    const input = chainSpec(5_000);
    input.edges.push(edge('n4999', 'n0'));
    const cycle = withCode(input, 'cycle');
    expect(cycle).toHaveLength(5_000);
  });

  it('rejects more than 5,000 nodes as invalid_spec', () => {
    expect(codesOf(chainSpec(5_001))).toEqual(['invalid_spec']);
  });
});

describe('validateSpec: resources', () => {
  it('invalid_resources: a GPU step with no GPU pool, pinned to the node and field (more in resources.test.ts)', () => {
    const problems = withCode(spec([pythonNode('train', { resources: { gpus: 1 } })]), 'invalid_resources');
    expect(problems).toEqual([{ code: 'invalid_resources', nodeId: 'train', field: 'resources.gpus', message: '"train": Asks for 1 GPU, but no GPU pool exists' }]);
    record(problems);
  });

  it('invalid_secrets: secrets on a node the interpreter runs (more in secret-names.test.ts)', () => {
    const problems = withCode(spec([approvalNode('gate', { secrets: ['TOKEN'] })]), 'invalid_secrets');
    expect(problems).toEqual([{ code: 'invalid_secrets', nodeId: 'gate', field: 'secrets', message: '"gate" runs in the interpreter, not on a pool: it gets no secrets' }]);
    record(problems);
  });
});

describe('coverage of PROBLEM_CODES', () => {
  it('every problem code was produced by a test above', () => {
    expect([...seen].sort()).toEqual([...PROBLEM_CODES].sort());
  });
});
