import { and, eq, inArray } from 'drizzle-orm';
import {
  modelAliases,
  modelVersions,
  pipelines,
  registeredModels,
  runs,
  stepArtifacts,
  steps,
  trackingDatasets,
  trackingExperiments,
  trackingInputs,
  trackingLoggedModels,
  trackingRunOutputs,
  trackingRuns,
} from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { emptyFacts, sourceLoggedModel, type TLineageFacts } from './lineage-graph';

/** Where a walk starts: a model version (by id) or an artifact (by sha256). */
export type TLineageStart = { versionId: string } | { artifact: string };

/** A graph bigger than this is cut (and says so): a dataset read by thousands of runs would draw nothing readable. */
export const MAX_LINEAGE_NODES = 300;
const MAX_ROUNDS = 12;

type TFrontier = { artifacts: Set<string>; steps: Set<string>; runs: Set<string>; datasets: Set<string>; models: Set<string>; versions: Set<string> };
const emptyFrontier = (): TFrontier => ({ artifacts: new Set(), steps: new Set(), runs: new Set(), datasets: new Set(), models: new Set(), versions: new Set() });
const stepKey = (runId: string, nodeId: string) => `${runId}/${nodeId}`;
const splitStep = (key: string) => ({ runId: key.slice(0, 36), nodeId: key.slice(37) });

/**
 * Reads lineage outward from a start, one hop per round, in both directions (what it came from
 * and what came of it), inside one project: step records (inputs and outputs by sha256), tracking
 * runs (their datasets and logged models) and registry versions (their source run, step and
 * artifact). Stops at MAX_LINEAGE_NODES things.
 */
export async function collectLineageFacts(db: TDbOrTx, projectId: string, start: TLineageStart): Promise<{ facts: TLineageFacts; truncated: boolean }> {
  const facts = emptyFacts();
  const seen = emptyFrontier();
  let next = emptyFrontier();
  if ('versionId' in start) next.versions.add(start.versionId);
  else next.artifacts.add(start.artifact);
  const size = () => Object.values(seen).reduce((n, s: Set<string>) => n + s.size, 0);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const frontier = emptyFrontier();
    for (const key of Object.keys(next) as (keyof TFrontier)[]) {
      for (const v of next[key]) {
        if (seen[key].has(v)) continue;
        seen[key].add(v);
        frontier[key].add(v);
      }
    }
    if (Object.values(frontier).every((s: Set<string>) => s.size === 0)) return { facts, truncated: false };
    if (size() > MAX_LINEAGE_NODES) return { facts, truncated: true };
    next = await expand(db, projectId, frontier, facts);
  }
  return { facts, truncated: true };
}

/** One round: the rows of the frontier's things, and the things they name (the next frontier). */
async function expand(db: TDbOrTx, projectId: string, f: TFrontier, facts: TLineageFacts): Promise<TFrontier> {
  const next = emptyFrontier();
  const stepRuns = [...new Set([...f.steps].map((k) => splitStep(k).runId))];

  // step records: artifacts read and written, by hash or by step
  const artifactRows = [
    ...(f.artifacts.size ? await db.select({ a: stepArtifacts }).from(stepArtifacts).innerJoin(runs, eq(runs.id, stepArtifacts.runId)).where(and(eq(runs.projectId, projectId), inArray(stepArtifacts.hash, [...f.artifacts]))) : []),
    ...(stepRuns.length ? await db.select({ a: stepArtifacts }).from(stepArtifacts).innerJoin(runs, eq(runs.id, stepArtifacts.runId)).where(and(eq(runs.projectId, projectId), inArray(stepArtifacts.runId, stepRuns))) : []),
  ]
    .map((r) => r.a)
    .filter((a) => f.artifacts.has(a.hash) || f.steps.has(stepKey(a.runId, a.nodeId)));
  for (const a of artifactRows) {
    facts.stepArtifacts.push(a);
    next.artifacts.add(a.hash);
    next.steps.add(stepKey(a.runId, a.nodeId));
  }
  if (stepRuns.length) {
    const rows = await db
      .select({ runId: steps.runId, nodeId: steps.nodeId, status: steps.status, pipelineName: pipelines.name })
      .from(steps)
      .innerJoin(runs, eq(runs.id, steps.runId))
      .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
      .where(and(eq(runs.projectId, projectId), inArray(steps.runId, stepRuns)));
    facts.steps.push(...rows.filter((s) => f.steps.has(stepKey(s.runId, s.nodeId))));
  }

  // tracking runs: of these steps, or named by id
  const runConditions = [
    ...(f.runs.size ? [inArray(trackingRuns.runUuid, [...f.runs])] : []),
    ...(stepRuns.length ? [inArray(trackingRuns.weftRunId, stepRuns)] : []),
  ];
  for (const condition of runConditions) {
    const rows = await db
      .select({ runUuid: trackingRuns.runUuid, name: trackingRuns.name, weftRunId: trackingRuns.weftRunId, weftNodeId: trackingRuns.weftNodeId })
      .from(trackingRuns)
      .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingRuns.experimentId))
      .where(and(eq(trackingExperiments.projectId, projectId), condition));
    for (const r of rows) {
      const ofStep = r.weftRunId && r.weftNodeId ? stepKey(r.weftRunId, r.weftNodeId) : null;
      if (!f.runs.has(r.runUuid) && !(ofStep && f.steps.has(ofStep))) continue;
      if (!facts.trackingRuns.some((t) => t.runUuid === r.runUuid)) facts.trackingRuns.push(r);
      next.runs.add(r.runUuid);
      if (ofStep) next.steps.add(ofStep);
    }
  }
  const runIds = [...next.runs].filter((r) => !facts.inputs.some((i) => i.runUuid === r));
  if (runIds.length) {
    for (const i of await db.select({ runUuid: trackingInputs.runUuid, datasetId: trackingInputs.datasetId }).from(trackingInputs).where(inArray(trackingInputs.runUuid, runIds))) {
      facts.inputs.push(i);
      next.datasets.add(i.datasetId);
    }
    for (const o of await db.select({ runUuid: trackingRunOutputs.runUuid, modelId: trackingRunOutputs.modelId }).from(trackingRunOutputs).where(inArray(trackingRunOutputs.runUuid, runIds))) {
      facts.runOutputs.push(o);
      next.models.add(o.modelId);
    }
    for (const m of await db.select({ modelId: trackingLoggedModels.modelId }).from(trackingLoggedModels).where(inArray(trackingLoggedModels.sourceRunUuid, runIds))) next.models.add(m.modelId);
    for (const v of await db.select({ id: modelVersions.id }).from(modelVersions).where(inArray(modelVersions.runId, runIds))) next.versions.add(v.id);
  }

  // datasets: their rows, and the runs that read them
  if (f.datasets.size) {
    const rows = await db
      .select({ id: trackingDatasets.id, name: trackingDatasets.name, digest: trackingDatasets.digest })
      .from(trackingDatasets)
      .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingDatasets.experimentId))
      .where(and(eq(trackingExperiments.projectId, projectId), inArray(trackingDatasets.id, [...f.datasets])));
    facts.datasets.push(...rows);
    for (const i of await db.select({ runUuid: trackingInputs.runUuid }).from(trackingInputs).where(inArray(trackingInputs.datasetId, rows.map((d) => d.id)))) next.runs.add(i.runUuid);
  }

  // logged models: their rows, their source runs, the versions registered from them
  if (f.models.size) {
    const rows = await db
      .select({ modelId: trackingLoggedModels.modelId, name: trackingLoggedModels.name, sourceRunUuid: trackingLoggedModels.sourceRunUuid })
      .from(trackingLoggedModels)
      .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingLoggedModels.experimentId))
      .where(and(eq(trackingExperiments.projectId, projectId), inArray(trackingLoggedModels.modelId, [...f.models])));
    facts.loggedModels.push(...rows);
    for (const m of rows) if (m.sourceRunUuid) next.runs.add(m.sourceRunUuid);
    const sources = rows.map((m) => `models:/${m.modelId}`);
    if (sources.length) for (const v of await db.select({ id: modelVersions.id }).from(modelVersions).where(inArray(modelVersions.source, sources))) next.versions.add(v.id);
  }

  // registry versions: by id, by the step or artifact they came from
  const versionConditions = [
    ...(f.versions.size ? [inArray(modelVersions.id, [...f.versions])] : []),
    ...(f.artifacts.size ? [inArray(modelVersions.artifactSha256, [...f.artifacts])] : []),
    ...(stepRuns.length ? [inArray(modelVersions.weftRunId, stepRuns)] : []),
  ];
  for (const condition of versionConditions) {
    const rows = await db
      .select({ v: modelVersions, modelName: registeredModels.name })
      .from(modelVersions)
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .where(and(eq(registeredModels.projectId, projectId), condition));
    for (const { v, modelName } of rows) {
      const ofStep = v.weftRunId && v.weftNodeId ? stepKey(v.weftRunId, v.weftNodeId) : null;
      if (facts.versions.some((x) => x.id === v.id)) continue;
      if (!f.versions.has(v.id) && !(v.artifactSha256 && f.artifacts.has(v.artifactSha256)) && !(ofStep && f.steps.has(ofStep))) continue;
      const aliases = await db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, v.id));
      facts.versions.push({ id: v.id, modelName, version: v.version, runId: v.runId, weftRunId: v.weftRunId, weftNodeId: v.weftNodeId, artifactSha256: v.artifactSha256, source: v.source, aliases: aliases.map((a) => a.alias).sort() });
      next.versions.add(v.id);
      if (v.runId) next.runs.add(v.runId);
      if (ofStep) next.steps.add(ofStep);
      if (v.artifactSha256) next.artifacts.add(v.artifactSha256);
      const logged = sourceLoggedModel(v.source);
      if (logged) next.models.add(logged);
    }
  }
  return next;
}
