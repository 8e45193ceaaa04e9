// 11. Experiment tracking (issue 13's speed rows), through what clients and the UI call: the
// MLflow API's log-batch over HTTP (as `mlflow.log_batch` sends it), and the tRPC endpoints of the
// Experiments UI (the compare chart's metric histories, the runs table's first page), each timed
// from the request to a decoded answer, as the browser has it before drawing.
import { alignSeries, decodeDoubles } from '../../components/experiments/columnar';
import { createTrpcHttpHandler } from '../../server/trpc/http-handler';
import { startMlflowServer } from '../../server/testing/mlflow-server';
import { seedBigExperiment, seedMetricHistory } from '../../server/testing/tracking-seed';
import { QUICK } from '../lib/config';
import { report } from '../lib/report';
import { fmtMs, median } from '../lib/stats';
import type { TBench } from '../lib/workers';
import { now, range } from '../lib/util';

const { rows, notes } = report;
const REPS = QUICK ? 5 : 15;

type TSeries = { runUuid: string; key: string; steps: string; values: string };

export async function measureTracking(b: TBench): Promise<void> {
  const server = await startMlflowServer(b.db);
  try {
    const { token } = await b.api.apiTokens.create({ projectId: b.projectId, name: 'bench', role: 'editor', expiresInDays: 1 });
    const mlflow = (endpoint: string, body: unknown) =>
      fetch(`${server.trackingUri}/api/2.0/mlflow/${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const created = (await (await mlflow('runs/create', { experiment_id: '0', start_time: Date.now() })).json()) as { run: { info: { run_id: string } } };
    const runId = created.run.info.run_id;

    // (a) log-batch of 1,000 metrics (10 keys × 100 steps, MLflow's limit per request)
    const batch: number[] = [];
    for (const round of range(REPS + 2)) {
      const metrics = range(1000).map((i) => ({ key: `m${i % 10}`, value: Math.random(), timestamp: Date.now(), step: round * 1000 + i }));
      const t = now();
      const res = await mlflow('runs/log-batch', { run_id: runId, metrics });
      if (res.status !== 200) throw new Error(`log-batch answered ${res.status}: ${await res.text()}`);
      if (round >= 2) batch.push(now() - t); // two warm-up rounds
    }
    const batchMs = median(batch);
    rows.push({ measure: 'MLflow log-batch of 1,000 metrics (HTTP POST, median)', weft: fmtMs(batchMs), hand: '—', target: '< 100 ms', ok: batchMs < 100 ? 'yes' : 'NO' });

    // the UI's endpoints over tRPC's HTTP handler, as a project viewer
    const trpc = createTrpcHttpHandler(async () => ({ db: b.db, temporal: b.temporal, user: b.members.viewer }));
    const query = async <T>(procedure: string, input: unknown): Promise<T> => {
      const res = await trpc(new Request(`http://bench/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`));
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${procedure} answered ${res.status}: ${text.slice(0, 300)}`);
      return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
    };

    // (b) 10 runs × 10,000 points: fetch, decode the columns, align them on one step axis
    const curves = await seedBigExperiment(b.db, { projectId: b.projectId, name: 'bench curves', runs: 10 });
    await seedMetricHistory(b.db, curves.runUuids, 'loss', 10_000);
    const chart: number[] = [];
    const answered: number[] = [];
    let points = 0;
    for (const rep of range(REPS + 1)) {
      const t = now();
      const series = await query<TSeries[]>('experiments.histories', { projectId: b.projectId, runUuids: curves.runUuids, keys: ['loss'] });
      if (rep > 0) answered.push(now() - t);
      const decoded = series.map((s) => ({ runUuid: s.runUuid, key: s.key, steps: decodeDoubles(s.steps), values: decodeDoubles(s.values) }));
      const aligned = alignSeries(decoded);
      if (rep > 0) chart.push(now() - t);
      points = aligned.ys.reduce((n, ys) => n + ys.filter((y) => y !== null).length, 0);
    }
    if (points !== 100_000) throw new Error(`the compare chart got ${points} points, not 100,000`);
    const chartMs = median(chart);
    rows.push({ measure: 'compare chart: 10 runs × 10,000 metric points (tRPC, decoded + aligned, median)', weft: `${fmtMs(chartMs)} (answer ${fmtMs(median(answered))})`, hand: '—', target: '< 1 s', ok: chartMs < 1000 ? 'yes' : 'NO' });

    // (c) the runs table of an experiment of 5,000 runs: first page, 2 params + 2 metrics, sorted by a metric
    const big = await seedBigExperiment(b.db, { projectId: b.projectId, name: 'bench 5,000 runs', runs: 5000 });
    const table: number[] = [];
    const input = { projectId: b.projectId, experimentId: big.experimentId, params: ['model', 'p0'], metrics: ['acc', 'm0'], orderBy: { entity: 'metric', key: 'acc', ascending: false }, limit: 50 };
    for (const rep of range(REPS + 1)) {
      // what opening the table asks: the keys for the column picker, then the first page
      const t = now();
      await query<{ params: string[] }>('experiments.keys', { projectId: b.projectId, experimentId: big.experimentId });
      const page = await query<{ rows: unknown[]; total: number }>('experiments.runs', input);
      if (rep > 0) table.push(now() - t);
      if (page.rows.length !== 50 || page.total !== 5000) throw new Error(`the runs table answered ${page.rows.length} rows of ${page.total}`);
    }
    const tableMs = median(table);
    rows.push({ measure: 'runs table, 5,000 runs: column keys + first page (50, 2 params + 2 metrics, sorted by a metric; median)', weft: fmtMs(tableMs), hand: '—', target: '< 1 s', ok: tableMs < 1000 ? 'yes' : 'NO' });
    notes.push(`tracking: medians of ${REPS} (after warm-up); log-batch over real HTTP to the /mlflow handler, the UI's endpoints through tRPC's HTTP handler as a viewer`);
  } finally {
    await server.close();
  }
}
