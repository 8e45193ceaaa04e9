import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile';
import { parseTagLines, pickModelArtifact } from './model-steps';
import { initialRunState, reduceRun, runContext, stepsByNode, type TRunEvent } from './run-reducer';
import { edge, pythonNode, spec } from './test-specs';
import { validateSpec } from './validate';

const AT = '2026-01-01T00:00:00.000Z';
const register = (id: string, config: Record<string, unknown> = { modelName: 'churn' }) => ({ id, kind: 'register_model', config });
const promote = (id: string, config: Record<string, unknown> = { modelName: 'churn' }) => ({ id, kind: 'promote_model', config });
const toModel = (source: string, target: string) => edge(source, target, { targetPort: 'model' });
const toVersion = (source: string, target: string) => edge(source, target, { sourcePort: 'version', targetPort: 'version' });
const registryPipeline = () => spec([pythonNode('train'), register('register'), promote('promote')], [toModel('train', 'register'), toVersion('register', 'promote')]);

describe('parseTagLines', () => {
  it('reads key=value lines, trimming and skipping blank ones', () => {
    expect(parseTagLines(' team = fraud \n\nstage=candidate\nnote=a=b')).toEqual({
      ok: true,
      tags: [
        { key: 'team', value: 'fraud' },
        { key: 'stage', value: 'candidate' },
        { key: 'note', value: 'a=b' },
      ],
    });
  });
  it('names the line that is not key=value', () => {
    expect(parseTagLines('team=fraud\njust text')).toEqual({ ok: false, error: 'line 2: write key=value' });
  });
});

describe('pickModelArtifact', () => {
  const inputs = { train: { 'model.pkl': { hash: 'a'.repeat(64), size: 10 }, 'report.json': { hash: 'b'.repeat(64), size: 2 } } };
  it('takes the named artifact, with the step that wrote it', () => {
    expect(pickModelArtifact(inputs, 'model.pkl')).toEqual({ ok: true, artifact: { fromNode: 'train', name: 'model.pkl', hash: 'a'.repeat(64), size: 10 } });
  });
  it('takes the only artifact when none is named, and asks for a name when there are several', () => {
    expect(pickModelArtifact({ train: { 'm.bin': { hash: 'c'.repeat(64), size: 1 } } }, '')).toMatchObject({ ok: true, artifact: { name: 'm.bin' } });
    expect(pickModelArtifact(inputs, '')).toEqual({ ok: false, error: 'Name the model artifact: the upstream steps wrote model.pkl, report.json' });
  });
  it('says what the upstream steps wrote when the name is not among them', () => {
    expect(pickModelArtifact(inputs, 'x.pkl')).toEqual({ ok: false, error: 'No upstream step wrote an artifact named "x.pkl" (it wrote: model.pkl, report.json)' });
    expect(pickModelArtifact({}, '')).toEqual({ ok: false, error: 'No upstream step wrote an artifact to register' });
  });
});

describe('"Register model" and "Promote model" nodes', () => {
  it('validate: a model name is required, tags are key=value lines, an alias follows MLflow\'s rule', () => {
    const problems = validateSpec(
      spec(
        [pythonNode('train'), register('r1', { modelName: ' ', tags: 'oops' }), promote('p1', { modelName: 'churn', alias: 'latest' })],
        [toModel('train', 'r1'), toVersion('r1', 'p1')],
      ),
    ).problems;
    expect(problems.map((p) => [p.nodeId, p.code, p.message])).toEqual([
      ['r1', 'invalid_config', expect.stringContaining('A model name is required')],
      ['r1', 'invalid_config', expect.stringContaining('line 1: write key=value')],
      ['p1', 'invalid_config', expect.stringContaining('reserved')],
    ]);
  });

  it('validate: each needs its model input', () => {
    const problems = validateSpec(spec([register('r1'), promote('p1')])).problems;
    expect(problems.filter((p) => p.code === 'missing_input').map((p) => p.nodeId)).toEqual(['r1', 'p1']);
  });

  it('compile: both run on the control queue with their defaults, never cached', () => {
    const compiled = compileSpec(registryPipeline());
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const [, reg, pro] = compiled.plan.steps;
    expect(reg).toMatchObject({ executor: 'register_model', pool: 'control', taskQueue: 'weft-control', cache: false, config: { modelName: 'churn', artifact: '', tags: '' } });
    expect(pro).toMatchObject({ executor: 'promote_model', pool: 'control', cache: false, config: { modelName: 'churn', alias: 'champion', version: 0, timeoutHours: 168 } });
  });

  it('run: register gets the trained artifact, passes it on with the version; promote waits for its approval', () => {
    const compiled = compileSpec(registryPipeline());
    if (!compiled.ok) throw new Error('invalid');
    const ctx = runContext(compiled.plan);
    let state = initialRunState(ctx);
    const send = (event: TRunEvent) => {
      const step = reduceRun(ctx, state, event);
      state = step.state;
      return step.commands;
    };
    send({ type: 'begin', at: AT });
    const model = { 'model.pkl': { hash: 'a'.repeat(64), size: 10 } };
    const startRegister = send({ type: 'stepEnded', nodeId: 'train', at: AT, outcome: { status: 'succeeded', outputs: { artifacts: model, metrics: {} } } }).find((c) => c.type === 'start');
    expect(startRegister).toMatchObject({ step: { nodeId: 'register' }, inputs: { train: model } });
    const registered = { artifacts: {}, metrics: { version: 3 }, model: { name: 'churn', version: 3 } };
    const startPromote = send({ type: 'stepEnded', nodeId: 'register', at: AT, outcome: { status: 'succeeded', outputs: registered } }).find((c) => c.type === 'start');
    expect(startPromote).toMatchObject({ step: { nodeId: 'promote' }, inputs: { register: model } });
    expect(stepsByNode(ctx, state).register!.outputs).toEqual({ ...registered, artifacts: model });
    send({ type: 'approvalOpened', nodeId: 'promote', at: AT });
    expect(stepsByNode(ctx, state).promote!.status).toBe('waiting_approval');
    const ended = send({ type: 'stepEnded', nodeId: 'promote', at: AT, outcome: { status: 'failed', error: 'Rejected: worse than champion' } });
    expect(ended).toContainEqual(expect.objectContaining({ type: 'end', status: 'failed' }));
  });
});
