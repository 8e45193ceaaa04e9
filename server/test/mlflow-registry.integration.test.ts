// Weft as an MLflow model registry: the real mlflow client registers, tags, searches and sets
// aliases, and sees a protected alias wait for approval; then governed promotion over tRPC and
// HTTP: four-eyes, the decision and the alias's move in one transaction, audited, and roles.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvals, auditLog, modelAliases } from '../../drizzle/schema';
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

async function call(method: 'GET' | 'POST' | 'DELETE', endpoint: string, body: Record<string, unknown>, token = editorToken) {
  const url = new URL(`${server.trackingUri}/api/2.0/mlflow/${endpoint}`);
  if (method === 'GET') for (const [k, v] of Object.entries(body)) url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(method !== 'GET' ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A model with two versions, each from a run with an accuracy; version 1 holds champion (set by a first approved promotion). */
async function modelWithChampion(name: string) {
  const runs: string[] = [];
  for (const accuracy of [0.8, 0.9]) {
    const { body } = await call('POST', 'runs/create', { experiment_id: '0', start_time: Date.now() });
    const runId = (body.run as { info: { run_id: string } }).info.run_id;
    await call('POST', 'runs/log-metric', { run_id: runId, key: 'accuracy', value: accuracy, timestamp: Date.now(), step: 0 });
    runs.push(runId);
  }
  expect((await call('POST', 'registered-models/create', { name })).status).toBe(200);
  for (const runId of runs) expect((await call('POST', 'model-versions/create', { name, source: `runs:/${runId}/model`, run_id: runId })).status).toBe(200);
  const first = await h.as('approver').models.requestPromotion({ projectId: h.projectId, name, version: 1, alias: 'champion' });
  if (first.status !== 'pending') throw new Error('champion is not protected');
  await h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId: first.approvalId, decision: 'approved' });
  const second = await h.as('approver').models.requestPromotion({ projectId: h.projectId, name, version: 2, alias: 'champion' });
  if (second.status !== 'pending') throw new Error('champion is not protected');
  return second.approvalId;
}

const championOf = async (name: string) => (await call('GET', 'registered-models/alias', { name, alias: 'champion' })).body.model_version as { version: string } | undefined;

describe('the real mlflow client', () => {
  it('registers a model and a version from a run, tags, searches, sets an alias, and sees champion wait for approval', async () => {
    const client = await runMlflowClientScript<{ approval_id: string }>('test_registry.py', { trackingUri: server.trackingUri, token: editorToken });
    expect(client.code, client.out).toBe(0);
    const { approval_id } = client.result();
    const [approval] = await h.db.select().from(approvals).where(eq(approvals.id, approval_id));
    expect(approval).toMatchObject({ kind: 'model_promotion', status: 'pending', alias: 'champion', requestedBy: h.members.editor.id });
    expect(approval!.evidence).toMatchObject({ candidate: { version: 1, metrics: { accuracy: 0.91 } }, current: null });
    const inbox = await h.as('approver').approvals.list({ projectId: h.projectId });
    expect(inbox.find((a) => a.id === approval_id)).toMatchObject({ kind: 'model_promotion', modelName: 'fraud', modelVersion: 1, alias: 'champion', canDecide: true });
  }, 120_000);
});

describe('governed promotion', () => {
  it('refuses the requester (four-eyes); another approver moves the alias in the decision, and both are audited', async () => {
    const approvalId = await modelWithChampion('four-eyes');
    const [pending] = await h.db.select().from(approvals).where(eq(approvals.id, approvalId));
    expect(pending!.evidence).toMatchObject({ candidate: { version: 2, metrics: { accuracy: 0.9 } }, current: { version: 1, metrics: { accuracy: 0.8 } } });
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId, decision: 'approved' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await championOf('four-eyes'))?.version).toBe('1');
    await h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId, decision: 'approved', comment: 'better' });
    expect((await championOf('four-eyes'))?.version).toBe('2');
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.projectId, h.projectId));
    const mine = audit.filter((a) => a.targetId === approvalId || a.details.approvalId === approvalId);
    expect(mine.map((a) => a.action).sort()).toEqual(['approval.approve', 'model.alias.set', 'model.promotion.request']);
  });

  it('moves nothing on reject', async () => {
    const approvalId = await modelWithChampion('rejected');
    await h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId, decision: 'rejected' });
    expect((await championOf('rejected'))?.version).toBe('1');
    const [row] = await h.db.select({ status: approvals.status }).from(approvals).where(eq(approvals.id, approvalId));
    expect(row!.status).toBe('rejected');
  });

  it('lets one of two decisions at once win, and the alias follows the winner', async () => {
    const approvalId = await modelWithChampion('race');
    const results = await Promise.allSettled([
      h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId, decision: 'approved' }),
      h.as('admin').approvals.decide({ projectId: h.projectId, approvalId, decision: 'rejected' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const [row] = await h.db.select({ status: approvals.status }).from(approvals).where(eq(approvals.id, approvalId));
    expect((await championOf('race'))?.version).toBe(row!.status === 'approved' ? '2' : '1');
  });

  it('answers the MLflow API with 202 and the pending approval, asks once per version and alias, and refuses deleting a protected alias', async () => {
    await modelWithChampion('over-http');
    const first = await call('POST', 'registered-models/alias', { name: 'over-http', alias: 'champion', version: '2' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ error_code: 'PERMISSION_DENIED', pending_approval: { alias: 'champion', version: '2' } });
    expect((await championOf('over-http'))?.version).toBe('1');
    const open = await h.db.select().from(approvals).where(and(eq(approvals.alias, 'champion'), eq(approvals.status, 'pending'), eq(approvals.kind, 'model_promotion')));
    expect(open.filter((a) => a.id === (first.body.pending_approval as { id: string }).id)).toHaveLength(1);
    expect((await call('DELETE', 'registered-models/alias', { name: 'over-http', alias: 'champion' })).status).toBe(403);
  });

  it('lets project admins choose the protected aliases', async () => {
    await modelWithChampion('admins');
    await expect(h.as('editor').models.setProtectedAliases({ projectId: h.projectId, name: 'admins', aliases: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.as('admin').models.setProtectedAliases({ projectId: h.projectId, name: 'admins', aliases: ['prod'] });
    expect(await h.as('editor').models.requestPromotion({ projectId: h.projectId, name: 'admins', version: 2, alias: 'champion' })).toEqual({ status: 'set' });
    expect((await h.as('editor').models.requestPromotion({ projectId: h.projectId, name: 'admins', version: 2, alias: 'prod' })).status).toBe('pending');
    const rows = await h.db.select().from(modelAliases).where(eq(modelAliases.alias, 'prod'));
    expect(rows).toHaveLength(0);
  });
});

describe('roles', () => {
  it('lets a viewer read the registry but not create models (PERMISSION_DENIED, 403)', async () => {
    const viewerToken = (await h.as('viewer').apiTokens.create({ projectId: h.projectId, name: 'ro', role: 'viewer', expiresInDays: 30 })).token;
    const refused = await call('POST', 'registered-models/create', { name: 'nope' }, viewerToken);
    expect(refused).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    expect((await call('GET', 'registered-models/search', {}, viewerToken)).status).toBe(200);
  });

  it('never gives a deleted version\'s number again, as MLflow does', async () => {
    expect((await call('POST', 'registered-models/create', { name: 'renumbered' })).status).toBe(200);
    const create = async () => ((await call('POST', 'model-versions/create', { name: 'renumbered', source: 'models:/elsewhere/1' })).body.model_version as { version: string }).version;
    expect([await create(), await create()]).toEqual(['1', '2']);
    expect((await call('DELETE', 'model-versions/delete', { name: 'renumbered', version: '2' })).status).toBe(200);
    expect(await create()).toBe('3');
  });

  it('names the field a bad request gets wrong', async () => {
    const bad = await call('POST', 'registered-models/alias', { name: 'x', alias: 'latest', version: '1' });
    expect(bad).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(String(bad.body.message)).toMatch(/^alias: /);
  });
});
