// Records the event histories of representative pipeline runs into workflows/test/histories/,
// which workflows/test/replay.test.ts replays against the current interpreter in every `npm test`.
// Re-record (`npm run record-histories`) only when a change is meant to break replay, i.e. never
// for a change that running workflows of a released Weft may meet: use `patched()` there
// (ARCHITECTURE.md, "A run"), keep the recordings of the old path under a new name and record the
// new one. (Weft has no release yet: the reducer-driven interpreter was recorded afresh.)
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { chainSpec } from '../server/testing/fixtures';
import { startHarness, type THarness } from '../server/testing/harness';
import { waitFor } from '../server/testing/wait-for';
import type { TPipelineSpec } from '../workflows/dsl';
import { stopAll } from './lib/processes';
import { startTestServices } from './lib/test-services';
import { repoRoot } from './lib/venv';

const outDir = path.join(repoRoot, 'workflows', 'test', 'histories');

type TScenario = { name: string; spec: TPipelineSpec; drive?: (h: THarness, runId: string) => Promise<void> };

const scenarios: TScenario[] = [
  { name: 'chain-success', spec: chainSpec([['a', 'noop', {}], ['b', 'shell', { command: 'echo b' }], ['c', 'python', { code: 'print(1)' }]]) },
  {
    name: 'retry-then-fail',
    spec: chainSpec([['broken', 'shell', { command: 'exit 2' }, { retry: { maxAttempts: 2, initialIntervalSeconds: 0.1, backoffCoefficient: 1 } }], ['after', 'noop', {}]]),
  },
  {
    // two branches that may finish in one workflow task, then a join
    name: 'diamond',
    spec: (() => {
      const spec = chainSpec([['a', 'noop', {}, { cache: false }], ['b', 'noop', {}, { cache: false }], ['d', 'noop', {}, { cache: false }]]);
      spec.nodes.push({ ...spec.nodes[1]!, id: 'c', label: 'c' });
      spec.edges.push({ id: 'a-c', source: 'a', sourcePort: 'out', target: 'c', targetPort: 'in' }, { id: 'c-d', source: 'c', sourcePort: 'out', target: 'd', targetPort: 'in' });
      return spec;
    })(),
  },
  {
    name: 'approval-approved',
    spec: chainSpec([['train', 'noop', {}], ['gate', 'approval', {}], ['deploy', 'noop', {}]]),
    drive: async (h, runId) => {
      const approval = await waitFor(
        () => h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' }).then((list) => list.find((a) => a.runId === runId)),
        (a) => a !== undefined,
        { what: 'the approval' },
      );
      await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval!.id, decision: 'approved', comment: 'ok' });
    },
  },
  {
    name: 'condition-and-foreach',
    spec: (() => {
      const spec = chainSpec([
        ['evaluate', 'noop', {}],
        ['check', 'condition', { expression: 'steps.evaluate.status == "succeeded"' }],
        ['each', 'foreach', { items: '[1, 2, 3]', concurrency: 2, step: { kind: 'noop', sleepMs: 0 } }],
      ]);
      spec.edges[1]!.sourcePort = 'true';
      return spec;
    })(),
  },
  {
    // the model registry steps: control activities, and a promotion the run waits for like a gate
    name: 'register-and-promote',
    spec: (() => {
      const spec = chainSpec([
        ['train', 'shell', { command: 'echo weights > "$WEFT_OUTPUT_DIR/model.pkl"' }, { cache: false }],
        ['register', 'register_model', { modelName: 'recorded', artifact: 'model.pkl' }],
        ['promote', 'promote_model', { modelName: 'recorded', alias: 'champion' }],
      ]);
      spec.edges[0]!.targetPort = 'model';
      spec.edges[1]!.sourcePort = 'version';
      spec.edges[1]!.targetPort = 'version';
      return spec;
    })(),
    drive: async (h, runId) => {
      const approval = await waitFor(
        () => h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' }).then((list) => list.find((a) => a.runId === runId)),
        (a) => a !== undefined,
        { what: 'the promotion' },
      );
      await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval!.id, decision: 'approved', comment: 'ok' });
    },
  },
  {
    // a Sweep: a for-each over ML library candidates, then its reduce step picks the best
    name: 'sweep',
    spec: (() => {
      const spec = chainSpec([
        ['load', 'load_dataset', { source: 'sklearn', dataset: 'iris' }],
        ['sweep', 'sweep', { searchSpace: 'C=0.1, 1\nmax_iter=2000', cvFolds: 2, concurrency: 2 }],
      ]);
      spec.edges[0]!.sourcePort = 'dataset';
      spec.edges[0]!.targetPort = 'dataset';
      return spec;
    })(),
  },
  {
    name: 'cancelled',
    spec: chainSpec([['long', 'shell', { command: 'sleep 30' }, { cache: false }], ['after', 'noop', {}]]),
    drive: async (h, runId) => {
      await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => r.steps.some((s) => s.status === 'running'), { what: 'running' });
      await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
    },
  },
];

async function main() {
  const services = await startTestServices();
  Object.assign(process.env, services.env);
  const h = await startHarness();
  try {
    // RECORD_ONLY=name,name records those alone (the others' recordings stay as they are)
    const only = process.env.RECORD_ONLY?.split(',');
    for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
      const api = h.as('editor');
      const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: scenario.name });
      const { versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: scenario.spec, message: '' });
      const { runId } = await api.runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
      await scenario.drive?.(h, runId);
      const handle = h.temporal.workflow.getHandle(`run-${runId}`);
      await handle.result().catch(() => undefined);
      await writeFile(path.join(outDir, `${scenario.name}.json`), historyToJSON(await handle.fetchHistory()));
      console.log(`[weft] recorded ${scenario.name} `);
    }
  } finally {
    await h.stop();
    await services.stop();
    await stopAll();
  }
}

await main();
