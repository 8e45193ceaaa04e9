'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { layoutInWorker } from './layout-client';
import { anchorAt, layoutRequest, needsLayout } from './layout-graph';
import { moveNodes } from './spec-edits';
import type { TEditOptions, TSpecEdit } from './use-spec-editor';

type TOptions = {
  spec: TPipelineSpec;
  edit: ((fn: TSpecEdit, options?: TEditOptions) => void) | undefined;
  fitViewOptions: Parameters<ReturnType<typeof useReactFlow>['fitView']>[0];
};

/**
 * "Tidy": ELK's layered layout computed in a Web Worker, applied as one edit (one undo step),
 * then the view fitted to it. A pipeline that opens with overlapping nodes (imported or generated
 * without positions) is tidied once by itself.
 */
export function useAutoLayout({ spec, edit, fitViewOptions }: TOptions) {
  const { getNodes, fitView } = useReactFlow();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ spec, fitViewOptions });
  useEffect(() => {
    latest.current = { spec, fitViewOptions };
  });

  const tidy = useCallback(async () => {
    if (!edit) return;
    const before = latest.current.spec;
    if (before.nodes.length === 0) return;
    const sizes = new Map(getNodes().flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
    setRunning(true);
    setError(null);
    try {
      const positions = await layoutInWorker(layoutRequest(before, sizes));
      const origin = { x: Math.min(...before.nodes.map((n) => n.position.x)), y: Math.min(...before.nodes.map((n) => n.position.y)) };
      edit((s) => moveNodes(s, anchorAt(positions, origin)));
      // Fit once React Flow has the new positions (next frame).
      requestAnimationFrame(() => void fitView(latest.current.fitViewOptions));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  }, [edit, getNodes, fitView]);

  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !edit) return;
    checked.current = true;
    if (needsLayout(spec)) void tidy();
  }, [spec, edit, tidy]);

  return { tidy, running, error };
}
