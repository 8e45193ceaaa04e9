import { describe, expect, it } from 'vitest';
import { assembleLineage, emptyFacts, lineageId, type TLineageFacts } from './lineage-graph';

const RUN = '11111111-1111-1111-1111-111111111111';
const DATA = 'd'.repeat(64);
const MODEL = 'm'.repeat(64);
const edgesOf = (facts: TLineageFacts) => assembleLineage(facts, 'x').edges.map((e) => `${e.source} -> ${e.target}`).sort();

describe('assembleLineage', () => {
  it('draws a pipeline: data → prep → train → model artifact → registered version', () => {
    const facts: TLineageFacts = {
      ...emptyFacts(),
      steps: [
        { runId: RUN, nodeId: 'prep', pipelineName: 'churn', status: 'succeeded' },
        { runId: RUN, nodeId: 'train', pipelineName: 'churn', status: 'succeeded' },
      ],
      stepArtifacts: [
        { runId: RUN, nodeId: 'prep', direction: 'output', name: 'data.csv', hash: DATA, size: 2048 },
        { runId: RUN, nodeId: 'train', direction: 'input', name: 'prep/data.csv', hash: DATA, size: 2048 },
        { runId: RUN, nodeId: 'train', direction: 'output', name: 'model.pkl', hash: MODEL, size: 10 },
      ],
      versions: [{ id: 'v1', modelName: 'churn', version: 1, runId: null, weftRunId: RUN, weftNodeId: 'train', artifactSha256: MODEL, source: 'weft:/runs/x', aliases: ['champion'] }],
    };
    const graph = assembleLineage(facts, lineageId.version('v1'));
    expect(graph.nodes.map((n) => [n.kind, n.label]).sort()).toEqual([
      ['artifact', 'data.csv'],
      ['artifact', 'model.pkl'],
      ['step', 'prep'],
      ['step', 'train'],
      ['version', 'churn v1'],
    ]);
    expect(edgesOf(facts)).toEqual([
      `artifact:${DATA} -> step:${RUN}/train`,
      `artifact:${MODEL} -> version:v1`,
      `step:${RUN}/prep -> artifact:${DATA}`,
      `step:${RUN}/train -> artifact:${MODEL}`,
    ]);
    expect(graph.nodes.find((n) => n.kind === 'version')).toMatchObject({ detail: '@champion', href: '/models/churn/versions/1' });
    expect(graph.nodes.find((n) => n.id === lineageId.step(RUN, 'train'))).toMatchObject({ href: `/runs/${RUN}`, detail: 'churn · succeeded' });
  });

  it("draws a step's tracking runs as the step, and one logged elsewhere as a run: datasets → run → logged model → version", () => {
    const facts: TLineageFacts = {
      ...emptyFacts(),
      trackingRuns: [
        { runUuid: 'r-step-1', name: 'train attempt 1', weftRunId: RUN, weftNodeId: 'train' },
        { runUuid: 'r-step-2', name: 'train attempt 2', weftRunId: RUN, weftNodeId: 'train' },
        { runUuid: 'r-laptop', name: 'notebook', weftRunId: null, weftNodeId: null },
      ],
      datasets: [{ id: 'ds', name: 'iris', digest: 'abc123' }],
      inputs: [
        { runUuid: 'r-step-2', datasetId: 'ds' },
        { runUuid: 'r-laptop', datasetId: 'ds' },
      ],
      loggedModels: [{ modelId: 'm-1', name: 'model', sourceRunUuid: 'r-laptop' }],
      runOutputs: [{ runUuid: 'r-laptop', modelId: 'm-1' }],
      versions: [
        { id: 'v1', modelName: 'iris', version: 1, runId: 'r-laptop', weftRunId: null, weftNodeId: null, artifactSha256: null, source: 'models:/m-1', aliases: [] },
        { id: 'v2', modelName: 'iris', version: 2, runId: 'r-step-2', weftRunId: null, weftNodeId: null, artifactSha256: null, source: 'runs:/r-step-2/model', aliases: [] },
      ],
    };
    const graph = assembleLineage(facts, lineageId.version('v1'));
    expect(graph.nodes.filter((n) => n.kind === 'step')).toHaveLength(1);
    expect(edgesOf(facts)).toEqual([
      'dataset:ds -> run:r-laptop',
      `dataset:ds -> step:${RUN}/train`,
      'model:m-1 -> version:v1',
      'run:r-laptop -> model:m-1',
      `step:${RUN}/train -> version:v2`,
    ]);
  });

  it('leaves out edges to things the collector did not read (beyond its limit), and keeps its truncation flag', () => {
    const facts: TLineageFacts = { ...emptyFacts(), inputs: [{ runUuid: 'unknown', datasetId: 'ds' }], datasets: [{ id: 'ds', name: 'iris', digest: 'abc' }] };
    const graph = assembleLineage(facts, lineageId.dataset('ds'), true);
    expect(graph).toMatchObject({ edges: [], truncated: true, focus: 'dataset:ds' });
    expect(graph.nodes).toHaveLength(1);
  });
});
