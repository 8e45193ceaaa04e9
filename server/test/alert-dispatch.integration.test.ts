// The closed loop's dispatch, through the real parts (Postgres, Temporal, the workers, real
// Python): a drift check of a shifted copy fires its rules; the retraining run's Load dataset reads
// exactly the alerted data from the artifact store (by its sha256); a webhook that is down is
// retried with backoff until it answers; a part that cannot succeed (its pipeline archived, its
// webhook pointing at the cloud metadata address) is marked failed with its reason; an alert whose
// dispatch never started (a control worker that died after the commit) is started by the sweep.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, modelChecks, stepArtifacts } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { sweepAlertDispatch } from '../services/monitoring/sweep-alert-dispatch';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline } from '../testing/pipeline-runs';
import { sharedPath } from '../testing/step-evidence';
import { waitFor } from '../testing/wait-for';

const MODEL = 'loop-model';
const SHIFTED = `
import sys
from sklearn.datasets import load_breast_cancer
sample = load_breast_cancer(as_frame=True).frame.sample(n=200, random_state=2)
sample.assign(**{"mean radius": sample["mean radius"] + 4}).to_csv(sys.argv[1], index=False)
`;

type TNode = TPipelineSpec['nodes'][number];
const noRetry = { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TNode => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...noRetry });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });
const pipeline = (nodes: TNode[], edges: ReturnType<typeof wire>[] = [], parameters: TPipelineSpec['parameters'] = {}): TPipelineSpec => ({ nodes, edges, parameters, maxParallelism: 8 });

let h: THarness;
let shifted: string;
/** what each webhook path was sent; `/flaky` answers 503 twice, then 200 */
const received: Record<string, string[]> = {};
let hookServer: Server;
let hookUrl: (path: string) => string;
beforeAll(async () => {
  // the webhooks listen on loopback, which the address policy refuses unless allowed; 3 quick attempts per part
  Object.assign(process.env, { WEFT_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1', WEFT_ALERT_DISPATCH_ATTEMPTS: '3', WEFT_ALERT_DISPATCH_RETRY_SECONDS: '0.2' });
  h = await startHarness();
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const seen = (received[req.url!] ??= []);
      seen.push(body);
      res.statusCode = req.url === '/flaky' && seen.length <= 2 ? 503 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = (path) => `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}${path}`;
  shifted = sharedPath(`alert-dispatch-${randomUUID()}-shifted.csv`);
  await promisify(execFile)(process.env.WEFT_PYTHON ?? 'python3', ['-c', SHIFTED, shifted]);
});
afterAll(async () => {
  hookServer?.close();
  await h?.stop();
});

const runOf = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finished = (runId: string) => waitFor(() => runOf(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs: 240_000, what: `run ${runId} to finish` });
const monitoring = () => h.as('viewer').models.monitoring({ projectId: h.projectId, name: MODEL });
const setSecret = (name: string, value: string) => h.as('admin').secrets.set({ projectId: h.projectId, name, value });
const rule = (name: string, extra: { notifySecret?: string; retrainPipelineId?: string; retrainParameter?: string }) =>
  h.as('editor').alertRules.create({ projectId: h.projectId, modelName: MODEL, name, metric: 'feature_psi', threshold: 0.2, consecutive: 1, ...extra });
const artifactsOf = (runId: string, nodeId: string, direction: 'input' | 'output') =>
  h.db.select({ name: stepArtifacts.name, hash: stepArtifacts.hash }).from(stepArtifacts).where(and(eq(stepArtifacts.runId, runId), eq(stepArtifacts.nodeId, nodeId), eq(stepArtifacts.direction, direction)));

describe('an alert’s dispatch: the data it saw, retried, never lost', () => {
  it('retrains on exactly the alerted data, retries a webhook that is down, and marks the parts that cannot succeed failed, with why', { timeout: 600_000 }, async () => {
    // the retraining pipeline reads the data the alert passes as `data`, by hash, from the artifact store
    const retraining = await saveNewPipeline(h.as('editor'), h.projectId, pipeline([node('load', 'load_dataset', { source: 'artifact', artifact: 'params.data' })], [], { data: '' }));
    const gone = await saveNewPipeline(h.as('editor'), h.projectId, pipeline([node('load', 'load_dataset')]));
    await setSecret('FLAKY_HOOK', hookUrl('/flaky'));
    await setSecret('METADATA_HOOK', hookUrl('/ok'));
    await rule('retrain on drift', { notifySecret: 'FLAKY_HOOK', retrainPipelineId: retraining.pipelineId, retrainParameter: 'data' });
    await rule('pipeline gone', { retrainPipelineId: gone.pipelineId });
    await rule('metadata hook', { notifySecret: 'METADATA_HOOK' });
    // what changed after the rules were made: the pipeline archived, the secret pointed at cloud metadata
    await h.as('editor').pipelines.change({ projectId: h.projectId, pipelineId: gone.pipelineId, change: { kind: 'archive' } });
    await setSecret('METADATA_HOOK', 'http://169.254.169.254/latest/meta-data/');

    const check = await saveNewPipeline(
      h.as('editor'),
      h.projectId,
      pipeline(
        [node('reference', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }), node('current', 'load_dataset', { source: 'path', path: shifted }), node('drift', 'drift_check', { modelName: MODEL })],
        [wire('reference', 'dataset', 'drift', 'reference'), wire('current', 'dataset', 'drift', 'current')],
      ),
    );
    const { runId: checkRunId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId: check.versionId, requestId: randomUUID() });
    expect((await finished(checkRunId)).run.status).toBe('succeeded');
    const settled = await waitFor(monitoring, (m) => m.alerts.length === 3 && m.alerts.every((a) => a.dispatch !== 'pending'), { timeoutMs: 120_000, what: 'the three alerts’ dispatch to settle' });
    const byRule = Object.fromEntries(settled.alerts.map((a) => [a.ruleName, a]));

    // the webhook was down twice: the third attempt got through, naming the retraining run
    expect(byRule['retrain on drift']).toMatchObject({ dispatch: 'done', notifyError: null, notifyAttempts: 3, retrainError: null, retrainAttempts: 1, notifiedAt: expect.any(Date) });
    expect(received['/flaky']).toHaveLength(3);
    expect(JSON.parse(received['/flaky']![2]!).text).toContain(byRule['retrain on drift']!.retrainRunId!);

    // the retraining run read exactly the checked data: the sha256 the drift check's `current` input had
    const [checked] = await artifactsOf(checkRunId, 'current', 'output');
    const retrainRunId = byRule['retrain on drift']!.retrainRunId!;
    const retrain = await finished(retrainRunId);
    expect(retrain.run.status).toBe('succeeded');
    expect(retrain.run.params.data).toBe(checked!.hash);
    expect(await artifactsOf(retrainRunId, 'load', 'input')).toEqual([{ name: '@store/params.data', hash: checked!.hash }]);
    // (the same rows, read back and written again: the very bytes the check saw)
    expect(await artifactsOf(retrainRunId, 'load', 'output')).toContainEqual({ name: 'dataset.parquet', hash: checked!.hash });

    // an archived pipeline cannot start: tried 3 times, then failed with the reason
    expect(byRule['pipeline gone']).toMatchObject({ dispatch: 'failed', retrainRunId: null, retrainAttempts: 3, retrainError: expect.stringMatching(/no saved version \(or is archived\)/) });
    // the cloud metadata address is refused at once: no retry can change that
    expect(byRule['metadata hook']).toMatchObject({ dispatch: 'failed', notifiedAt: null, notifyAttempts: 1, notifyError: expect.stringMatching(/^webhook of METADATA_HOOK refused: it resolves to a link-local address/) });
    expect(received['/ok']).toBeUndefined();
  });

  it('starts a pending alert whose dispatch never started, as the control worker’s sweep does after a restart', { timeout: 120_000 }, async () => {
    await setSecret('OK_HOOK', hookUrl('/ok'));
    const { id: ruleId } = await rule('lost dispatch', { notifySecret: 'OK_HOOK' });
    const [check] = await h.db.select({ id: modelChecks.id }).from(modelChecks).where(eq(modelChecks.modelName, MODEL));
    // the alert's row committed, then its control worker died before it started the dispatch
    const [lost] = await h.db.insert(alerts).values({ projectId: h.projectId, ruleId, checkId: check!.id, modelName: MODEL, message: 'lost dispatch: fired before a crash', firedAt: new Date(Date.now() - 60_000) }).returning({ id: alerts.id });
    expect(await sweepAlertDispatch({ db: h.db, temporal: h.temporal })).toEqual([lost!.id]);
    const done = await waitFor(monitoring, (m) => m.alerts.find((a) => a.id === lost!.id)?.dispatch === 'done', { timeoutMs: 60_000, what: 'the swept alert to be dispatched' });
    expect(done.alerts.find((a) => a.id === lost!.id)).toMatchObject({ notifiedAt: expect.any(Date), notifyAttempts: 1 });
    expect(received['/ok']).toHaveLength(1);
    // swept again, nothing is pending: it is not sent twice
    expect(await sweepAlertDispatch({ db: h.db, temporal: h.temporal })).toEqual([]);
  });
});
