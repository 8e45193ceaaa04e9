// `npm run bench`: Weft's orchestration overhead against a hand-written Temporal TypeScript
// workflow, both on the same tuned Temporal dev server, in the same process, in the same run.
// Starts its own PostgreSQL (127.0.0.1:5477) and Temporal dev server (127.0.0.1:7277, tuned and on
// SQLite in WAL mode as `npm run dev` runs it; BENCH_TEMPORAL_MEMORY=1: in memory) unless
// BENCH_DATABASE_URL / BENCH_TEMPORAL_ADDRESS are given; BENCH_QUICK=1 takes fewer repetitions.
// Prints one table at the end. Exits 0 when every measurement could be made (whether or not it
// meets its target), 1 when the bench itself broke or a run it needed failed.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import * as handActivities from '../bench/handwritten/activities';
import { activityTimeline, mergeTimings, phasesOf, runPhases, stepTimings, type TActivityTiming, type TStepTimings } from '../bench/lib/history';
import { fanOutSpec, foreachSpec, noopChain, pythonChain } from '../bench/lib/specs';
import { fmtMs, linearFit, median, percentile } from '../bench/lib/stats';
import { renderTable, verdict, type TRow } from '../bench/lib/table';
import { createDatabase } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import { seedMembers } from '../server/testing/fixtures';
import { createCaller } from '../server/trpc/root';
import type { TPipelineRunResult } from '../workflows/definitions/messages';
import { compileSpec, isNodeKind, type TPipelineSpec } from '../workflows/dsl';
import { createControlWorker, createPoolWorker } from '../workflows/worker-factory';
import { isAlive, onCleanup, stopAll } from './lib/processes';
import { createDatabase as createPgDatabase, startPostgres } from './lib/postgres';
import { ensureNamespaces, startTemporal } from './lib/temporal';
import { ensureVenv, repoRoot } from './lib/venv';

const QUICK = ['1', 'true', 'yes'].includes((process.env.BENCH_QUICK ?? '').toLowerCase());
const REPS = QUICK ? 2 : 5; // no-op chains, per size
const LATENCY_REPS = QUICK ? 5 : 15; // 3-step start → done
const PY_REPS = QUICK ? 1 : 3; // python chains, per size
const SIZES = [1, 10, 50];
const CONCURRENT = 100;
const CONCURRENT_STEPS = 10;
const FAN_OUT = 1_000;
const BIG_CHAIN = 2_000;
const BIG_CHAIN_LIMIT_MS = 120_000;
const FAN_OUT_LIMIT_MS = 60_000;
/** The whole bench; a stuck one must still end (and clean up). */
const WATCHDOG_MS = 12 * 60_000;

const NAMESPACE = 'weft-bench';
const HAND_QUEUE = 'bench-hand';
/** activities only: the hand-written chain's variant whose activities, like Weft's steps, live on another queue */
const HAND_ACTIVITY_QUEUE = 'bench-hand-activities';
/** BENCH_ONLY=chains,latency,concurrent,python,foreach,fanout,big: run only those measurements (compile always runs). */
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const wanted = (what: string) => ONLY.size === 0 || ONLY.has(what);
const TEMPORAL_IN_MEMORY = ['1', 'true', 'yes'].includes((process.env.BENCH_TEMPORAL_MEMORY ?? '').toLowerCase());
const benchDir = path.join(repoRoot, '.weft', 'bench');
const handWorkflowsPath = fileURLToPath(new URL('../bench/handwritten/workflows.ts', import.meta.url));

const log = (message: string) => console.error(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const own = error.message.replace(/\s+/g, ' ').trim();
  return cause instanceof Error && cause.message && !own.includes(cause.message) ? `${own}: ${errorText(cause)}` : own;
};
const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

class RunTimeout extends Error {}

type TBench = Awaited<ReturnType<typeof startBench>>;

// ---------------------------------------------------------------------------------------------
// services and workers

const removeSqlite = (file: string) => Promise.all(['', '-wal', '-shm'].map((s) => rm(file + s, { force: true }))).then(() => undefined);

/** Databases of benches that died without cleaning up (SIGKILL): their pid no longer runs. */
async function removeStaleTemporalDbs(): Promise<void> {
  const files = await readdir(benchDir).catch(() => [] as string[]);
  for (const name of files) {
    const pid = Number(/^temporal-(\d+)\.db$/.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !isAlive(pid)) await removeSqlite(path.join(benchDir, name));
  }
}

async function startServices() {
  const venv = await ensureVenv();
  const givenDb = process.env.BENCH_DATABASE_URL;
  const givenTemporal = process.env.BENCH_TEMPORAL_ADDRESS;
  // One file per bench process, so that a second bench started by mistake (refused: ports in use)
  // never deletes the first one's live database.
  const temporalDb = path.join(benchDir, `temporal-${process.pid}.db`);
  if (!givenTemporal && !TEMPORAL_IN_MEMORY) {
    await removeStaleTemporalDbs();
    onCleanup(() => removeSqlite(temporalDb)); // registered first, so it runs after the server has stopped
  }
  const [adminUrl, address] = await Promise.all([
    givenDb ?? startPostgres({ dataDir: path.join(benchDir, 'pg'), port: 5477, persistent: false }).then((pg) => pg.url),
    givenTemporal
      ? ensureNamespaces(givenTemporal, [NAMESPACE]).then(() => givenTemporal)
      : startTemporal({
          binary: venv.temporal,
          port: 7277,
          // SQLite in WAL mode, as `npm run dev` runs it (a fresh file, removed afterwards)
          dbFile: TEMPORAL_IN_MEMORY ? undefined : temporalDb,
          namespaces: [NAMESPACE],
          logFile: path.join(benchDir, 'logs', 'temporal.log'),
        }).then((t) => t.address),
  ]);
  // A fresh database: on a server we were given, one of our own, dropped at the end.
  let databaseUrl = adminUrl;
  if (givenDb) {
    const name = `weft_bench_${process.pid}_${Date.now()}`;
    databaseUrl = await createPgDatabase(givenDb, name, { dropExisting: true });
    onCleanup(async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: givenDb });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`).finally(() => client.end());
    });
  }
  let temporalVersion = givenTemporal ? `given server ${givenTemporal}` : '';
  if (!givenTemporal) {
    try {
      temporalVersion = execFileSync(venv.temporal, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      temporalVersion = 'temporal CLI (version unknown)';
    }
  }
  return { databaseUrl, address, python: venv.python, temporalVersion, ownServices: { postgres: !givenDb, temporal: !givenTemporal } };
}

async function startBench() {
  const services = await startServices();
  // Worker and core warnings go to stderr with the progress lines; stdout keeps the table.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } } });

  const { db, pool } = createDatabase(services.databaseUrl, 25);
  onCleanup(() => pool.end());
  await runMigrations(db);
  const { projectId, members } = await seedMembers(db);

  const clientConnection = await Connection.connect({ address: services.address });
  const temporal = new Client({ connection: clientConnection, namespace: NAMESPACE });
  const workerConnection = await NativeConnection.connect({ address: services.address });
  const workers: Worker[] = await Promise.all([
    createControlWorker({ connection: workerConnection, namespace: NAMESPACE, databaseUrl: services.databaseUrl }),
    createPoolWorker({ connection: workerConnection, namespace: NAMESPACE, pool: 'cpu', client: temporal, python: services.python, identity: `bench-cpu-${process.pid}` }),
    Worker.create({ connection: workerConnection, namespace: NAMESPACE, taskQueue: HAND_QUEUE, workflowsPath: handWorkflowsPath, activities: handActivities }),
    Worker.create({ connection: workerConnection, namespace: NAMESPACE, taskQueue: HAND_ACTIVITY_QUEUE, activities: handActivities }),
  ]);
  let rejectWorkerDied!: (error: Error) => void;
  const workerDied = new Promise<never>((_, reject) => (rejectWorkerDied = reject));
  workerDied.catch(() => undefined);
  let shuttingDown = false;
  const running = workers.map((w, i) =>
    w.run().catch((error: unknown) => {
      if (!shuttingDown) rejectWorkerDied(new Error(`worker ${['control', 'pool cpu', 'hand-written', 'hand-written activities'][i]} stopped: ${errorText(error)}`));
    }),
  );
  // Registered after PostgreSQL and Temporal, so it runs before they stop.
  onCleanup(async () => {
    shuttingDown = true;
    for (const w of workers) {
      try {
        w.shutdown();
      } catch {
        /* not running */
      }
    }
    await Promise.race([Promise.allSettled(running), sleep(15_000)]);
    // The control worker's own pg pool (worker-factory keeps it) is about to lose its server.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void (String(args[0]).includes('postgres pool error') || warn(...args));
    await workerConnection.close().catch(() => undefined);
    await clientConnection.close().catch(() => undefined);
  });

  const api = createCaller({ db, temporal, user: members.editor });
  return { ...services, db, temporal, api, projectId, workerDied };
}

// ---------------------------------------------------------------------------------------------
// one run

type TTimed = { ms: number; handle: WorkflowHandle; /** Weft: how long runs.start itself took */ startMs?: number };

/** Waits for a workflow's result, racing the workers' health and a time limit (then terminates it). */
async function awaitResult<T>(b: TBench, handle: WorkflowHandle, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunTimeout(`${handle.workflowId} did not finish within ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return (await Promise.race([handle.result(), timeout, b.workerDied])) as T;
  } catch (error) {
    if (error instanceof RunTimeout) await handle.terminate('bench time limit').catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function saveVersion(b: TBench, name: string, spec: TPipelineSpec): Promise<string> {
  const { id: pipelineId } = await b.api.pipelines.create({ projectId: b.projectId, name: `${name} ${randomUUID().slice(0, 8)}` });
  const { versionId } = await b.api.pipelines.saveVersion({ projectId: b.projectId, pipelineId, spec, message: 'bench' });
  return versionId;
}

/** runs.start → the run's workflow completed, through the same tRPC procedure the UI calls. */
async function runWeft(b: TBench, versionId: string, limitMs = 60_000): Promise<TTimed> {
  const t0 = now();
  const { runId } = await b.api.runs.start({ projectId: b.projectId, versionId, requestId: randomUUID() });
  const startMs = now() - t0;
  const handle = b.temporal.workflow.getHandle(`run-${runId}`);
  const result = await awaitResult<TPipelineRunResult>(b, handle, limitMs);
  const ms = now() - t0;
  if (result?.status !== 'succeeded') throw new Error(`run ${runId} ended ${result?.status ?? 'without a result'}${result?.error ? `: ${result.error}` : ''}`);
  return { ms, handle, startMs };
}

async function runHand(b: TBench, workflow: 'handChain' | 'handPythonChain' | 'handFanOut', args: unknown[], limitMs = 60_000): Promise<TTimed> {
  const t0 = now();
  const handle = await b.temporal.workflow.start(workflow, { taskQueue: HAND_QUEUE, workflowId: `hand-${randomUUID()}`, args });
  await awaitResult<number>(b, handle, limitMs);
  return { ms: now() - t0, handle };
}

const isWeftStep = (a: TActivityTiming) => a.taskQueue.startsWith('weft-pool-');
const isHandStep = (a: TActivityTiming) => a.taskQueue === HAND_QUEUE || a.taskQueue === HAND_ACTIVITY_QUEUE;

async function timingsOf(handles: WorkflowHandle[], isStep: (a: TActivityTiming) => boolean): Promise<TStepTimings> {
  const list: TStepTimings[] = [];
  for (let i = 0; i < handles.length; i += 10) {
    list.push(...(await Promise.all(handles.slice(i, i + 10).map(async (h) => stepTimings(await activityTimeline(h), isStep)))));
  }
  return mergeTimings(list);
}

// ---------------------------------------------------------------------------------------------
// the measurements

const rows: TRow[] = [];
const notes: string[] = [];
let broken = false;

/** A measurement that cannot be made is a broken bench: show it in the table and exit 1. */
async function measure(what: string, fn: () => Promise<void>): Promise<void> {
  const t0 = now();
  log(`${what} ...`);
  try {
    await fn();
    log(`${what}: ${((now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    broken = true;
    log(`${what} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    rows.push({ measure: what, weft: `error: ${short(errorText(error))}`, hand: '', target: '', ok: 'error' });
  }
}

function measureCompile(): void {
  const cases: [string, TPipelineSpec][] = [
    ['validate + compile, 1,000-node chain', noopChain(1_000)],
    ['validate + compile, 1,000-wide fan-out (1,002 nodes)', fanOutSpec(998)],
  ];
  for (const [what, spec] of cases) {
    for (let i = 0; i < 3; i++) compileSpec(spec); // warm up
    const times: number[] = [];
    let ok = true;
    for (let i = 0; i < 10; i++) {
      const t0 = now();
      const result = compileSpec(spec);
      times.push(now() - t0);
      ok &&= result.ok;
    }
    if (!ok) throw new Error(`${what}: compileSpec refused the spec`);
    rows.push({ measure: `${what} (median of 10)`, weft: `${fmtMs(median(times))} (max ${fmtMs(Math.max(...times))})`, hand: '—', target: '< 100 ms', ok: verdict(Math.max(...times) < 100) });
  }
}

async function warmUp(b: TBench, versions: Map<number, string>): Promise<void> {
  const v3 = versions.get(3)!;
  // The first start on a namespace just registered on a given server may be refused for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await runHand(b, 'handChain', [3]);
      break;
    } catch (error) {
      if (attempt >= 20 || !/namespace/i.test(errorText(error))) throw error;
      await sleep(1000);
    }
  }
  for (let i = 0; i < 3; i++) {
    await runWeft(b, v3);
    await runHand(b, 'handChain', [3]);
  }
  await runWeft(b, versions.get(10)!);
  await runHand(b, 'handChain', [10]);
}

type TSeries = { times: Map<number, number[]>; handles: WorkflowHandle[] };

/**
 * Runs every variant at every size, `reps` times, interleaved (so drift on the machine affects
 * all alike); keeps the handles of the runs of size `keepHistoryOf`.
 */
async function measureSeries(
  label: string,
  sizes: number[],
  reps: number,
  variants: [string, (n: number) => Promise<TTimed>][],
  keepHistoryOf?: number,
): Promise<Map<string, TSeries>> {
  const out = new Map<string, TSeries>(variants.map(([name]) => [name, { times: new Map(sizes.map((n) => [n, []])), handles: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    for (const n of sizes) {
      for (const [name, run] of variants) {
        const r = await run(n);
        const series = out.get(name)!;
        series.times.get(n)!.push(r.ms);
        if (n === keepHistoryOf) series.handles.push(r.handle);
      }
    }
    log(`  ${label} rep ${rep + 1}/${reps}: ${sizes.map((n) => `${n}→ ${variants.map(([name]) => fmtMs(out.get(name)!.times.get(n)!.at(-1)!)).join(' / ')}`).join(', ')}`);
  }
  return out;
}

/** Least-squares ms per step over the per-size medians. */
const slopeOf = (s: TSeries) => linearFit([...s.times].map(([n, t]) => [n, median(t)])).slope;
const mediansOf = (s: TSeries) => [...s.times].map(([n, t]) => `${n}: ${fmtMs(median(t))}`).join(', ');

/** How many executions (continue-as-new) a workflow id has had, with their history lengths. */
async function executionsOf(b: TBench, workflowId: string): Promise<string> {
  try {
    const lengths: number[] = [];
    for await (const wf of b.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) lengths.push(wf.historyLength);
    return `${lengths.length} execution${lengths.length === 1 ? '' : 's'} (history lengths ${lengths.join(', ')})`;
  } catch (error) {
    return `executions unknown (${short(errorText(error), 60)})`;
  }
}

const perStep = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms/step` : '—');

async function main(): Promise<void> {
  const started = now();
  const loadAtStart = os.loadavg();
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${WATCHDOG_MS / 60_000} min: giving up`);
    void stopAll().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();

  await measure('validate + compile', async () => measureCompile());

  log(`starting services${QUICK ? ' (BENCH_QUICK: fewer repetitions)' : ''} ...`);
  const b = await startBench();
  log(`PostgreSQL ${b.ownServices.postgres ? 'embedded :5477' : 'given'}, Temporal ${b.address} (${b.ownServices.temporal ? 'dev server, tuned, SQLite WAL' : 'given'}), namespace ${NAMESPACE}`);

  const noopVersions = new Map<number, string>();
  for (const n of [...SIZES, 3]) noopVersions.set(n, await saveVersion(b, `bench noop ${n}`, noopChain(n)));

  await measure('warm-up', () => warmUp(b, noopVersions));

  // 1. per-step overhead: the slope over chains of 1, 10 and 50 no-op steps
  let noopSlopes: { weft: number; hand: number } | undefined;
  if (wanted('chains')) await measure('no-op chains', async () => {
    const series = await measureSeries(
      'no-op chains (Weft / hand / hand, activities on another queue)',
      SIZES,
      REPS,
      [
        ['weft', (n) => runWeft(b, noopVersions.get(n)!, 60_000 + n * 2_000)],
        ['hand', (n) => runHand(b, 'handChain', [n])],
        ['handOtherQueue', (n) => runHand(b, 'handChain', [n, HAND_ACTIVITY_QUEUE])],
      ],
      50,
    );
    const weft = series.get('weft')!;
    const hand = series.get('hand')!;
    const other = series.get('handOtherQueue')!;
    noopSlopes = { weft: slopeOf(weft), hand: slopeOf(hand) };
    const ratio = noopSlopes.weft / noopSlopes.hand;
    rows.push({
      measure: `per-step overhead: no-op chains ${SIZES.join('/')} (slope of medians, ${REPS} reps)`,
      weft: perStep(noopSlopes.weft),
      hand: perStep(noopSlopes.hand),
      target: '< 15 ms/step',
      ok: verdict(noopSlopes.weft < 15),
    });
    rows.push({ measure: '  ratio Weft / hand-written', weft: `${ratio.toFixed(2)}×`, hand: '1.00×', target: '≤ 1.1×', ok: verdict(ratio <= 1.1) });
    rows.push({
      measure: '  hand-written with its activities on another task queue (as Weft\'s pools)',
      weft: `ratio ${(noopSlopes.weft / slopeOf(other)).toFixed(2)}×`,
      hand: perStep(slopeOf(other)),
      target: 'report',
      ok: '',
    });
    notes.push(`no-op chain medians (start → done): Weft ${mediansOf(weft)}; hand-written ${mediansOf(hand)}; hand-written, activities on another queue ${mediansOf(other)}`);
    const [w, h, o] = await Promise.all([timingsOf(weft.handles, isWeftStep), timingsOf(hand.handles, isHandStep), timingsOf(other.handles, isHandStep)]);
    rows.push({
      measure: '  end of step → start of next, 50-step chains (history; median / p95)',
      weft: `${fmtMs(median(w.gaps))} / ${fmtMs(percentile(w.gaps, 95))}`,
      hand: `${fmtMs(median(h.gaps))} / ${fmtMs(percentile(h.gaps, 95))}`,
      target: '≤ 30 ms (ARCHITECTURE)',
      ok: verdict(median(w.gaps) <= 30),
    });
    const per = (t: TStepTimings) =>
      `scheduled→started ${fmtMs(median(t.dispatch))}, started→completed ${fmtMs(median(t.exec))}, completed→next started ${fmtMs(median(t.gaps))}; ` +
      `${(t.events / t.steps).toFixed(1)} history events, ${(t.workflowTasks / t.steps).toFixed(1)} workflow tasks, ${(t.otherActivities / t.steps).toFixed(2)} other activities per step`;
    notes.push(`50-step chains, per step (medians, Temporal history event times; ms resolution):`);
    notes.push(`  Weft:                              ${per(w)}`);
    notes.push(`  hand-written:                      ${per(h)}`);
    notes.push(`  hand-written, activities elsewhere: ${per(o)}`);
  });

  // 2. 3-step pipeline start → done
  if (wanted('latency')) await measure('3-step start → done', async () => {
    const v3 = noopVersions.get(3)!;
    const weft: TTimed[] = [];
    const hand: TTimed[] = [];
    for (let i = 0; i < LATENCY_REPS; i++) {
      weft.push(await runWeft(b, v3));
      hand.push(await runHand(b, 'handChain', [3]));
    }
    const msOf = (list: TTimed[]) => list.map((r) => r.ms);
    rows.push({
      measure: `3-step no-op pipeline, start → done (median of ${LATENCY_REPS}; Weft via runs.start)`,
      weft: fmtMs(median(msOf(weft))),
      hand: fmtMs(median(msOf(hand))),
      target: '< 60 ms (issue: hand 42 ms)',
      ok: verdict(median(msOf(weft)) < 60),
    });
    // where the time goes, from the histories (server clock) and the client
    const phases = async (list: TTimed[], isStep: (a: TActivityTiming) => boolean) => {
      const all = (await Promise.all(list.map(async (r) => runPhases(await activityTimeline(r.handle), isStep)))).flatMap((p) => (p ? [p] : []));
      const m = (k: keyof (typeof all)[number]) => fmtMs(median(all.map((p) => p[k])));
      return `workflow started → first step scheduled ${m('beforeSteps')}, steps ${m('steps')}, last step completed → workflow closed ${m('afterSteps')} (workflow ${m('total')})`;
    };
    notes.push(`3-step runs (medians): Weft: runs.start call ${fmtMs(median(weft.map((r) => r.startMs ?? Number.NaN)))}; ${await phases(weft, isWeftStep)}`);
    notes.push(`                       hand-written: ${await phases(hand, isHandStep)}`);
  });

  // 3. 100 concurrent runs of a 10-step chain
  if (wanted('concurrent')) await measure(`${CONCURRENT} concurrent ${CONCURRENT_STEPS}-step runs`, async () => {
    const v10 = noopVersions.get(CONCURRENT_STEPS) ?? (await saveVersion(b, `bench noop ${CONCURRENT_STEPS}`, noopChain(CONCURRENT_STEPS)));
    const burst = async (one: () => Promise<TTimed>) => {
      const t0 = now();
      let last = t0;
      const settled = await Promise.allSettled(
        range(CONCURRENT).map(async () => {
          const r = await one();
          last = Math.max(last, now());
          return r;
        }),
      );
      const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [errorText(s.reason)] : []));
      return { done, failures, seconds: (last - t0) / 1000 };
    };
    const weft = await burst(() => runWeft(b, v10, 180_000));
    const hand = await burst(() => runHand(b, 'handChain', [CONCURRENT_STEPS], 180_000));
    const allDone = (r: typeof weft) => `${r.done.length}/${CONCURRENT}${r.failures.length ? ` (${short(r.failures[0]!, 60)})` : ''}`;
    rows.push({ measure: `${CONCURRENT} concurrent ${CONCURRENT_STEPS}-step runs: completed`, weft: allDone(weft), hand: allDone(hand), target: 'all', ok: verdict(weft.done.length === CONCURRENT) });
    const rate = (r: typeof weft) => r.done.length / r.seconds;
    rows.push({
      measure: '  throughput (completed runs / first start → last done)',
      weft: `${rate(weft).toFixed(1)} runs/s (${weft.seconds.toFixed(1)} s)`,
      hand: `${rate(hand).toFixed(1)} runs/s (${hand.seconds.toFixed(1)} s)`,
      target: '≥ 20 runs/s (issue: hand 21)',
      ok: verdict(weft.done.length === CONCURRENT && rate(weft) >= 20),
    });
    const [w, h] = await Promise.all([timingsOf(weft.done.map((r) => r.handle), isWeftStep), timingsOf(hand.done.map((r) => r.handle), isHandStep)]);
    rows.push({
      measure: '  step overhead under load: end of step → start of next (history; p95 / median)',
      weft: `${fmtMs(percentile(w.gaps, 95))} / ${fmtMs(median(w.gaps))}`,
      hand: `${fmtMs(percentile(h.gaps, 95))} / ${fmtMs(median(h.gaps))}`,
      target: 'report',
      ok: '',
    });
    if (weft.failures.length) notes.push(`concurrent Weft runs that failed: ${weft.failures.length}; first: ${weft.failures[0]}`);
  });

  // 4. the same chains with Python steps: what a process start adds per step
  if (wanted('python')) await measure('python chains', async () => {
    const versions = new Map<number, string>();
    for (const n of SIZES) versions.set(n, await saveVersion(b, `bench python ${n}`, pythonChain(n)));
    await runWeft(b, versions.get(1)!); // warm the page cache for python
    await runHand(b, 'handPythonChain', [1, b.python]);
    const series = await measureSeries('python chains (Weft / hand)', SIZES, PY_REPS, [
      ['weft', (n) => runWeft(b, versions.get(n)!, 60_000 + n * 2_000)],
      ['hand', (n) => runHand(b, 'handPythonChain', [n, b.python])],
    ], 50);
    const py = { weft: slopeOf(series.get('weft')!), hand: slopeOf(series.get('hand')!) };
    rows.push({
      measure: `python chains ${SIZES.join('/')} (code \`pass\`; slope, ${PY_REPS} rep${PY_REPS > 1 ? 's' : ''})`,
      weft: perStep(py.weft),
      hand: perStep(py.hand),
      target: 'report',
      ok: '',
    });
    rows.push({
      measure: '  process start per step (python slope − no-op slope)',
      weft: noopSlopes ? perStep(py.weft - noopSlopes.weft) : '—',
      hand: noopSlopes ? perStep(py.hand - noopSlopes.hand) : '—',
      target: 'report',
      ok: '',
    });
    notes.push(`python chain medians (start → done): Weft ${mediansOf(series.get('weft')!)}; hand-written ${mediansOf(series.get('hand')!)} (python: ${b.python})`);
    const [w, h] = await Promise.all([timingsOf(series.get('weft')!.handles, isWeftStep), timingsOf(series.get('hand')!.handles, isHandStep)]);
    const per = (t: TStepTimings) =>
      `activity (started→completed) ${fmtMs(median(t.exec))}, completed→next started ${fmtMs(median(t.gaps))}, scheduled→started ${fmtMs(median(t.dispatch))}`;
    notes.push(`50-step python chains, per step (medians, history): Weft: ${per(w)}; hand-written: ${per(h)}`);
  });

  // 5. 1,000-way for-each (and a static 1,000-wide fan-out of no-op nodes)
  if (!isNodeKind('foreach')) {
    rows.push({ measure: '1,000-way for-each', weft: 'not supported yet (no foreach kind)', hand: '—', target: '< 4 s', ok: 'NO' });
  } else if (wanted('foreach')) {
    await measure('1,000-way for-each', async () => {
      const built = foreachSpec(FAN_OUT, 500, (spec) => compileSpec(spec).ok);
      if (!built) {
        const probe = compileSpec(foreachSpec(FAN_OUT, 500, () => true)!.spec);
        const why = probe.ok ? '' : probe.problems.map((p) => p.message).join('; ');
        rows.push({ measure: '1,000-way for-each', weft: short(`no for-each spec of this bench validates: ${why}`), hand: '—', target: '< 4 s', ok: '' });
        return;
      }
      const version = await saveVersion(b, `bench foreach ${built.items}`, built.spec);
      let weft: string;
      let ok: boolean;
      try {
        const r = await runWeft(b, version, FAN_OUT_LIMIT_MS);
        weft = fmtMs(r.ms);
        ok = r.ms < 4_000;
        const children: string[] = [];
        for await (const wf of b.temporal.workflow.list({ query: `WorkflowType = 'foreachChunk'` })) children.push(wf.workflowId);
        const own = children.filter((id) => id.startsWith(`${r.handle.workflowId}/`)).length;
        notes.push(`for-each (${built.items} no-op items, concurrency ${built.concurrency}, items = ${built.expression}): ${own} child workflows of the run; the run's own history ${(await activityTimeline(r.handle)).events} events`);
      } catch (error) {
        weft = short(`did not complete: ${errorText(error)}`);
        ok = false;
      }
      const hand = await runHand(b, 'handFanOut', [FAN_OUT], FAN_OUT_LIMIT_MS);
      rows.push({
        measure: `1,000-way for-each (${built.items === FAN_OUT ? '' : `${built.items} items: 1,000 do not fit the expression; `}no-op body, concurrency ${built.concurrency}) start → done`,
        weft,
        hand: `${fmtMs(hand.ms)} (1,000 at once)`,
        target: '< 4 s',
        ok: verdict(ok),
      });
    });
  }
  if (wanted('fanout')) await measure(`${FAN_OUT}-way static fan-out`, async () => {
    const version = await saveVersion(b, `bench fan-out ${FAN_OUT}`, fanOutSpec(FAN_OUT));
    let weft: string;
    let weftOk: boolean | undefined;
    try {
      const r = await runWeft(b, version, FAN_OUT_LIMIT_MS);
      weft = fmtMs(r.ms);
      weftOk = r.ms < 4_000;
      notes.push(`${FAN_OUT}-way fan-out, Weft (history): ${phasesOf(await activityTimeline(r.handle), isWeftStep)}`);
    } catch (error) {
      weft = short(`did not complete: ${errorText(error)}`);
      weftOk = false;
    }
    const hand = await runHand(b, 'handFanOut', [FAN_OUT], FAN_OUT_LIMIT_MS);
    notes.push(`${FAN_OUT}-way fan-out, hand-written (history): ${phasesOf(await activityTimeline(hand.handle), isHandStep)}`);
    rows.push({ measure: `${FAN_OUT.toLocaleString('en')}-wide static fan-out: start → ${FAN_OUT} no-op nodes → end, start → done`, weft, hand: fmtMs(hand.ms), target: '< 4 s (as for-each)', ok: verdict(weftOk) });
  });

  // 6. 2,000-node pipeline
  if (!wanted('big')) {
    // left out by BENCH_ONLY
  } else if (QUICK) {
    rows.push({ measure: `${BIG_CHAIN.toLocaleString('en')}-node pipeline (no-op chain)`, weft: 'skipped (BENCH_QUICK)', hand: '—', target: 'completes', ok: '' });
  } else {
    await measure(`${BIG_CHAIN}-node chain`, async () => {
      const version = await saveVersion(b, `bench chain ${BIG_CHAIN}`, noopChain(BIG_CHAIN));
      const t0 = now();
      let weft: string;
      let ok: boolean;
      let handle: WorkflowHandle | undefined;
      try {
        const { runId } = await b.api.runs.start({ projectId: b.projectId, versionId: version, requestId: randomUUID() });
        handle = b.temporal.workflow.getHandle(`run-${runId}`);
        const result = await awaitResult<TPipelineRunResult>(b, handle, BIG_CHAIN_LIMIT_MS);
        ok = result?.status === 'succeeded';
        weft = ok ? `completed in ${((now() - t0) / 1000).toFixed(1)} s` : `ended ${result?.status}: ${result?.error ?? ''}`;
        notes.push(`${BIG_CHAIN}-node chain: ${weft}; ${await executionsOf(b, handle.workflowId)}`);
      } catch (error) {
        ok = false;
        let progress = '';
        if (handle) {
          const runId = handle.workflowId.replace(/^run-/, '');
          const [steps, events] = await Promise.all([
            b.api.runs
              .get({ projectId: b.projectId, runId })
              .then((r) => `${r.steps.filter((s) => s.status === 'succeeded').length} of ${BIG_CHAIN} steps done`)
              .catch(() => ''),
            handle
              .describe()
              .then((d) => `${d.historyLength} history events`)
              .catch(() => ''),
          ]);
          progress = [steps, events, await executionsOf(b, handle.workflowId)].filter(Boolean).join(', ');
        }
        weft = `not completed after ${((now() - t0) / 1000).toFixed(0)} s${progress ? ` (${progress})` : ''}`;
        notes.push(`${BIG_CHAIN}-node chain: ${weft}: ${errorText(error)}`);
        weft = short(`${weft}: ${errorText(error)}`, 120);
      }
      rows.push({ measure: `${BIG_CHAIN.toLocaleString('en')}-node pipeline (no-op chain, ${BIG_CHAIN_LIMIT_MS / 1000} s limit)`, weft, hand: '—', target: 'completes', ok: verdict(ok) });
    });
  }

  const cpus = os.cpus();
  const table = renderTable(rows);
  console.log('');
  console.log(table);
  console.log('');
  console.log(`machine: ${cpus.length} CPU${cpus.length === 1 ? '' : 's'} (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
  const loadAtEnd = os.loadavg();
  console.log(`load average (1 min) at start ${loadAtStart[0]!.toFixed(1)}, at end ${loadAtEnd[0]!.toFixed(1)}${Math.max(loadAtStart[0]!, loadAtEnd[0]!) > cpus.length ? ' — other work was competing for the CPUs: treat the timings with care' : ''}`);
  console.log(`services: ${b.temporalVersion}${b.ownServices.temporal ? ' (dev server: transferProcessorMaxPollRPS=1000, 1 task-queue partition, SQLite WAL)' : ''}; PostgreSQL ${b.ownServices.postgres ? 'embedded' : 'given'}; workers in this process`);
  console.log(
    'method: start → done = Weft: tRPC runs.start (caller, in-process) until the run workflow\'s result; hand-written: workflow start until result. ' +
      'Slope = least squares over the per-size medians. Gaps = ActivityTaskCompleted → next ActivityTaskStarted event times in the runs\' Temporal histories.',
  );
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`bench took ${((now() - started) / 1000).toFixed(0)} s${broken ? '; SOME MEASUREMENTS FAILED (see above)' : ''}`);
}

main()
  .catch((error: unknown) => {
    broken = true;
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (rows.length) console.log(`\n${renderTable(rows)}`);
  })
  .finally(async () => {
    await stopAll();
    process.exit(broken ? 1 : 0);
  });
