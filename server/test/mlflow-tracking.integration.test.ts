// Weft as an MLflow tracking server: the real mlflow client (Python, pinned in requirements/steps.txt)
// logs and reads back through the /mlflow API served from the route handler's own function, and the
// API's own rules are checked over HTTP: personal API tokens and roles, MLflow's error shape, limits,
// and the speed of log-batch.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, memberships, trackingLatestMetrics, trackingMetrics, trackingParams, trackingRuns, user } from '../../drizzle/schema';
import { startHarness, type THarness } from '../testing/harness';
import { runMlflowClientScript } from '../testing/mlflow-client';
import { startMlflowServer, type TMlflowServer } from '../testing/mlflow-server';

let h: THarness;
let server: TMlflowServer;
let editorToken: string;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
  server = await startMlflowServer(h.db);
  editorToken = (await h.as('editor').apiTokens.create({ projectId: h.projectId, name: 'laptop', role: 'editor', expiresInDays: 30 })).token;
});
afterAll(async () => {
  await server?.close();
  await h?.stop();
});

/** One API call as the mlflow client makes it; answers status and JSON. */
async function call(method: 'GET' | 'POST', endpoint: string, body: Record<string, unknown>, token: string | null = editorToken) {
  const url = new URL(`${server.trackingUri}/api/2.0/mlflow/${endpoint}`);
  if (method === 'GET') for (const [k, v] of Object.entries(body)) url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const newRun = async (token = editorToken) => {
  const { body } = await call('POST', 'runs/create', { experiment_id: '0', start_time: Date.now() }, token);
  return (body.run as { info: { run_id: string } }).info.run_id;
};

describe('the real mlflow client', () => {
  it('logs params, metrics, a batch, tags and inputs, searches and pages, and reads everything back', async () => {
    const client = await runMlflowClientScript<{ run_id: string }>('test_tracking.py', { trackingUri: server.trackingUri, token: editorToken });
    expect(client.code, client.out).toBe(0);
    const { run_id } = client.result();
    const points = await h.db.select().from(trackingMetrics).where(eq(trackingMetrics.runUuid, run_id));
    expect(points.filter((p) => p.key === 'batch_metric')).toHaveLength(1000);
  }, 120_000);
});

describe('log-batch', () => {
  it('writes batches of 1,000 metrics (its time is a row of npm run bench)', async () => {
    const runId = await newRun();
    const now = Date.now();
    const timings: number[] = [];
    for (let round = 0; round < 5; round++) {
      const metrics = Array.from({ length: 1000 }, (_, i) => ({ key: `m${i % 10}`, value: Math.random(), timestamp: now + round, step: round * 1000 + i }));
      const started = performance.now();
      const answer = await call('POST', 'runs/log-batch', { run_id: runId, metrics });
      timings.push(performance.now() - started);
      expect(answer.status).toBe(200);
    }
    const median = timings.sort((a, b) => a - b)[2]!;
    console.log(`[mlflow] log-batch of 1,000 metrics: median ${median.toFixed(1)} ms over 5 (${timings.map((t) => t.toFixed(1)).join(', ')})`);
  });

  it("refuses more than MLflow's limits and bad values with INVALID_PARAMETER_VALUE naming the field", async () => {
    const runId = await newRun();
    const tooMany = await call('POST', 'runs/log-batch', { run_id: runId, metrics: Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: 1, timestamp: 1, step: i })) });
    expect(tooMany).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringMatching(/^metrics: at most 1000/) } });
    const longParam = await call('POST', 'runs/log-batch', { run_id: runId, params: [{ key: 'p', value: 'x'.repeat(6001) }] });
    expect(longParam.body.message).toMatch(/^params\.0\.value: at most 6000/);
    const badKey = await call('POST', 'runs/log-metric', { run_id: runId, key: '../etc', value: 1, timestamp: 1 });
    expect(badKey.body.message).toMatch(/^key: /);
    const noRun = await call('POST', 'runs/log-metric', { key: 'a', value: 1, timestamp: 1 });
    expect(noRun.body.message).toMatch(/^run_id: /);
  });
});

describe('an experiment of 5,000 runs', () => {
  it('opens its runs table (first page, filtered and sorted by a metric) and pages through it (timed in npm run bench)', async () => {
    const { body } = await call('POST', 'experiments/create', { name: 'big' });
    const experimentId = Number(body.experiment_id);
    const now = Date.now();
    await h.db.execute(sql`
      insert into ${trackingRuns} (run_uuid, experiment_id, name, start_time, artifact_uri)
      select md5(${experimentId}::text || '-' || i), ${experimentId}, 'run ' || i, ${now}::bigint + i, '' from generate_series(1, 5000) i`);
    const runsOf = sql`select run_uuid, row_number() over (order by run_uuid) as n from ${trackingRuns} where experiment_id = ${experimentId}`;
    await h.db.execute(sql`insert into ${trackingParams} (run_uuid, key, value) select run_uuid, 'model', case when n % 2 = 0 then 'rf' else 'svm' end from (${runsOf}) r`);
    await h.db.execute(sql`insert into ${trackingLatestMetrics} (run_uuid, key, step, timestamp, value) select run_uuid, 'acc', 0, 0, n / 5000.0 from (${runsOf}) r`);
    await h.db.execute(sql`analyze`);
    const search = { experiment_ids: [String(experimentId)], filter: "params.model = 'rf' and metrics.acc > 0.1", order_by: ['metrics.acc DESC'], max_results: 100 };
    const started = performance.now();
    const first = await call('POST', 'runs/search', search);
    const elapsed = performance.now() - started;
    console.log(`[mlflow] runs/search over 5,000 runs, first page of 100: ${elapsed.toFixed(1)} ms`);
    const runs = first.body.runs as { data: { metrics: { value: number }[] } }[];
    expect(runs).toHaveLength(100);
    expect(runs[0]!.data.metrics[0]!.value).toBe(1);
    const second = await call('POST', 'runs/search', { ...search, page_token: first.body.next_page_token });
    expect((second.body.runs as { data: { metrics: { value: number }[] } }[])[0]!.data.metrics[0]!.value).toBe(4800 / 5000);
  });
});

describe('errors in MLflow shape', () => {
  it('unknown ids, unknown endpoints, bad filters', async () => {
    expect(await call('GET', 'runs/get', { run_id: 'f'.repeat(32) })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await call('GET', 'experiments/get', { experiment_id: '999999' })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await call('POST', 'runs/unknown', {})).toMatchObject({ status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND' } });
    const injection = await call('POST', 'runs/search', { experiment_ids: ['0'], filter: "params.model = 'x'; drop table tracking_runs; --'" });
    expect(injection).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    const quoted = await call('POST', 'runs/search', { experiment_ids: ['0'], filter: "params.model = 'x'' or 1=1 --'" });
    expect(quoted).toMatchObject({ status: 200, body: {} });
    expect(await call('POST', 'runs/search', { experiment_ids: ['0'], filter: 'params.model > 1' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('params.model') } });
  });
});

describe('personal API tokens', () => {
  it('are stored as sha256 only, and shown once', async () => {
    const rows = await h.db.select().from(apiTokens).where(eq(apiTokens.projectId, h.projectId));
    expect(JSON.stringify(rows)).not.toContain(editorToken);
    const listed = await h.as('editor').apiTokens.list({ projectId: h.projectId });
    expect(JSON.stringify(listed)).not.toContain(editorToken);
    expect(listed[0]).toMatchObject({ name: 'laptop', role: 'editor', prefix: editorToken.slice(0, 15), lastUsedAt: expect.any(Date) });
  });

  it('no token or an unknown one: 401; a viewer token reads but cannot write (403); a viewer cannot mint an editor token', async () => {
    expect(await call('POST', 'experiments/search', {}, null)).toMatchObject({ status: 401, body: { error_code: 'UNAUTHENTICATED' } });
    expect(await call('POST', 'experiments/search', {}, 'weft_pat_nope')).toMatchObject({ status: 401, body: { error_code: 'UNAUTHENTICATED' } });
    const { token } = await h.as('viewer').apiTokens.create({ projectId: h.projectId, name: 'read', role: 'viewer', expiresInDays: 1 });
    expect((await call('POST', 'experiments/search', {}, token)).status).toBe(200);
    expect(await call('POST', 'runs/create', { experiment_id: '0' }, token)).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    await expect(h.as('viewer').apiTokens.create({ projectId: h.projectId, name: 'x', role: 'editor', expiresInDays: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('outsider').apiTokens.create({ projectId: h.projectId, name: 'x', role: 'viewer', expiresInDays: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("see only their project's objects", async () => {
    const runId = await newRun();
    // a token of another project (whose user is also a member here) cannot see this project's run
    const { id: otherProject } = await h.as('admin').projects.create({ name: 'Other', slug: `other-${Date.now()}` });
    const { token } = await h.as('admin').apiTokens.create({ projectId: otherProject, name: 'other', role: 'editor', expiresInDays: 1 });
    expect(await call('GET', 'runs/get', { run_id: runId }, token)).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  });

  it('stop at once when revoked, expired, when the user is disabled or removed, and act as viewers when demoted', async () => {
    const mint = async () => (await h.as('approver').apiTokens.create({ projectId: h.projectId, name: `t${Date.now()}`, role: 'editor', expiresInDays: 1 }));
    const revoked = await mint();
    expect((await call('POST', 'runs/create', { experiment_id: '0' }, revoked.token)).status).toBe(200);
    await h.as('approver').apiTokens.revoke({ projectId: h.projectId, tokenId: revoked.id });
    expect(await call('POST', 'runs/create', { experiment_id: '0' }, revoked.token)).toMatchObject({ status: 401, body: { message: expect.stringMatching(/revoked/) } });

    const expired = await mint();
    await h.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expired.id));
    expect(await call('POST', 'experiments/search', {}, expired.token)).toMatchObject({ status: 401, body: { message: expect.stringMatching(/expired/) } });

    const live = await mint();
    await h.db.update(memberships).set({ role: 'viewer' }).where(eq(memberships.userId, h.members.approver.id));
    expect(await call('POST', 'runs/create', { experiment_id: '0' }, live.token)).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    expect((await call('POST', 'experiments/search', {}, live.token)).status).toBe(200);
    await h.db.delete(memberships).where(eq(memberships.userId, h.members.approver.id));
    expect(await call('POST', 'experiments/search', {}, live.token)).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    await h.db.insert(memberships).values({ projectId: h.projectId, userId: h.members.approver.id, role: 'approver' });
    expect((await call('POST', 'runs/create', { experiment_id: '0' }, live.token)).status).toBe(200);
    await h.db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, h.members.approver.id));
    expect(await call('POST', 'experiments/search', {}, live.token)).toMatchObject({ status: 401, body: { message: expect.stringMatching(/disabled/) } });
    await h.db.update(user).set({ disabledAt: null }).where(eq(user.id, h.members.approver.id));
  });
});

describe('a signed-in browser session', () => {
  it('reads and writes the projects of its user; writes from another origin are refused', async () => {
    const session = await startMlflowServer(h.db, async (headers) => (headers.get('x-test-user') === 'editor' ? { user: { id: h.members.editor.id } } : null));
    try {
      const send = (endpoint: string, body: unknown, headers: Record<string, string>) =>
        fetch(`${session.trackingUri}/api/2.0/mlflow/${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-user': 'editor', ...headers }, body: JSON.stringify(body) });
      const created = await send('experiments/create', { name: 'from the browser' }, { 'x-weft-project-id': h.projectId });
      expect(created.status).toBe(200);
      const search = (await (await send('experiments/search', { filter: "name = 'from the browser'" }, {})).json()) as { experiments: unknown[] };
      expect(search.experiments).toHaveLength(1);
      const crossSite = await send('experiments/create', { name: 'evil' }, { 'x-weft-project-id': h.projectId, origin: 'https://evil.example' });
      expect(crossSite.status).toBe(403);
      const noProject = await send('experiments/create', { name: 'where?' }, {});
      expect(((await noProject.json()) as { message: string }).message).toMatch(/X-Weft-Project-Id/);
    } finally {
      await session.close();
    }
  });
});
