// Project secrets end to end through the real parts: the API (roles, no values in answers), the
// table (no plaintext), web's step-secrets endpoint over HTTP (what a worker may get), and runs on
// real pool workers (in-process and a worker process): a step gets exactly its secrets, and its
// log, its live tail and the workflow's history never show them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, projectSecrets, stepAttempts } from '../../drizzle/schema';
import { runWorkflowId } from '../../workflows/contract/run-workflow';
import { STEP_SECRETS_PATH } from '../../workflows/contract/step-secrets';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { historyText } from '../testing/history-text';
import { errorMessage, httpApi } from '../testing/http-api';
import { saveNewPipeline, startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

// random, with characters that base64 and URL encoding change
const VALUE = `${randomBytes(8).toString('hex')}/tok+en y&z=é${randomBytes(4).toString('hex')}`;
const OTHER = `other-${randomBytes(12).toString('hex')}`;
const b64 = Buffer.from(VALUE).toString('base64');
const FORMS = [VALUE, b64, b64.replace(/=+$/, ''), Buffer.from(VALUE).toString('base64url'), encodeURIComponent(VALUE), new URLSearchParams({ v: VALUE }).toString().slice(2)];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const noRetry = { cache: false, retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
const FINAL = ['succeeded', 'failed', 'cancelled'];

const runOf = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const logOf = async (runId: string, nodeId: string) =>
  (await h.db.select({ log: stepAttempts.log, error: stepAttempts.error }).from(stepAttempts).where(and(eq(stepAttempts.runId, runId), eq(stepAttempts.nodeId, nodeId))))
    .map((a) => `${a.log}\n${a.error ?? ''}`)
    .join('\n');
const askAsWorker = (body: unknown, token: string | null = h.workerToken) =>
  fetch(new URL(STEP_SECRETS_PATH, h.webUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await h.as('admin').secrets.set({ projectId: h.projectId, name: 'API_TOKEN', value: VALUE });
  await h.as('admin').secrets.set({ projectId: h.projectId, name: 'OTHER_TOKEN', value: OTHER });
});

describe('secrets through the API', () => {
  it('admins set values; viewers and editors see names only and cannot set or delete', async () => {
    for (const who of ['viewer', 'editor', 'approver'] as const) {
      await expect(h.as(who).secrets.set({ projectId: h.projectId, name: 'API_TOKEN', value: 'replaced' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(h.as(who).secrets.delete({ projectId: h.projectId, name: 'API_TOKEN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(h.as('outsider').secrets.list({ projectId: h.projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const list = await h.as('viewer').secrets.list({ projectId: h.projectId });
    expect(list.map((s) => s.name)).toEqual(['API_TOKEN', 'OTHER_TOKEN']);
    expect(list[0]).toEqual({ name: 'API_TOKEN', updatedAt: expect.any(Date), updatedBy: 'Test admin' });
  });

  it('never answers a value over HTTP, not even to the admin who saved it', async () => {
    const api = httpApi(h);
    const set = await api.mutate('admin', 'secrets.set', { projectId: h.projectId, name: 'HTTP_TOKEN', value: VALUE });
    expect(set.status).toBe(200);
    const list = await api.query('admin', 'secrets.list', { projectId: h.projectId });
    for (const answer of [set, list]) for (const form of FORMS) expect(JSON.stringify(answer.body)).not.toContain(form);
    expect(JSON.stringify(list.body)).toContain('HTTP_TOKEN');
  });

  it('refuses a bad name or an oversized value with a 400 naming the field', async () => {
    const api = httpApi(h);
    const badName = await api.mutate('admin', 'secrets.set', { projectId: h.projectId, name: 'lower-case', value: 'abcdef' });
    expect(badName.status).toBe(400);
    expect(errorMessage(badName)).toMatch(/^name: /);
    const big = await api.mutate('admin', 'secrets.set', { projectId: h.projectId, name: 'BIG', value: 'x'.repeat(64 * 1024 + 1) });
    expect(big.status).toBe(400);
    expect(errorMessage(big)).toMatch(/^value: .*64 KiB/);
  });

  it('stores values encrypted, and audits every change without the value', async () => {
    const rows = await h.db.select().from(projectSecrets).where(eq(projectSecrets.projectId, h.projectId));
    const stored = JSON.stringify(rows.map((r) => ({ ...r, ciphertext: r.ciphertext.toString('latin1'), wrappedKey: r.wrappedKey.toString('latin1') })));
    for (const form of FORMS) expect(stored).not.toContain(form);
    expect(rows.every((r) => r.keyId.length === 16 && r.wrappedKey.length === 12 + 16 + 32)).toBe(true);

    await h.as('admin').secrets.set({ projectId: h.projectId, name: 'HTTP_TOKEN', value: `${VALUE}-2` });
    await h.as('admin').secrets.delete({ projectId: h.projectId, name: 'HTTP_TOKEN' });
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.projectId, h.projectId), eq(auditLog.targetType, 'secret')));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['secret.create', 'secret.replace', 'secret.delete']));
    for (const form of FORMS) expect(JSON.stringify(audit)).not.toContain(form);
  });
});

describe('a step gets its secrets and never shows them', () => {
  it('exactly its referenced secrets in its environment; its log, live tail and the history show none', async () => {
    const uses = [
      `[ "$(printf %s "$API_TOKEN" | sha256sum | cut -c1-64)" = "${sha256(VALUE)}" ] && echo value-ok`,
      'env | grep -q "^OTHER_TOKEN=" && echo LEAK-other-secret',
      'env | grep -q "WEFT_WORKER_TOKEN\\|WEFT_SECRETS_KEY" && echo LEAK-worker-credential',
      'echo "plain: $API_TOKEN"',
      'echo "base64: $(printf %s "$API_TOKEN" | base64 -w0)"',
      `python -c 'import os, urllib.parse as u; v = os.environ["API_TOKEN"]; print("url:", u.quote(v, safe=""), u.quote_plus(v))'`,
      // a value split across output chunks, with a heartbeat (1 s) between its halves
      'printf "split: %s" "${API_TOKEN:0:8}"; sleep 2.5; printf "%s\\n" "${API_TOKEN:8}"',
      'echo done >&2',
      'exit 3',
    ].join('\n');
    const spec = chainSpec([
      ['uses', 'shell', { command: uses }, { ...noRetry, secrets: ['API_TOKEN'] }],
    ]);
    spec.nodes.push({ id: 'plain', kind: 'shell', label: 'plain', position: { x: 0, y: 200 }, config: { command: 'env | grep -E "^(API_TOKEN|OTHER_TOKEN)=" && echo LEAK-unreferenced; echo clean' }, ...noRetry });
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);

    // the live tail while the value is half printed
    const tails: string[] = [];
    const final = await waitFor(
      async () => {
        const log = await h.as('viewer').runs.stepLog({ projectId: h.projectId, runId, nodeId: 'uses' });
        if (log.live) tails.push(log.live);
        return runOf(runId);
      },
      (r) => FINAL.includes(r.run.status),
      { what: `run ${runId}`, intervalMs: 200 },
    );
    expect(final.steps.find((s) => s.nodeId === 'plain')?.status).toBe('succeeded');
    expect(tails.some((t) => t.includes('split: '))).toBe(true);
    for (const tail of tails) {
      expect(tail).not.toContain(VALUE.slice(0, 8));
      for (const form of FORMS) expect(tail).not.toContain(form);
    }

    const log = await logOf(runId, 'uses');
    expect(log).toContain('value-ok');
    expect(log).toContain('done');
    expect(log).not.toContain('LEAK');
    expect(log.match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(5);
    for (const form of FORMS) expect(log).not.toContain(form);
    expect(await logOf(runId, 'plain')).toContain('clean');
    expect(await logOf(runId, 'plain')).not.toContain('LEAK');

    const history = await historyText(h.temporal, runWorkflowId(runId));
    expect(history).toContain('API_TOKEN'); // the name travels, the value never
    for (const form of FORMS) expect(history).not.toContain(form);
    expect(history).not.toContain(VALUE.slice(0, 8));
  });

  it('on a pool worker process too (web address and token from its environment), never the worker token', async () => {
    await h.as('admin').pools.create({ name: 'secrets-proc', kind: 'cpu', labels: {}, description: '', defaults: { cpus: 1, memoryMb: 256, gpus: 0 } });
    await h.startWorker('secrets-proc-worker', ['--pool', 'secrets-proc']);
    const command = [
      `[ "$(printf %s "$OTHER_TOKEN" | sha256sum | cut -c1-64)" = "${sha256(OTHER)}" ] && echo value-ok`,
      'env | grep -q "WEFT_WORKER_TOKEN\\|WEFT_WEB_URL\\|WEFT_SECRETS_KEY" && echo LEAK-worker-credential',
      'echo "$OTHER_TOKEN"',
    ].join('\n');
    const spec = chainSpec([['remote', 'shell', { command }, { ...noRetry, secrets: ['OTHER_TOKEN'], resources: { pool: 'secrets-proc' } }]]);
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
    const final = await waitFor(() => runOf(runId), (r) => FINAL.includes(r.run.status), { what: `run ${runId}` });
    expect(final.run.status).toBe('succeeded');
    const log = await logOf(runId, 'remote');
    expect(log).toContain('value-ok');
    expect(log).toContain('***');
    expect(log).not.toContain(OTHER);
    expect(log).not.toContain('LEAK');
  });
});

describe("web hands a step's secrets only to a worker, for that step while it runs", () => {
  it('answers the referenced values; refuses another node, a finished step, an ended run and no token', async () => {
    const spec: TPipelineSpec = chainSpec([
      ['quick', 'shell', { command: 'echo quick' }, { ...noRetry, secrets: ['API_TOKEN'] }],
      ['wait', 'shell', { command: 'sleep 60' }, { ...noRetry, secrets: ['API_TOKEN'] }],
    ]);
    spec.nodes.push({ id: 'plain', kind: 'shell', label: 'plain', position: { x: 0, y: 200 }, config: { command: 'sleep 60' }, ...noRetry });
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
    await waitFor(
      () => runOf(runId),
      (r) => r.steps.every((s) => (s.nodeId === 'quick' ? s.status === 'succeeded' : s.status === 'running')),
      { what: 'quick done, wait and plain running' },
    );

    const running = await askAsWorker({ runId, nodeId: 'wait', attempt: 1 });
    expect(running.status).toBe(200);
    expect(await running.json()).toEqual({ secrets: { API_TOKEN: VALUE } });

    const other = await askAsWorker({ runId, nodeId: 'plain', attempt: 1 });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ error: 'Step "plain" gets no secrets' });
    // the names come from the plan in Postgres: asking with names of one's own changes nothing
    expect((await askAsWorker({ runId, nodeId: 'plain', attempt: 1, names: ['API_TOKEN'] })).status).toBe(400);
    const finished = await askAsWorker({ runId, nodeId: 'quick', attempt: 1 });
    expect(finished.status).toBe(403);
    expect(await finished.json()).toEqual({ error: 'Step "quick" has finished (succeeded)' });

    expect((await askAsWorker({ runId, nodeId: 'wait', attempt: 1 }, null)).status).toBe(401);
    expect((await askAsWorker({ runId, nodeId: 'wait', attempt: 1 }, `${h.workerToken}x`)).status).toBe(401);

    await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
    await waitFor(() => runOf(runId), (r) => r.run.status === 'cancelled', { what: 'the run cancelled' });
    expect((await askAsWorker({ runId, nodeId: 'wait', attempt: 1 })).status).toBe(403);
  });

  it('names a secret that does not exist: at save, and when a run would start without it', async () => {
    const spec = chainSpec([['s', 'shell', { command: 'true' }, { ...noRetry, secrets: ['NOT_SET'] }]]);
    const saving = saveNewPipeline(h.as('editor'), h.projectId, spec);
    await expect(saving).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const problems = await saving.catch((error: { cause?: { details?: { problems?: unknown[] } } }) => error.cause?.details?.problems);
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_secrets', nodeId: 's', field: 'secrets', message: expect.stringContaining('"NOT_SET"') })]);

    await h.as('admin').secrets.set({ projectId: h.projectId, name: 'NOT_SET', value: 'for a moment' });
    const { versionId } = await saveNewPipeline(h.as('editor'), h.projectId, spec);
    await h.as('admin').secrets.delete({ projectId: h.projectId, name: 'NOT_SET' });
    await expect(h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('Secret "NOT_SET" does not exist'),
    });
  });
});
