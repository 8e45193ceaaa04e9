import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { TPipelineEdge, TPipelineNode, TPipelineSpec, TSpecProblem, TStepOrigin, TStepStatus } from '@/workflows/dsl';
import type { TDiffMark, TDiffMarks } from '@/components/versions/diff-canvas';

/**
 * React Flow nodes and edges derived from the spec. React Flow only owns what the spec does not
 * hold: selection, measured sizes and positions while a drag is in flight (the canvas lays those
 * over the derived nodes: withDragPositions). Derived objects are
 * reused while their inputs are unchanged, so that memoized nodes skip rendering (smooth drags on
 * large pipelines).
 */

/**
 * `origin`: executed here, taken from the step cache, or reused from the run this one retries.
 * `flag`: a live warning (e.g. no worker picked the step up). Times in epoch ms (compared by value).
 */
export type TStepView = { status: TStepStatus; attempts: number; origin: TStepOrigin; flag: string | null; startedAt: number | null; endedAt: number | null };

const sameStep = (a: TStepView | undefined, b: TStepView | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.status === b.status &&
    a.attempts === b.attempts &&
    a.origin === b.origin &&
    a.flag === b.flag &&
    a.startedAt === b.startedAt &&
    a.endedAt === b.endedAt);

export type TWeftNodeData = {
  node: TPipelineNode;
  problems: readonly TSpecProblem[];
  /** present in the run view only */
  step?: TStepView;
  /** present in the version diff only */
  diff?: TDiffMark;
};

export type TWeftFlowNode = Node<TWeftNodeData, 'weft'>;

export type TFlowInputs = {
  spec: TPipelineSpec;
  problems: ReadonlyMap<string, readonly TSpecProblem[]>;
  edgeProblemIds: ReadonlySet<string>;
  steps?: ReadonlyMap<string, TStepView>;
  /** the version diff: what each node and edge is to the older version */
  marks?: TDiffMarks;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
};

const NO_PROBLEMS: readonly TSpecProblem[] = [];
const problemsKey = (p: readonly TSpecProblem[]) => p.map((x) => x.message).join('\n');

export type TFlowCache = { nodes: Map<string, TWeftFlowNode>; edges: Map<string, Edge> };
export const newFlowCache = (): TFlowCache => ({ nodes: new Map(), edges: new Map() });

export function deriveNodes(input: TFlowInputs, cache: TFlowCache): TWeftFlowNode[] {
  const next = new Map<string, TWeftFlowNode>();
  const nodes = input.spec.nodes.map((node) => {
    const prev = cache.nodes.get(node.id);
    const problems = input.problems.get(node.id) ?? NO_PROBLEMS;
    const step = input.steps?.get(node.id);
    const diff = input.marks?.nodes.get(node.id);
    const measured = input.measured.get(node.id);
    const selected = input.selectedNodes.has(node.id);
    const reuse =
      prev &&
      prev.data.node === node &&
      problemsKey(prev.data.problems) === problemsKey(problems) &&
      sameStep(prev.data.step, step) &&
      prev.data.diff === diff &&
      prev.position.x === node.position.x &&
      prev.position.y === node.position.y &&
      prev.measured?.width === measured?.width &&
      prev.measured?.height === measured?.height &&
      prev.selected === selected;
    const flowNode: TWeftFlowNode = reuse
      ? prev
      : { id: node.id, type: 'weft', position: node.position, selected, data: { node, problems, ...(step ? { step } : {}), ...(diff ? { diff } : {}) }, ...(measured ? { measured } : {}) };
    next.set(node.id, flowNode);
    return flowNode;
  });
  cache.nodes = next;
  return nodes;
}

const EDGE_COLOR = '#94a3b8';
const INVALID_COLOR = '#dc2626';
// Shared marker objects: React Flow renders one <marker> per distinct marker, not one per edge.
const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: EDGE_COLOR };
const INVALID_ARROW = { ...ARROW, color: INVALID_COLOR };
const ADDED_COLOR = '#059669';
const DIFF_STYLE: Record<Exclude<TDiffMark, 'changed'>, Pick<Edge, 'style' | 'markerEnd' | 'ariaLabel'>> = {
  added: { style: { stroke: ADDED_COLOR, strokeWidth: 2.5 }, markerEnd: { ...ARROW, color: ADDED_COLOR }, ariaLabel: 'Edge added' },
  removed: { style: { stroke: INVALID_COLOR, strokeWidth: 2, strokeDasharray: '6 4' }, markerEnd: INVALID_ARROW, ariaLabel: 'Edge removed' },
};

function toFlowEdge(edge: TPipelineEdge, selected: boolean, invalid: boolean, mark: TDiffMark | undefined): Edge {
  // an edge is added or removed, never changed: it is what it connects
  if (mark && mark !== 'changed') {
    return { id: edge.id, source: edge.source, sourceHandle: edge.sourcePort, target: edge.target, targetHandle: edge.targetPort, selected, className: `diff-${mark}`, data: { mark }, ...DIFF_STYLE[mark] };
  }
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
    selected,
    markerEnd: invalid ? INVALID_ARROW : ARROW,
    ...(invalid ? { style: { stroke: INVALID_COLOR, strokeWidth: 2 }, ariaLabel: 'Edge with a problem' } : {}),
  };
}

export function deriveEdges(input: TFlowInputs, cache: TFlowCache): Edge[] {
  const next = new Map<string, Edge>();
  const edges = input.spec.edges.map((edge) => {
    const selected = input.selectedEdges.has(edge.id);
    const invalid = input.edgeProblemIds.has(edge.id);
    const mark = input.marks?.edges.get(edge.id);
    const prev = cache.edges.get(edge.id);
    const reuse =
      prev &&
      prev.source === edge.source &&
      prev.target === edge.target &&
      prev.sourceHandle === edge.sourcePort &&
      prev.targetHandle === edge.targetPort &&
      prev.selected === selected &&
      Boolean(prev.style) === (invalid || mark !== undefined) &&
      prev.data?.mark === mark;
    const flowEdge = reuse ? prev : toFlowEdge(edge, selected, invalid, mark);
    next.set(edge.id, flowEdge);
    return flowEdge;
  });
  cache.edges = next;
  return edges;
}

/** The nodes with the positions of a drag in flight: only the dragged ones are new objects. */
export function withDragPositions(nodes: TWeftFlowNode[], dragging: ReadonlyMap<string, { x: number; y: number }>): TWeftFlowNode[] {
  if (dragging.size === 0) return nodes;
  return nodes.map((node) => {
    const position = dragging.get(node.id);
    return position ? { ...node, position } : node;
  });
}

/** The ids of `selected` that still name an element: the same set when all do (an undo may remove selected nodes). */
export function keepExisting(selected: ReadonlySet<string>, elements: readonly { id: string }[]): ReadonlySet<string> {
  if (selected.size === 0) return selected;
  const live = new Set<string>();
  for (const { id } of elements) if (selected.has(id)) live.add(id);
  return live.size === selected.size ? selected : live;
}
