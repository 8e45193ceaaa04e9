// Artifacts and logged models through Weft's mlflow-artifacts proxy: the real mlflow client logs a
// file, a directory and an sklearn model and reads them back; the bytes land in the
// content-addressed store; paths, roles and the size limit are checked over HTTP.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackingArtifacts, trackingLoggedModels } from '../../drizzle/schema';
import { LocalArtifactStore } from '../../workflows/artifacts/local-store';
import { startHarness, type THarness } from '../testing/harness';
import { runMlflowClientScript } from '../testing/mlflow-client';
import { startMlflowServer, type TMlflowServer } from '../testing/mlflow-server';

let h: THarness;
let server: TMlflowServer;
let store: LocalArtifactStore;
let storeDir: string;
let editorToken: string;
let viewerToken: string;
const MAX_BYTES = 1024 * 1024;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
  storeDir = await mkdtemp(path.join(tmpdir(), 'weft-mlflow-store-'));
  store = new LocalArtifactStore(storeDir);
  server = await startMlflowServer(h.db, async () => null, { store, maxBytes: MAX_BYTES });
  editorToken = (await h.as('editor').apiTokens.create({ projectId: h.projectId, name: 'laptop', role: 'editor', expiresInDays: 30 })).token;
  viewerToken = (await h.as('editor').apiTokens.create({ projectId: h.projectId, name: 'reader', role: 'viewer', expiresInDays: 30 })).token;
});
afterAll(async () => {
  await server?.close();
  await h?.stop();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

const artifacts = (rest: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${server.trackingUri}/api/2.0/mlflow-artifacts/artifacts${rest}`, { ...init, headers: { authorization: `Bearer ${init.token ?? editorToken}`, ...init.headers } });

async function newRun(): Promise<{ runId: string; root: string }> {
  const res = await fetch(`${server.trackingUri}/api/2.0/mlflow/runs/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_id: '0' }),
  });
  const info = ((await res.json()) as { run: { info: { run_id: string; artifact_uri: string } } }).run.info;
  return { runId: info.run_id, root: info.artifact_uri.replace('mlflow-artifacts:/', '') };
}

describe('the real mlflow client', () => {
  it('logs a file, a directory and an sklearn model with a signature, lists, downloads and loads them back', async () => {
    const client = await runMlflowClientScript<{ run_id: string; model_id: string; report_sha256: string }>('test_artifacts.py', { trackingUri: server.trackingUri, token: editorToken });
    expect(client.code, client.out).toBe(0);
    const result = client.result();

    const files = await h.db.select().from(trackingArtifacts).where(eq(trackingArtifacts.runUuid, result.run_id));
    expect(files.map((f) => f.path).sort()).toEqual(['data/a.csv', 'data/nested/b.json', 'report.txt']);
    const stored = files.find((f) => f.path === 'report.txt')!;
    expect(stored).toMatchObject({ sha256: result.report_sha256, size: 15, mediaType: 'text/plain' });
    // the store names a file by the sha256 of its bytes
    const bytes = await readFile(store.pathOf(stored.sha256));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);

    const [model] = await h.db.select().from(trackingLoggedModels).where(eq(trackingLoggedModels.modelId, result.model_id));
    expect(model).toMatchObject({ status: 'LOGGED_MODEL_READY', sourceRunUuid: result.run_id, name: 'iris' });
    const modelFiles = await h.db.select().from(trackingArtifacts).where(eq(trackingArtifacts.modelId, result.model_id));
    expect(modelFiles.map((f) => f.path)).toEqual(expect.arrayContaining(['MLmodel', 'model.skops']));
    for (const file of modelFiles) expect(await store.has(file.sha256)).toBe(true);
  }, 180_000);
});

describe('the artifacts proxy', () => {
  it('refuses unsafe paths, naming the field, in MLflow error shape', async () => {
    const { root } = await newRun();
    for (const bad of [`/${root}/../x`, `/${root}/a%2F..%2Fb`, `/${root}/a%00b`, `/${root}/${'x'.repeat(1100)}`, '/1/not-a-run/artifacts/x']) {
      const res = await artifacts(bad, { method: 'PUT', body: 'x' });
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as { error_code: string; message: string };
      expect(body.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(body.message).toMatch(/^path: /);
    }
  });

  it('lets viewers read and not write, and refuses files over the limit', async () => {
    const { root } = await newRun();
    expect((await artifacts(`/${root}/a.txt`, { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    const denied = await artifacts(`/${root}/b.txt`, { method: 'PUT', body: 'hello', token: viewerToken });
    expect(denied.status).toBe(403);
    const read = await artifacts(`/${root}/a.txt`, { token: viewerToken });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await read.text()).toBe('hello');
    const list = await artifacts(`?path=${encodeURIComponent(root)}`, { token: viewerToken });
    expect(await list.json()).toEqual({ files: [{ path: 'a.txt', is_dir: false, file_size: 5 }] });
    const tooBig = await artifacts(`/${root}/big.bin`, { method: 'PUT', body: new Uint8Array(MAX_BYTES + 1) });
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { message: string }).message).toMatch(/larger than/);
    expect((await artifacts(`/${root}/missing.txt`)).status).toBe(404);
  });
});
