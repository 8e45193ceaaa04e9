'use client';

import { nodeKindDefinition, type TPipelineNode, type TPoolCatalogEntry, type TSpecProblem } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { ConfigFields } from './config-fields';
import { ExecutionFields } from './execution-fields';
import { NodeIdField } from './node-id-field';
import { ResourceFields } from './resource-fields';
import { SecretFields } from './secret-fields';

type TProps = {
  node: TPipelineNode;
  problems: readonly TSpecProblem[];
  /** the platform's pools, for the resources section */
  pools: readonly TPoolCatalogEntry[];
  onChange: (patch: Partial<Omit<TPipelineNode, 'id'>>) => void;
  /** why a new id is refused, or null */
  idProblem: (next: string) => string | null;
  onRename: (next: string) => void;
  onDelete: () => void;
  /** viewers see the form disabled (CodeMirror is not a form control, so it is told separately) */
  readOnly?: boolean;
};

/** Everything about the selected node; edits go straight to the spec. Keyed by node id by the caller. */
export function PropertyPanel({ node, problems, pools, onChange, idProblem, onRename, onDelete, readOnly = false }: TProps) {
  const definition = nodeKindDefinition(node.kind);
  return (
    <div className="space-y-5 p-4" data-testid="property-panel">
      <div>
        <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{definition?.title ?? node.kind}</div>
        <div className="font-mono text-sm text-slate-700">{node.label || node.id}</div>
      </div>
      <NodeProblems problems={problems} />
      <NodeIdField id={node.id} problem={idProblem} onRename={onRename} readOnly={readOnly} />
      <Field label="Label">
        <Input value={node.label} maxLength={120} placeholder={node.id} onChange={(e) => onChange({ label: e.target.value })} />
      </Field>
      <ConfigFields node={node} readOnly={readOnly} onConfig={(config) => onChange({ config })} />
      {/* 'control' kinds run in the interpreter: no pool, nothing to reserve */}
      {definition && definition.defaultPool !== 'control' ? (
        <>
          <ResourceFields node={node} defaultPool={definition.defaultPool} pools={pools} onChange={onChange} />
          <SecretFields node={node} onChange={onChange} readOnly={readOnly} />
        </>
      ) : null}
      {definition?.executor !== 'approval' ? <ExecutionFields node={node} onChange={onChange} /> : null}
      {readOnly ? null : (
        <Button variant="danger" onClick={onDelete} data-testid="delete-node">
          Delete node
        </Button>
      )}
    </div>
  );
}

export function NodeProblems({ problems }: { problems: readonly TSpecProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800" data-testid="node-problems">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>{p.message}</li>
      ))}
    </ul>
  );
}

/** Shown when several nodes are selected. */
export function SelectionPanel({ count, onDuplicate, onDelete }: { count: number; onDuplicate: () => void; onDelete: () => void }) {
  return (
    <div className="space-y-3 p-4" data-testid="selection-panel">
      <p className="text-sm text-slate-700">{count} nodes selected.</p>
      <div className="flex gap-2">
        <Button onClick={onDuplicate}>Duplicate</Button>
        <Button variant="danger" onClick={onDelete} data-testid="delete-selection">
          Delete {count} nodes
        </Button>
      </div>
    </div>
  );
}

/** Shown when only edges are selected. */
export function EdgePanel({ count, onDelete }: { count: number; onDelete: () => void }) {
  return (
    <div className="space-y-3 p-4">
      <p className="text-sm text-slate-700">{count === 1 ? 'One connection selected.' : `${count} connections selected.`}</p>
      <Button variant="danger" onClick={onDelete} data-testid="delete-edge">
        Delete {count === 1 ? 'connection' : 'connections'}
      </Button>
    </div>
  );
}
