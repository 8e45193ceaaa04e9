// `npm run bench`: Weft's orchestration overhead against a hand-written Temporal TypeScript
// workflow, both on the same tuned Temporal dev server, in the same process, in the same run.
// Starts its own PostgreSQL (127.0.0.1:5477) and Temporal dev server (127.0.0.1:7277; both + BENCH_PORT_OFFSET, tuned and on
// SQLite in WAL mode as `npm run dev` runs it; BENCH_TEMPORAL_MEMORY=1: in memory) unless
// BENCH_DATABASE_URL / BENCH_TEMPORAL_ADDRESS are given; BENCH_QUICK=1 takes fewer repetitions.
// Prints one table at the end. Exits 0 when every measurement could be made (whether or not it
// meets its target), 1 when the bench itself broke or a run it needed failed.
// The measurements live in bench/measures/, what they share (services, workers, runs) in bench/lib/.
import os from 'node:os';
import { BIG_CHAIN, CONCURRENT, CONCURRENT_STEPS, FAN_OUT, NAMESPACE, PORT_OFFSET, QUICK, ROUNDS, SIZES, WATCHDOG_MS, wanted } from '../bench/lib/config';
import { discarded, measure, report } from '../bench/lib/report';
import { saveVersion } from '../bench/lib/runs';
import { noopChain } from '../bench/lib/specs';
import { renderTable } from '../bench/lib/table';
import { targetRows, type TRoundRatios } from '../bench/lib/targets';
import { log, now } from '../bench/lib/util';
import { startBench } from '../bench/lib/workers';
import { bigChainSkipped, measureBigChain } from '../bench/measures/big-chain';
import { measureChains, type TSlopes } from '../bench/measures/chains';
import { measureCompile } from '../bench/measures/compile';
import { measureConcurrent } from '../bench/measures/concurrent';
import { measureEditor } from '../bench/measures/editor';
import { measureFanOut } from '../bench/measures/fan-out';
import { measureLargeArtifacts } from '../bench/measures/large-artifacts';
import { foreachUnsupported, measureForeach } from '../bench/measures/foreach';
import { measureLatency } from '../bench/measures/latency';
import { measureMlKinds } from '../bench/measures/ml-kinds';
import { measurePools } from '../bench/measures/pools';
import { measurePython } from '../bench/measures/python';
import { measureRecordLag } from '../bench/measures/record-lag';
import { measureTracking } from '../bench/measures/tracking';
import { warmUp } from '../bench/measures/warm-up';
import { isNodeKind } from '../workflows/dsl';
import { stopAll } from './lib/processes';
import { failureText } from './lib/setup-error';

const { rows, notes } = report;

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
  log(`PostgreSQL ${b.ownServices.postgres ? `embedded :${5477 + PORT_OFFSET}` : 'given'}, Temporal ${b.address} (${b.ownServices.temporal ? 'dev server, tuned, SQLite WAL' : 'given'}), namespace ${NAMESPACE}`);

  const noopVersions = new Map<number, string>();
  for (const n of [...SIZES, 3]) noopVersions.set(n, await saveVersion(b, `bench noop ${n}`, noopChain(n)));

  await measure('warm-up', () => warmUp(b, noopVersions));

  // 1-3. the engine's targets, each ratio against the hand-written chain in the same round; the
  // first round's rows are shown, every round's ratios go into the target rows (their medians)
  const noop: { slopes?: TSlopes } = {};
  const rounds: TRoundRatios[] = [];
  for (let round = 0; round < Math.max(1, ROUNDS); round++) {
    const into = round === 0 ? report : discarded();
    const ratios: TRoundRatios = {};
    const suffix = ROUNDS > 1 ? ` (round ${round + 1} of ${ROUNDS})` : '';
    // 1. per-step overhead: the slope over chains of 1, 10 and 50 no-op steps
    if (wanted('chains')) await measure(`no-op chains${suffix}`, async () => void (ratios.perStep = await measureChains(b, noopVersions, noop, into)));
    // 2. 3-step pipeline start → done
    if (wanted('latency')) await measure(`3-step start → done${suffix}`, async () => void (ratios.latency = await measureLatency(b, noopVersions, into)));
    // 3. 100 concurrent runs of a 10-step chain
    if (wanted('concurrent')) await measure(`${CONCURRENT} concurrent ${CONCURRENT_STEPS}-step runs${suffix}`, async () => void (ratios.throughput = await measureConcurrent(b, noopVersions, into)));
    rounds.push(ratios);
  }
  // 4. the same chains with Python steps: what a process start adds per step
  if (wanted('python')) await measure('python chains', () => measurePython(b, noop.slopes));
  // 5. 1,000-way for-each (and a static 1,000-wide fan-out of no-op nodes)
  if (!isNodeKind('foreach')) rows.push(foreachUnsupported);
  else if (wanted('foreach')) await measure('1,000-way for-each', () => measureForeach(b));
  if (wanted('fanout')) await measure(`${FAN_OUT}-way static fan-out`, () => measureFanOut(b));
  // 6. 2,000-node pipeline
  if (!wanted('big')) {
    // left out by BENCH_ONLY
  } else if (QUICK) {
    rows.push(bigChainSkipped);
  } else {
    await measure(`${BIG_CHAIN}-node chain`, () => measureBigChain(b));
  }

  // 7. pools and GPUs
  if (wanted('pools')) await measure('pools and GPUs', () => measurePools(b));
  // 8. how far the records the UI reads trail the steps
  if (wanted('lag')) await measure('run record lag', () => measureRecordLag(b));
  if (wanted('artifacts')) await measure('large artifacts', () => measureLargeArtifacts(b.python));
  // 11. experiment tracking: MLflow log-batch, the compare chart's histories, the runs table
  if (wanted('tracking')) await measure('experiment tracking', () => measureTracking(b));
  if (wanted('ml')) await measure('ML node kinds', () => measureMlKinds(b));
  if (wanted('editor')) await measure('editor in the browser', () => measureEditor(b));

  rows.unshift(...targetRows(rounds));
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
  console.log(`bench took ${((now() - started) / 1000).toFixed(0)} s${report.broken ? '; SOME MEASUREMENTS FAILED (see above)' : ''}`);
}

main()
  .catch((error: unknown) => {
    report.broken = true;
    console.error(`[bench] failed: ${failureText(error)}`);
    if (rows.length) console.log(`\n${renderTable(rows)}`);
  })
  .finally(async () => {
    await stopAll();
    process.exit(report.broken ? 1 : 0);
  });
