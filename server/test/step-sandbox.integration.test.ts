// User code is hostile: steps that try to read the control plane's secrets, find Weft's tools,
// look into other steps, or poison artifacts, run on a real pool worker (the sandbox `npm test`
// finds on this machine: bubblewrap where installed, else a uid of their own when root).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepAttempts, steps } from '../../drizzle/schema';
import { LocalArtifactStore } from '../../workflows/artifacts/local-store';
import { createArtifactStore } from '../../workflows/artifacts/store';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const run = async (spec: TPipelineSpec) => {
  const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
  await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { what: `run ${runId}` });
  return runId;
};
const stepsOf = async (runId: string) => Object.fromEntries((await h.as('viewer').runs.get({ projectId: h.projectId, runId })).steps.map((s) => [s.nodeId, s]));
const logOf = async (runId: string, nodeId: string) =>
  (await h.db.select({ log: stepAttempts.log }).from(stepAttempts).where(and(eq(stepAttempts.runId, runId), eq(stepAttempts.nodeId, nodeId)))).map((a) => a.log).join('\n');
/** the path of an input, read from the step's input file (as the step helper does) */
const inputPath = (node: string, name: string) => `$(python -c 'import json, os; print(json.load(open(os.environ["WEFT_INPUT"]))["inputs"]["${node}"]["${name}"])')`;
const noRetry = { cache: false, retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };

describe('a step cannot reach what is not its own', () => {
  it("reads none of the control plane's secrets, finds no Temporal CLI and runs as no root", async () => {
    // a secret of the instance, where Weft keeps its own (mode 0600, as .weft/auth-secret is)
    const canary = path.join(path.dirname(process.env.WEFT_ARTIFACTS_DIR!), `canary-${randomUUID()}`);
    await writeFile(canary, randomBytes(16).toString('hex'), { mode: 0o600 });
    const attack = [
      `cat /proc/${process.pid}/environ 2>/dev/null | tr '\\0' '\\n' | grep -q DATABASE_URL && echo LEAK-environ-of-a-weft-process`,
      `cat ${canary} 2>/dev/null && echo LEAK-secret-file`,
      'env | grep -E "DATABASE_URL|BETTER_AUTH|TEMPORAL_ADDRESS|AWS_" && echo LEAK-environment',
      'command -v temporal && echo LEAK-temporal-cli',
      // its own pid namespace: the shell, its pipeline and nothing else (not the worker, not other steps)
      '[ "$(ls /proc | grep -c "^[0-9]")" -gt 8 ] && echo LEAK-processes',
      'python -c "import os; print(len([p for p in os.listdir(\'/proc\') if p.isdigit()]))" | grep -qvE "^[0-9]$" && echo LEAK-processes-python',
      `[ "$(id -u)" = 0 ] && echo ${process.getuid?.() === 0 ? 'LEAK-root' : 'root-as-the-worker'}`,
      'echo checked',
    ].map((line) => `${line} || true`);
    const runId = await run(chainSpec([['probe', 'shell', { command: attack.join('\n') }, noRetry]]));
    const log = await logOf(runId, 'probe');
    expect(log).toContain('checked');
    expect(log).not.toContain('LEAK');
  });

  it("cannot open a connection to Temporal or PostgreSQL on the host's loopback or PostgreSQL's socket, and has a network of its own", async () => {
    const temporal = process.env.TEMPORAL_ADDRESS!.split(':');
    const pg = new URL(process.env.DATABASE_URL!);
    const connect = (host: string, port: string, what: string) => `(exec 3<>/dev/tcp/${host}/${port}) 2>/dev/null && echo LEAK-${what} || true`;
    const command = [
      connect(temporal[0]!, temporal[1]!, 'temporal'),
      connect(pg.hostname, pg.port, 'postgres'),
      // the embedded server's Unix socket, in its data directory (when the URL names it)
      ...(pg.searchParams.get('host') ? [`(test -e ${pg.searchParams.get('host')}/.s.PGSQL.${pg.port} || ls ${pg.searchParams.get('host')} >/dev/null 2>&1) && echo LEAK-postgres-socket || true`] : []),
      connect('10.0.2.2', temporal[1]!, 'temporal-through-the-gateway'), // slirp4netns's way to the host
      'grep -q tap0 /proc/net/dev && echo has-a-network',
    ].join('\n');
    const runId = await run(chainSpec([['probe', 'shell', { command }, noRetry]]));
    const log = await logOf(runId, 'probe');
    expect(log).toContain('has-a-network');
    expect(log).not.toContain('LEAK');
  });

  it("cannot look into a step running beside it, in the same run, on the same worker", async () => {
    const spec: TPipelineSpec = {
      ...chainSpec([
        ['holder', 'shell', { command: 'echo private-data > secret.txt; sleep 3' }, noRetry],
        ['snoop', 'shell', { command: 'sleep 1; cat ../../holder/1/secret.txt 2>/dev/null && echo LEAK-sibling; ls ../../holder/1 2>/dev/null && echo LEAK-listing; echo looked' }, noRetry],
      ]),
      edges: [],
    };
    const runId = await run(spec);
    expect((await stepsOf(runId)).snoop).toMatchObject({ status: 'succeeded' });
    const log = await logOf(runId, 'snoop');
    expect(log).toContain('looked');
    expect(log).not.toContain('LEAK');
  });
});

describe('artifacts are immutable', () => {
  it('a step that writes to its input changes nothing for later readers, and the store still matches its hashes', async () => {
    const genuine = `genuine-${randomUUID()}`;
    const spec: TPipelineSpec = {
      ...chainSpec([['make', 'shell', { command: `printf ${genuine} > "$WEFT_OUTPUT_DIR/model.bin"` }, noRetry]]),
    };
    spec.nodes.push(
      { id: 'tamper', kind: 'shell', label: 'tamper', position: { x: 0, y: 200 }, config: { command: `f=${inputPath('make', 'model.bin')}; chmod u+w "$f" 2>/dev/null || true; printf poisoned > "$f" 2>/dev/null && echo wrote-input; echo tried` }, ...noRetry },
      { id: 'read', kind: 'shell', label: 'read', position: { x: 250, y: 200 }, config: { command: `cat ${inputPath('make', 'model.bin')} > "$WEFT_OUTPUT_DIR/seen.txt"` }, ...noRetry },
    );
    spec.edges.push({ id: 'e-t', source: 'make', sourcePort: 'out', target: 'tamper', targetPort: 'in' }, { id: 'e-r', source: 'tamper', sourcePort: 'out', target: 'read', targetPort: 'in' }, { id: 'e-m', source: 'make', sourcePort: 'out', target: 'read', targetPort: 'in' });
    const runId = await run(spec);
    const byNode = await stepsOf(runId);
    expect(byNode.read!.status).toBe('succeeded');
    expect(await logOf(runId, 'tamper')).toContain('tried');
    const [made] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, 'make')));
    const ref = made!.outputs!.artifacts['model.bin']!;
    const store = createArtifactStore() as LocalArtifactStore;
    expect(await readFile(store.pathOf(ref.hash), 'utf8')).toBe(genuine);
    await expect(store.readOnlyPath(ref.hash)).resolves.toBe(store.pathOf(ref.hash)); // its content still hashes to its name
    const [read] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, 'read')));
    const seen = read!.outputs!.artifacts['seen.txt']!;
    expect(await readFile(store.pathOf(seen.hash), 'utf8')).toBe(genuine);
  });

  it('an output that is a hard link (to an input, or to another output) is refused with the reason', async () => {
    const spec = chainSpec([
      ['make', 'shell', { command: 'echo weights > "$WEFT_OUTPUT_DIR/model.bin"' }, noRetry],
      ['steal', 'shell', { command: `ln ${inputPath('make', 'model.bin')} "$WEFT_OUTPUT_DIR/stolen" 2>/dev/null || true; echo x > "$WEFT_OUTPUT_DIR/a"; ln "$WEFT_OUTPUT_DIR/a" "$WEFT_OUTPUT_DIR/b"` }, noRetry],
    ]);
    const runId = await run(spec);
    const steal = (await stepsOf(runId)).steal!;
    expect(steal.status).toBe('failed');
    expect(steal.error).toMatch(/not hard links to other files: "a", "b"/);
  });
});
