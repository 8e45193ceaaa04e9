import type { TDbOrTx } from '../../db/client';
import { runData } from '../tracking/run-data';
import { findProjectRuns } from './project-experiment';

/** Runs side by side, in the order asked: every param and latest metric of each, for the parameter diff and the chart picker. */
export async function compareRuns(db: TDbOrTx, projectId: string, runUuids: string[]) {
  const runs = await findProjectRuns(db, projectId, runUuids);
  const data = await runData(db, runs.map((r) => r.runUuid));
  const paramKeys = new Set<string>();
  const metricKeys = new Set<string>();
  const compared = runs.map((run) => {
    const d = data.get(run.runUuid)!;
    for (const p of d.params) paramKeys.add(p.key);
    for (const m of d.metrics) metricKeys.add(m.key);
    return {
      runUuid: run.runUuid,
      name: run.name,
      status: run.status,
      startTime: run.startTime,
      experimentId: run.experimentId,
      weftRunId: run.weftRunId,
      weftNodeId: run.weftNodeId,
      params: Object.fromEntries(d.params.map((p) => [p.key, p.value])),
      metrics: Object.fromEntries(d.metrics.map((m) => [m.key, m.value])),
    };
  });
  return { runs: compared, paramKeys: [...paramKeys].sort(), metricKeys: [...metricKeys].sort() };
}
