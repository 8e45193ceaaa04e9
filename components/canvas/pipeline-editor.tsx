'use client';

import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { TNodeKind, TPipelineSpec } from '@/workflows/dsl';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { EditorSidePanel } from './editor-side-panel';
import { EditorToolbar } from './editor-toolbar';
import { Palette } from './palette';
import { PipelineCanvas } from './pipeline-canvas';
import { addNode, nextNodeId } from './spec-edits';
import { useAutosave } from './use-autosave';
import { useFlowCanvas } from './use-flow-canvas';
import { usePoolCatalog } from './use-pool-catalog';
import { useSpecEditor } from './use-spec-editor';

/** Half a node's size: a dropped node is centred under the cursor. */
const DROP_OFFSET = { x: 104, y: 36 };

export function PipelineEditor({ pipelineId }: { pipelineId: string }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.pipelines.get.queryOptions({ projectId: project.id, pipelineId }));
  if (pipeline.isPending) return <p className="p-6 text-sm text-slate-500">Loading pipeline…</p>;
  if (pipeline.isError) {
    return (
      <div className="p-6">
        <ErrorText error={pipeline.error} />
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      {/* The draft seeds the editor once; later refetches (new versions) must not undo local edits. */}
      <EditorWorkspace key={pipelineId} pipeline={pipeline.data} />
    </ReactFlowProvider>
  );
}

type TPipeline = { id: string; name: string; draft: TPipelineSpec; versions: { id: string; number: number; message: string }[] };

function EditorWorkspace({ pipeline }: { pipeline: TPipeline }) {
  const { project, canEdit, canRun } = useProject();
  const pools = usePoolCatalog();
  const editor = useSpecEditor(pipeline.draft, pools);
  const edit = canEdit ? editor.edit : undefined;
  const flow = useFlowCanvas({ spec: editor.spec, nodeProblems: editor.nodeProblems, edgeProblemIds: editor.edgeProblemIds, edit });
  const autosave = useAutosave({ projectId: project.id, pipelineId: pipeline.id, spec: editor.spec, revision: editor.revision, enabled: canEdit });
  const [runsOpen, setRunsOpen] = useState(false);
  const { screenToFlowPosition } = useReactFlow();
  const { selectOnly } = flow;

  const addAt = useCallback(
    (kind: TNodeKind, position: { x: number; y: number }) => {
      const id = nextNodeId(editor.spec, kind);
      editor.edit((s) => addNode(s, kind, { x: position.x - DROP_OFFSET.x, y: position.y - DROP_OFFSET.y }, id));
      selectOnly(id);
      setRunsOpen(false);
    },
    [editor, selectOnly],
  );

  return (
    <div className="flex h-full flex-col">
      <EditorToolbar
        projectId={project.id}
        pipeline={pipeline}
        spec={editor.spec}
        problemCount={editor.problems.length}
        autosave={autosave}
        canEdit={canEdit}
        canRun={canRun}
        runsOpen={runsOpen}
        onToggleRuns={() => setRunsOpen((o) => !o)}
      />
      <div className="flex min-h-0 flex-1">
        {canEdit ? <Palette onAdd={(kind) => addAt(kind, screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 }))} /> : null}
        <div className="relative min-w-0 flex-1">
          <PipelineCanvas flow={flow} editable={canEdit} onDropKind={addAt} />
          {editor.spec.nodes.length === 0 ? (
            <p className="pointer-events-none absolute inset-x-0 top-1/3 text-center text-sm text-slate-400">
              {canEdit ? 'Drag a step from the palette to start.' : 'This pipeline is empty.'}
            </p>
          ) : null}
        </div>
        <EditorSidePanel projectId={project.id} pipelineId={pipeline.id} editor={editor} pools={pools} flow={flow} canEdit={canEdit} runsOpen={runsOpen} />
      </div>
    </div>
  );
}
