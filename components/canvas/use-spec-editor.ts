'use client';

import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_POOLS, problemsByNode, validateSpec, type TPipelineSpec, type TPoolCatalogEntry, type TSpecProblem } from '@/workflows/dsl';
import { labelProblems } from './problem-labels';
import { createHistory, record, redo as redoHistory, undo as undoHistory, type THistory } from './spec-history';

export type TSpecEdit = (spec: TPipelineSpec) => TPipelineSpec;
/** `coalesce`: edits with the same key in quick succession (typing in one field) are one undo step. */
export type TEditOptions = { coalesce?: string };

type TState = { history: THistory<TPipelineSpec>; revision: number };

/**
 * The spec being edited, its undo history, and its live validation against `pools` (node resources
 * must resolve to one). `revision` counts changes, undo and redo included (0 = as loaded), so
 * autosave saves whatever the spec now is, never an undone state.
 */
export function useSpecEditor(initial: TPipelineSpec, pools: readonly TPoolCatalogEntry[] = DEFAULT_POOLS) {
  const [state, setState] = useState<TState>(() => ({ history: createHistory(initial), revision: 0 }));
  const step = useCallback((move: (h: THistory<TPipelineSpec>) => THistory<TPipelineSpec>) => {
    setState((prev) => {
      const history = move(prev.history);
      return history === prev.history ? prev : { history, revision: prev.revision + 1 };
    });
  }, []);

  const edit = useCallback(
    (fn: TSpecEdit, options: TEditOptions = {}) => step((h) => record(h, fn(h.present), { coalesce: options.coalesce, now: Date.now() })),
    [step],
  );
  const undo = useCallback(() => step(undoHistory), [step]);
  const redo = useCallback(() => step(redoHistory), [step]);

  const spec = state.history.present;
  const validation = useMemo(() => validateSpec(spec, pools), [spec, pools]);
  // Messages name nodes by their labels, as the canvas shows them.
  const problems = useMemo(() => labelProblems(validation.problems, spec), [validation, spec]);
  const nodeProblems = useMemo(() => problemsByNode(problems), [problems]);
  const edgeProblemIds = useMemo(() => new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))), [problems]);
  // Problems of the whole pipeline (e.g. "no nodes"), shown in the toolbar rather than on a node.
  const pipelineProblems = useMemo<TSpecProblem[]>(() => problems.filter((p) => !p.nodeId && !p.edgeId), [problems]);

  return {
    spec,
    revision: state.revision,
    problems,
    nodeProblems,
    edgeProblemIds,
    pipelineProblems,
    edit,
    undo,
    redo,
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
  };
}

export type TSpecEditor = ReturnType<typeof useSpecEditor>;
