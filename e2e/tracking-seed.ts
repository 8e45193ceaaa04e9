// Seeds what a pipeline's runs log, as the MLflow client would (the /mlflow API with the
// signed-in session), then links the experiment to a pipeline and one tracking run to a Weft run
// in the database: the link that steps will make themselves once they log through the pool worker.
import type { APIRequestContext } from '@playwright/test';
import pg from 'pg';
import type { TPipelineSpec } from '../workflows/dsl';

/** A 4×4 red PNG, so an <img> of it has a size. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4oaEBRwzEcQDRQxGBSNLB6wAAAABJRU5ErkJggg==', 'base64');

type TTrpcAnswer<T> = { result: { data: { json: T } } };

async function trpc<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input });
  if (!res.ok()) throw new Error(`${procedure}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as TTrpcAnswer<T>).result.data.json;
}

async function mlflow<T>(request: APIRequestContext, projectId: string, endpoint: string, body: unknown): Promise<T> {
  const res = await request.post(`/mlflow/api/2.0/mlflow/${endpoint}`, { data: body, headers: { 'x-weft-project-id': projectId } });
  if (!res.ok()) throw new Error(`${endpoint}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export type TSeeded = { pipelineId: string; weftRunId: string; runIds: string[] };

/** A pipeline with a run, and an experiment of it with three logged runs (params, metric curves, a CSV, a PNG and an HTML report each); the first is the Weft run's. */
export async function seedPipelineExperiment(request: APIRequestContext, name: string): Promise<TSeeded> {
  const me = ((await (await request.get('/api/trpc/me.get')).json()) as TTrpcAnswer<{ projects: { id: string }[] }>).result.data.json;
  const projectId = me.projects[0]!.id;
  const { id: pipelineId } = await trpc<{ id: string }>(request, 'pipelines.create', { projectId, name });
  const spec: TPipelineSpec = { nodes: [{ id: 'train', kind: 'noop', label: 'train', config: {}, position: { x: 0, y: 0 } }], edges: [], parameters: {}, maxParallelism: 4 };
  const { versionId } = await trpc<{ versionId: string }>(request, 'pipelines.saveVersion', { projectId, pipelineId, spec, message: 'e2e' });
  const { runId: weftRunId } = await trpc<{ runId: string }>(request, 'runs.start', { projectId, versionId, requestId: `e2e-${Date.now()}` });

  const { experiment_id } = await mlflow<{ experiment_id: string }>(request, projectId, 'experiments/create', { name });
  const runIds: string[] = [];
  for (const [i, [model, lr]] of [['rf', '0.1'], ['rf', '0.01'], ['svm', '0.1']].entries()) {
    const { run } = await mlflow<{ run: { info: { run_id: string; artifact_uri: string } } }>(request, projectId, 'runs/create', { experiment_id, run_name: `trial-${i}`, start_time: Date.now() + i });
    const now = Date.now();
    const curve = Array.from({ length: 20 }, (_, step) => ({ key: 'loss', value: Math.exp((-step * (i + 1)) / 10), timestamp: now, step }));
    await mlflow(request, projectId, 'runs/log-batch', {
      run_id: run.info.run_id,
      params: [{ key: 'model', value: model }, { key: 'lr', value: lr }, { key: 'seed', value: '7' }],
      metrics: [...curve, ...['accuracy', 'f1', 'precision'].map((key, k) => ({ key, value: 0.7 + i * 0.1 + k * 0.01, timestamp: now, step: 0 }))],
    });
    const root = run.info.artifact_uri.replace('mlflow-artifacts:/', '');
    const files = [
      ['eval/predictions.csv', 'id,label,note\n1,cat,"a, quoted"\n2,dog,plain\n', 'text/csv'],
      ['eval/confusion.png', PNG, 'image/png'],
      ['eval/report.html', '<h1>Report</h1><script>document.body.dataset.ran = "yes"</script>', 'text/html'],
    ] as const;
    for (const [path, body, type] of files) {
      const res = await request.put(`/mlflow/api/2.0/mlflow-artifacts/artifacts/${root}/${path}`, { data: body, headers: { 'content-type': type } });
      if (!res.ok()) throw new Error(`upload ${path}: ${res.status()} ${await res.text()}`);
    }
    runIds.push(run.info.run_id);
  }

  const client = new pg.Client({ connectionString: process.env.WEFT_E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query('update tracking_experiments set pipeline_id = $1 where id = $2', [pipelineId, Number(experiment_id)]);
    await client.query('update tracking_runs set weft_run_id = $1 where run_uuid = $2', [weftRunId, runIds[0]]);
  } finally {
    await client.end();
  }
  return { pipelineId, weftRunId, runIds };
}
