// Pure: the lineage graph assembled from the rows the collector read (lineage-facts.ts). No
// database here, so the rules (which row makes which node and edge) are tested without one.

export type TLineageNodeKind = 'dataset' | 'artifact' | 'step' | 'run' | 'model' | 'version';

export type TLineageNode = {
  id: string;
  kind: TLineageNodeKind;
  label: string;
  /** a second line: a digest, a size, the pipeline */
  detail?: string;
  /** where the node leads in the app (a Weft run, a model card) */
  href?: string;
};

export type TLineageEdge = { id: string; source: string; target: string; label?: string };
export type TLineageGraph = { nodes: TLineageNode[]; edges: TLineageEdge[]; focus: string; truncated: boolean };

/** The rows lineage is made of, each shaped after its table (drizzle/schema runs, tracking, registry). */
export type TLineageFacts = {
  steps: { runId: string; nodeId: string; pipelineName: string; status: string }[];
  stepArtifacts: { runId: string; nodeId: string; direction: 'input' | 'output'; name: string; hash: string; size: number }[];
  trackingRuns: { runUuid: string; name: string; weftRunId: string | null; weftNodeId: string | null }[];
  inputs: { runUuid: string; datasetId: string }[];
  datasets: { id: string; name: string; digest: string }[];
  loggedModels: { modelId: string; name: string; sourceRunUuid: string | null }[];
  runOutputs: { runUuid: string; modelId: string }[];
  versions: {
    id: string;
    modelName: string;
    version: number;
    runId: string | null;
    weftRunId: string | null;
    weftNodeId: string | null;
    artifactSha256: string | null;
    source: string;
    aliases: string[];
  }[];
};

export const emptyFacts = (): TLineageFacts => ({ steps: [], stepArtifacts: [], trackingRuns: [], inputs: [], datasets: [], loggedModels: [], runOutputs: [], versions: [] });

/** Node ids, one per thing: a Weft step is one node however many tracking runs (attempts) it logged. */
export const lineageId = {
  artifact: (hash: string) => `artifact:${hash}`,
  step: (runId: string, nodeId: string) => `step:${runId}/${nodeId}`,
  run: (runUuid: string) => `run:${runUuid}`,
  dataset: (id: string) => `dataset:${id}`,
  model: (modelId: string) => `model:${modelId}`,
  version: (id: string) => `version:${id}`,
};

/** The logged model a `models:/m-…` source names (MLflow 3's logged model ids). */
export const sourceLoggedModel = (source: string) => source.match(/^models:\/(m-[0-9a-f]+)\/?$/)?.[1];

const shortHash = (hash: string) => hash.slice(0, 12);
const bytes = (size: number) => (size < 1024 ? `${size} B` : size < 1024 ** 2 ? `${(size / 1024).toFixed(1)} KB` : `${(size / 1024 ** 2).toFixed(1)} MB`);

/**
 * datasets → steps → artifacts → models → registry versions. A tracking run that a Weft step
 * logged is drawn as that step; one logged from elsewhere (a laptop) is a run node of its own.
 * Edges are deduplicated; nodes named by an edge but not read (beyond the collector's limit) are
 * left out with their edges.
 */
export function assembleLineage(facts: TLineageFacts, focus: string, truncated = false): TLineageGraph {
  const nodes = new Map<string, TLineageNode>();
  const edges = new Map<string, TLineageEdge>();
  const add = (node: TLineageNode) => void (nodes.has(node.id) ? undefined : nodes.set(node.id, node));
  const link = (source: string, target: string, label?: string) => {
    const id = `${source}->${target}`;
    if (source !== target && !edges.has(id)) edges.set(id, { id, source, target, ...(label ? { label } : {}) });
  };

  const trackingNode = new Map<string, string>();
  for (const s of facts.steps) add({ id: lineageId.step(s.runId, s.nodeId), kind: 'step', label: s.nodeId, detail: `${s.pipelineName} · ${s.status}`, href: `/runs/${s.runId}` });
  for (const r of facts.trackingRuns) {
    if (r.weftRunId && r.weftNodeId) {
      const id = lineageId.step(r.weftRunId, r.weftNodeId);
      trackingNode.set(r.runUuid, id);
      add({ id, kind: 'step', label: r.weftNodeId, href: `/runs/${r.weftRunId}` });
    } else {
      trackingNode.set(r.runUuid, lineageId.run(r.runUuid));
      add({ id: lineageId.run(r.runUuid), kind: 'run', label: r.name || r.runUuid.slice(0, 8), detail: r.runUuid.slice(0, 12) });
    }
  }
  for (const a of facts.stepArtifacts) {
    const artifact = lineageId.artifact(a.hash);
    const name = a.direction === 'input' ? a.name.slice(a.name.indexOf('/') + 1) : a.name;
    add({ id: artifact, kind: 'artifact', label: name, detail: `${shortHash(a.hash)} · ${bytes(a.size)}`, href: `/lineage/${a.hash}` });
    const step = lineageId.step(a.runId, a.nodeId);
    if (a.direction === 'input') link(artifact, step);
    else link(step, artifact);
  }
  for (const d of facts.datasets) add({ id: lineageId.dataset(d.id), kind: 'dataset', label: d.name, detail: d.digest });
  for (const i of facts.inputs) {
    const run = trackingNode.get(i.runUuid);
    if (run) link(lineageId.dataset(i.datasetId), run);
  }
  for (const m of facts.loggedModels) {
    add({ id: lineageId.model(m.modelId), kind: 'model', label: m.name || m.modelId, detail: m.modelId });
    const run = m.sourceRunUuid ? trackingNode.get(m.sourceRunUuid) : undefined;
    if (run) link(run, lineageId.model(m.modelId));
  }
  for (const o of facts.runOutputs) {
    const run = trackingNode.get(o.runUuid);
    if (run) link(run, lineageId.model(o.modelId));
  }
  for (const v of facts.versions) {
    const id = lineageId.version(v.id);
    add({ id, kind: 'version', label: `${v.modelName} v${v.version}`, ...(v.aliases.length ? { detail: v.aliases.map((a) => `@${a}`).join(' ') } : {}), href: `/models/${encodeURIComponent(v.modelName)}/versions/${v.version}` });
    if (v.artifactSha256) {
      add({ id: lineageId.artifact(v.artifactSha256), kind: 'artifact', label: 'model', detail: shortHash(v.artifactSha256), href: `/lineage/${v.artifactSha256}` });
      // (the step wrote it: step_artifacts says so too, unless that row is beyond the limit)
      if (v.weftRunId && v.weftNodeId && nodes.has(lineageId.step(v.weftRunId, v.weftNodeId))) link(lineageId.step(v.weftRunId, v.weftNodeId), lineageId.artifact(v.artifactSha256));
    }
    // the most precise origin known: the logged model, else the artifact, else the step or run
    const logged = sourceLoggedModel(v.source);
    const candidates = [
      logged && lineageId.model(logged),
      v.artifactSha256 && lineageId.artifact(v.artifactSha256),
      v.weftRunId && v.weftNodeId && lineageId.step(v.weftRunId, v.weftNodeId),
      v.runId && trackingNode.get(v.runId),
    ];
    const origin = candidates.find((c): c is string => typeof c === 'string' && nodes.has(c));
    if (origin) link(origin, id, 'registered');
  }
  const kept = [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { nodes: [...nodes.values()], edges: kept, focus, truncated };
}
