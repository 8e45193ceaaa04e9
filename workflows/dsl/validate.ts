import { nodeKindDefinition, portsFit } from './catalog';
import { expressionReferenceProblems } from './expression-references';
import { nodesOnCycles } from './graph';
import type { TSpecProblem } from './problems';
import { DEFAULT_POOLS, resolveResources, type TPoolCatalogEntry } from './resources';
import { ZPipelineSpecSchema, type TPipelineSpec } from './spec';

export type TValidation =
  | { ok: true; spec: TPipelineSpec; problems: [] }
  | { ok: false; spec?: TPipelineSpec; problems: TSpecProblem[] };

/**
 * Every problem of a spec, each pinned to its node or edge. Pure and fast: the canvas runs it on
 * every edit, the server before publishing or running.
 */
export function validateSpec(input: unknown, pools: readonly TPoolCatalogEntry[] = DEFAULT_POOLS): TValidation {
  const parsed = ZPipelineSpecSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => schemaProblem(input, issue)) };
  }
  const spec = parsed.data;
  const problems = findProblems(spec, pools);
  return problems.length === 0 ? { ok: true, spec, problems: [] } : { ok: false, spec, problems };
}

function schemaProblem(input: unknown, issue: { path: PropertyKey[]; message: string }): TSpecProblem {
  const [collection, index, ...rest] = issue.path;
  const item =
    typeof index === 'number' && (collection === 'nodes' || collection === 'edges')
      ? (input as Record<string, { id?: unknown }[]>)[collection]?.[index]
      : undefined;
  const id = typeof item?.id === 'string' ? item.id : undefined;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'spec';
  return {
    code: 'invalid_spec',
    message: `${where}: ${issue.message}`,
    ...(collection === 'nodes' && id ? { nodeId: id } : {}),
    ...(collection === 'edges' && id ? { edgeId: id } : {}),
    ...(rest.length > 0 ? { field: rest.join('.') } : {}),
  };
}

function findProblems(spec: TPipelineSpec, pools: readonly TPoolCatalogEntry[]): TSpecProblem[] {
  const problems: TSpecProblem[] = [];
  if (spec.nodes.length === 0) {
    problems.push({ code: 'empty_pipeline', message: 'The pipeline has no nodes' });
  }

  const nodes = new Map<string, TPipelineSpec['nodes'][number]>();
  for (const node of spec.nodes) {
    if (nodes.has(node.id)) {
      problems.push({ code: 'duplicate_node_id', nodeId: node.id, message: `Node id "${node.id}" is used twice` });
      continue;
    }
    nodes.set(node.id, node);
    const definition = nodeKindDefinition(node.kind);
    if (!definition) {
      problems.push({ code: 'unknown_kind', nodeId: node.id, message: `Unknown node kind "${node.kind}"` });
      continue;
    }
    problems.push(...resourceProblems(node, definition.defaultPool, pools));
    if (definition.defaultPool === 'control' && node.secrets?.length) {
      problems.push({ code: 'invalid_secrets', nodeId: node.id, field: 'secrets', message: `"${node.id}" runs in the interpreter, not on a pool: it gets no secrets` });
    }
    const config = definition.configSchema.safeParse(node.config);
    if (!config.success) {
      for (const issue of config.error.issues) {
        const field = ['config', ...issue.path.map(String)].join('.');
        problems.push({ code: 'invalid_config', nodeId: node.id, field, message: `${field}: ${issue.message}` });
      }
    } else if (definition.executor === 'python_library') {
      // a secret the config names reaches the step only if the node lists it
      for (const key of definition.secretFields ?? []) {
        const name = (config.data as Record<string, unknown>)[key];
        if (typeof name === 'string' && !node.secrets?.includes(name)) {
          problems.push({ code: 'invalid_secrets', nodeId: node.id, field: `config.${key}`, message: `config.${key}: add ${name} to the node's Secrets, or the step cannot read it` });
        }
      }
    }
  }

  const edgeIds = new Set<string>();
  const filledInputs = new Map<string, string>(); // `${target}:${port}` → edge id
  const arcs: { source: string; target: string }[] = [];
  for (const edge of spec.edges) {
    if (edgeIds.has(edge.id)) {
      problems.push({ code: 'duplicate_edge_id', edgeId: edge.id, message: `Edge id "${edge.id}" is used twice` });
      continue;
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push({ code: 'edge_unknown_node', edgeId: edge.id, message: `Edge "${edge.id}" refers to missing node "${missing}"` });
      continue;
    }
    arcs.push({ source: edge.source, target: edge.target });
    const outPort = nodeKindDefinition(source.kind)?.outputs.find((p) => p.name === edge.sourcePort);
    const inPort = nodeKindDefinition(target.kind)?.inputs.find((p) => p.name === edge.targetPort);
    if (!nodeKindDefinition(source.kind) || !nodeKindDefinition(target.kind)) continue;
    if (!outPort || !inPort) {
      const [nodeId, port] = !outPort ? [source.id, edge.sourcePort] : [target.id, edge.targetPort];
      problems.push({ code: 'edge_unknown_port', edgeId: edge.id, nodeId, message: `Node "${nodeId}" has no port "${port}"` });
      continue;
    }
    if (!portsFit(outPort.type, inPort.type)) {
      problems.push({
        code: 'port_type_mismatch',
        edgeId: edge.id,
        nodeId: target.id,
        message: `Port "${edge.targetPort}" of "${target.id}" takes ${inPort.type}, not ${outPort.type} from "${source.id}"`,
      });
    }
    const slot = `${edge.target}:${edge.targetPort}`;
    if (filledInputs.has(slot) && inPort.type !== 'any') {
      problems.push({ code: 'duplicate_input', edgeId: edge.id, nodeId: target.id, message: `Input "${edge.targetPort}" of "${target.id}" is connected twice` });
    }
    filledInputs.set(slot, edge.id);
  }

  for (const node of nodes.values()) {
    const definition = nodeKindDefinition(node.kind);
    // an input that its config makes required (a Sweep scored on the validation set)
    const needed = definition && 'requiredInputs' in definition ? definition.requiredInputs(node.config) : [];
    for (const port of definition?.inputs ?? []) {
      if ((port.required || needed.includes(port.name)) && !filledInputs.has(`${node.id}:${port.name}`)) {
        problems.push({ code: 'missing_input', nodeId: node.id, field: `inputs.${port.name}`, message: `Input "${port.label}" of "${node.id}" must be connected` });
      }
    }
  }

  for (const node of nodes.values()) {
    if (node.kind === 'condition') problems.push(...expressionReferenceProblems(spec, node, arcs, 'expression'));
    if (node.kind === 'foreach') problems.push(...expressionReferenceProblems(spec, node, arcs, 'items'));
  }

  for (const nodeId of nodesOnCycles([...nodes.keys()], arcs)) {
    problems.push({ code: 'cycle', nodeId, message: `Node "${nodeId}" is part of a cycle` });
  }
  return problems;
}

/** A pool-run node must resolve to one pool that can serve it; interpreter nodes take no resources. */
function resourceProblems(node: TPipelineSpec['nodes'][number], defaultPool: string, pools: readonly TPoolCatalogEntry[]): TSpecProblem[] {
  if (defaultPool === 'control') {
    const asked = node.resources && (node.resources.pool || node.resources.poolLabel || node.resources.gpus);
    return asked ? [{ code: 'invalid_resources', nodeId: node.id, field: 'resources', message: `"${node.id}" runs in the interpreter, not on a pool: it takes no pool or GPUs` }] : [];
  }
  const resolved = resolveResources(node.resources, defaultPool, pools);
  return resolved.ok ? [] : [{ code: 'invalid_resources', nodeId: node.id, field: resolved.field, message: `"${node.id}": ${resolved.message}` }];
}
