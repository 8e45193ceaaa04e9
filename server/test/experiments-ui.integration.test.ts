// The Experiments UI's API (tRPC `experiments.*` and the artifact file route) on a real database:
// data logged by the real mlflow client, tables of 5,000 runs, metric histories as columns,
// artifact previews, and the project's roles.
import { randomUUID } from 'node:crypto';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, trackingExperiments, trackingLatestMetrics, trackingRuns } from '../../drizzle/schema';
import { createArtifactStore } from '../../workflows/artifacts/store';
import { createArtifactFileHandler } from '../http/artifact-file-handler';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { httpApi } from '../testing/http-api';
import { runMlflowClientScript } from '../testing/mlflow-client';
import { startMlflowServer, type TMlflowServer } from '../testing/mlflow-server';
import { startNewPipeline } from '../testing/pipeline-runs';
import { seedBigExperiment, seedMetricHistory } from '../testing/tracking-seed';

let h: THarness;
let server: TMlflowServer;
let token: string;
let logged: { experiment_id: string; run_ids: string[] };
// the store web reads (WEFT_ARTIFACTS_DIR): the mlflow server writes into it, previews read it
const store = createArtifactStore();

beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
  server = await startMlflowServer(h.db, async () => null, { store, maxBytes: 64 * 1024 * 1024 });
  token = (await h.as('editor').apiTokens.create({ projectId: h.projectId, name: 'ui', role: 'editor', expiresInDays: 1 })).token;
  const client = await runMlflowClientScript<typeof logged>('test_experiments_ui.py', { trackingUri: server.trackingUri, token });
  expect(client.code, client.out).toBe(0);
  logged = client.result();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await h?.stop();
});

const experimentId = () => Number(logged.experiment_id);
const viewer = () => h.as('viewer').experiments;

/** Decodes a columnar series as the browser does (big-endian float64s, base64). */
const doubles = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  return Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readDoubleBE(i * 8));
};

describe('experiments and the runs table', () => {
  it('lists the project experiments with their run counts', async () => {
    const list = await viewer().list({ projectId: h.projectId });
    expect(list.find((e) => e.name === 'ui-compare')).toMatchObject({ id: experimentId(), runCount: 3, pipelineId: null, lastRunTime: expect.any(Number) });
  });

  it('offers the keys as columns, shows chosen ones, sorts and filters with MLflow syntax', async () => {
    const keys = await viewer().keys({ projectId: h.projectId, experimentId: experimentId() });
    expect(keys).toMatchObject({ params: ['lr', 'model', 'seed'], metrics: ['accuracy', 'loss'] });
    const sorted = await viewer().runs({ projectId: h.projectId, experimentId: experimentId(), params: ['model'], metrics: ['accuracy'], orderBy: { entity: 'metric', key: 'accuracy', ascending: false } });
    expect(sorted.total).toBe(3);
    expect(sorted.rows.map((r) => r.name)).toEqual(['run-2', 'run-1', 'run-0']);
    expect(sorted.rows[0]).toMatchObject({ params: { model: 'svm' }, metrics: { accuracy: expect.closeTo(0.9, 6) } });
    const filtered = await viewer().runs({ projectId: h.projectId, experimentId: experimentId(), filter: "params.model = 'rf' and metrics.accuracy > 0.82", metrics: ['accuracy'] });
    expect(filtered.rows.map((r) => r.name)).toEqual(['run-1']);
  });

  it("answers a bad filter with the parser's message as a 400, never a 500", async () => {
    await expect(viewer().runs({ projectId: h.projectId, experimentId: experimentId(), filter: 'params.model = ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Invalid search syntax at character/) });
    const overHttp = await httpApi(h).query('viewer', 'experiments.runs', { projectId: h.projectId, experimentId: experimentId(), filter: 'metrics.acc > ' });
    expect(overHttp.status).toBe(400);
    expect(JSON.stringify(overHttp.body)).toContain('Invalid search syntax');
  });

  it('opens the first page of an experiment of 5,000 runs in < 1 s, with param and metric columns, sorted by a metric', async () => {
    const big = await seedBigExperiment(h.db, { projectId: h.projectId, name: 'big', runs: 5000 });
    const input = { projectId: h.projectId, experimentId: big.experimentId, params: ['model', 'p0'], metrics: ['acc', 'm0'], orderBy: { entity: 'metric' as const, key: 'acc', ascending: false }, limit: 50 };
    await viewer().runs(input); // (a first call warms the connection and plan caches)
    const started = performance.now();
    const page = await viewer().runs(input);
    const elapsed = performance.now() - started;
    console.log(`[experiments] runs table of 5,000 runs, first page of 50 sorted by a metric: ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(page.total).toBe(5000);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]!.metrics.acc).toBe(1);
    const third = await viewer().runs({ ...input, offset: 100, filter: "params.model = 'rf'" });
    expect(third.total).toBe(1666);
    expect(third.rows.every((r) => r.params.model === 'rf')).toBe(true);
  });
});

describe('compare', () => {
  it('puts runs side by side and ships metric histories as columns', async () => {
    const [a, b] = logged.run_ids;
    const compared = await viewer().compare({ projectId: h.projectId, runUuids: [a!, b!] });
    expect(compared.runs.map((r) => r.params.lr)).toEqual(['0.1', '0.01']);
    expect(compared.metricKeys).toEqual(['accuracy', 'loss']);
    const series = await viewer().histories({ projectId: h.projectId, runUuids: [a!, b!], keys: ['loss'] });
    expect(series.map((s) => [s.runUuid, s.points, s.logged])).toEqual([
      [a, 50, 50],
      [b, 50, 50],
    ]);
    expect(doubles(series[0]!.steps)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(doubles(series[1]!.values)[10]).toBeCloseTo(Math.exp((-10 * 2) / 50), 10);
  });

  it('samples a history longer than 10,000 points evenly, keeping its first and last', async () => {
    const long = await seedBigExperiment(h.db, { projectId: h.projectId, name: 'long', runs: 1 });
    await seedMetricHistory(h.db, long.runUuids, 'loss', 25_000);
    const [series] = await viewer().histories({ projectId: h.projectId, runUuids: long.runUuids, keys: ['loss'] });
    const steps = doubles(series!.steps);
    expect(series).toMatchObject({ logged: 25_000, points: steps.length });
    expect(steps.length).toBeLessThanOrEqual(10_001);
    expect([steps[0], steps[1], steps.at(-1)]).toEqual([0, 3, 24_999]);
  });

  it('loads 10 runs × 10,000 points in < 1 s', async () => {
    const big = await seedBigExperiment(h.db, { projectId: h.projectId, name: 'curves', runs: 10 });
    await seedMetricHistory(h.db, big.runUuids, 'loss', 10_000);
    await viewer().histories({ projectId: h.projectId, runUuids: big.runUuids, keys: ['loss'] });
    const started = performance.now();
    const overHttp = await httpApi(h).query('viewer', 'experiments.histories', { projectId: h.projectId, runUuids: big.runUuids, keys: ['loss'] });
    const elapsed = performance.now() - started;
    console.log(`[experiments] 10 runs × 10,000 points over HTTP: ${elapsed.toFixed(1)} ms, ${JSON.stringify(overHttp.body).length} bytes`);
    expect(overHttp.status).toBe(200);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('artifacts', () => {
  const runUuid = () => logged.run_ids[0]!;

  it('lists a run artifacts with sizes and preview kinds', async () => {
    const files = await viewer().artifacts({ projectId: h.projectId, runUuids: [runUuid()] });
    expect(files.map((f) => [f.path, f.preview])).toEqual([
      ['eval/confusion.png', 'image'],
      ['eval/predictions.csv', 'csv'],
      ['eval/report.html', 'html'],
      ['eval/summary.json', 'json'],
    ]);
    expect(files[1]!.size).toBeGreaterThan(0);
  });

  it('previews CSV and Parquet heads as tables, JSON pretty, and leaves images and HTML to the file route', async () => {
    const preview = (path: string) => viewer().preview({ projectId: h.projectId, runUuid: runUuid(), path });
    expect(await preview('eval/predictions.csv')).toEqual({ kind: 'table', columns: ['id', 'label', 'note'], rows: [['1', 'cat', 'a, quoted'], ['2', 'dog', 'plain']], truncated: false, totalRows: null });
    expect(await preview('eval/summary.json')).toMatchObject({ kind: 'text', format: 'json', text: expect.stringContaining('\n  "accuracy"') });
    expect(await preview('eval/confusion.png')).toEqual({ kind: 'image' });
    const parquet = parquetWriteBuffer({ columnData: [{ name: 'x', data: Int32Array.from({ length: 500 }, (_, i) => i) }, { name: 'label', data: Array.from({ length: 500 }, (_, i) => `l${i}`) }] });
    const root = (await h.db.query.trackingRuns.findFirst({ where: (r, { eq }) => eq(r.runUuid, runUuid()) }))!.artifactUri.replace('mlflow-artifacts:/', '');
    const put = await fetch(`${server.trackingUri}/api/2.0/mlflow-artifacts/artifacts/${root}/data/train.parquet`, { method: 'PUT', body: new Uint8Array(parquet), headers: { authorization: `Bearer ${token}` } });
    expect(put.status).toBe(200);
    const table = await preview('data/train.parquet');
    expect(table).toMatchObject({ kind: 'table', columns: ['x', 'label'], truncated: true, totalRows: 500 });
    expect(table.kind === 'table' && table.rows.length).toBe(100);
    expect(table.kind === 'table' && table.rows[99]).toEqual(['99', 'l99']);
  });

  it('serves files to members only: images and HTML inline under a sandbox CSP, anything else as an attachment', async () => {
    const as = (who: keyof THarness['members'] | null) => createArtifactFileHandler({ db: () => h.db, sessionOf: async () => (who ? { user: h.members[who] } : null), store: () => store });
    const url = (path: string, inline = true) => `http://weft.test/api/tracking-artifacts?project=${h.projectId}&run=${runUuid()}&path=${encodeURIComponent(path)}${inline ? '&inline=1' : ''}`;
    const html = await as('viewer')(new Request(url('eval/report.html')));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe('sandbox');
    expect(html.headers.get('content-disposition')).toMatch(/^inline/);
    expect(await html.text()).toContain('<h1>Report</h1>');
    const csv = await as('viewer')(new Request(url('eval/predictions.csv')));
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(csv.headers.get('content-security-policy')).toBe('sandbox');
    await csv.body?.cancel();
    expect((await as('outsider')(new Request(url('eval/predictions.csv')))).status).toBe(403);
    expect((await as(null)(new Request(url('eval/predictions.csv')))).status).toBe(401);
    expect((await as('viewer')(new Request(url('eval/missing.csv')))).status).toBe(404);
  });
});

describe("a Weft run's tracking runs", () => {
  it('are its parent run first, then its steps by node and attempt, each with its metric keys; its pipeline finds its experiment', async () => {
    const { pipelineId, runId } = await startNewPipeline(h.as('editor'), h.projectId, chainSpec([['train', 'noop', {}], ['eval', 'noop', {}]]));
    expect(await viewer().forPipeline({ projectId: h.projectId, pipelineId })).toMatchObject({ experimentId: null });
    const [experiment] = await h.db.insert(trackingExperiments).values({ projectId: h.projectId, name: `pipeline ${pipelineId}`, pipelineId, creationTime: 1, lastUpdateTime: 1 }).returning();
    const run = (uuid: string, node: string | null, attempt: number | null) => ({ runUuid: uuid.repeat(32), experimentId: experiment!.id, name: node ?? 'run', startTime: 1, artifactUri: '', weftRunId: runId, weftNodeId: node, weftAttempt: attempt });
    await h.db.insert(trackingRuns).values([run('c', 'train', 2), run('d', 'eval', 1), run('a', null, null), run('b', 'train', 1)]);
    await h.db.insert(trackingLatestMetrics).values({ runUuid: 'c'.repeat(32), key: 'loss', step: 3, timestamp: 1, value: 0.5 });
    expect(await viewer().forPipeline({ projectId: h.projectId, pipelineId })).toMatchObject({ experimentId: experiment!.id });
    const tracked = await viewer().trackingRuns({ projectId: h.projectId, weftRunId: runId });
    expect(tracked.map((r) => [r.weftNodeId, r.weftAttempt, r.metricKeys])).toEqual([
      [null, null, []],
      ['eval', 1, []],
      ['train', 1, []],
      ['train', 2, ['loss']],
    ]);
    await expect(h.as('outsider').experiments.trackingRuns({ projectId: h.projectId, weftRunId: runId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('access', () => {
  it("refuses outsiders, and ids of another project's experiments and runs", async () => {
    await expect(h.as('outsider').experiments.list({ projectId: h.projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [other] = await h.db.insert(projects).values({ name: 'Other', slug: `other-${randomUUID()}`, teamId: h.teamId }).returning();
    const [foreign] = await h.db.insert(trackingExperiments).values({ projectId: other!.id, name: 'foreign', creationTime: 0, lastUpdateTime: 0 }).returning();
    await expect(viewer().runs({ projectId: h.projectId, experimentId: foreign!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viewer().compare({ projectId: h.projectId, runUuids: ['0'.repeat(32)] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
