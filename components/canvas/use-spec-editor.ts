'use client';

import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_POOLS, problemsByNode, validateSpec, type TPipelineSpec, type TPoolCatalogEntry, type TSpecProblem } from '@/workflows/dsl';

export type TSpecEdit = (spec: TPipelineSpec) => TPipelineSpec;

/**
 * The spec being edited and its live validation against `pools` (node resources must resolve to
 * one). `revision` counts user edits (0 = as loaded), so autosave knows when there is something to save.
 */
export function useSpecEditor(initial: TPipelineSpec, pools: readonly TPoolCatalogEntry[] = DEFAULT_POOLS) {
  const [state, setState] = useState({ spec: initial, revision: 0 });

  const edit = useCallback((fn: TSpecEdit) => {
    setState((prev) => {
      const spec = fn(prev.spec);
      return spec === prev.spec ? prev : { spec, revision: prev.revision + 1 };
    });
  }, []);

  const validation = useMemo(() => validateSpec(state.spec, pools), [state.spec, pools]);
  const nodeProblems = useMemo(() => problemsByNode(validation.problems), [validation]);
  const edgeProblemIds = useMemo(() => new Set(validation.problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))), [validation]);
  // Problems of the whole pipeline (e.g. "no nodes"), shown in the toolbar rather than on a node.
  const pipelineProblems = useMemo<TSpecProblem[]>(() => validation.problems.filter((p) => !p.nodeId && !p.edgeId), [validation]);

  return { spec: state.spec, revision: state.revision, problems: validation.problems, nodeProblems, edgeProblemIds, pipelineProblems, edit };
}

export type TSpecEditor = ReturnType<typeof useSpecEditor>;
