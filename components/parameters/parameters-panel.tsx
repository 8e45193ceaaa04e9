'use client';

import type { TPipelineSpec } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { addParameter, parameterList, parameterNameProblem, removeParameter, renameParameter, setParameter } from './parameter-edits';
import { ParameterRow } from './parameter-row';

type TEdit = (fn: (spec: TPipelineSpec) => TPipelineSpec, options?: { coalesce?: string }) => void;

/** The pipeline's typed parameters: what a run is asked for, and what expressions read as `params.<name>`. */
export function ParametersPanel({ spec, edit }: { spec: TPipelineSpec; /** absent: read only */ edit?: TEdit }) {
  const parameters = parameterList(spec);
  return (
    <div className="space-y-3 p-4" data-testid="parameters-panel">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h2>
      <p className="text-xs text-slate-500">
        A run asks for these; steps get them, and conditions read them as <code className="font-mono">params.name</code>.
      </p>
      {parameters.length === 0 ? <p className="text-sm text-slate-500">No parameters.</p> : null}
      <fieldset disabled={!edit} className="min-w-0 space-y-3">
        {parameters.map(({ name, definition }) => (
          <ParameterRow
            key={name}
            name={name}
            definition={definition}
            nameProblem={(next) => parameterNameProblem(spec, name, next)}
            onRename={(next) => edit?.((s) => renameParameter(s, name, next))}
            // typing in one field is one undo step
            onChange={(next, field) => edit?.((s) => setParameter(s, name, next), { coalesce: `param:${name}:${field}` })}
            onRemove={() => edit?.((s) => removeParameter(s, name))}
          />
        ))}
      </fieldset>
      {edit ? (
        <Button onClick={() => edit((s) => addParameter(s).spec)} data-testid="add-parameter">
          Add parameter
        </Button>
      ) : null}
    </div>
  );
}
