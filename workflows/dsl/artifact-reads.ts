import { libraryArtifactReads } from './ml-steps/library-kind';
import type { TPlan, TPlanStep } from './plan';

/** A stored artifact a step reads by its hash (Load dataset's artifact source): where it is named, and the hash. */
export type TPlanArtifactRead = { step: string; name: string; hash: string };

/**
 * Every stored artifact a run of `plan` would read by hash: its library steps', its for-each
 * bodies' and reduces', and its sub-pipelines' (whose runs get their plans' defaults), found before
 * the run starts so that web can check them against the project. A read whose parameter is
 * missing or not a hash is left to the step, which fails saying so.
 */
export function planArtifactReads(plan: TPlan, params: Readonly<Record<string, unknown>>): TPlanArtifactRead[] {
  return plan.steps.flatMap((step) => stepReads(step, params));
}

function stepReads(step: TPlanStep, params: Readonly<Record<string, unknown>>): TPlanArtifactRead[] {
  const label = `Step "${step.label || step.nodeId}"`;
  const ofLibrary = (config: Parameters<typeof libraryArtifactReads>[0], where: string) => {
    const reads = libraryArtifactReads(config, params);
    return 'error' in reads ? [] : reads.map((r) => ({ step: where, name: r.name.startsWith('params.') ? r.name : `config.${r.name}`, hash: r.hash }));
  };
  switch (step.executor) {
    case 'python_library':
      return ofLibrary(step.config, label);
    case 'foreach': {
      const { step: body, reduce } = step.config;
      return [...(body.kind === 'python_library' ? ofLibrary(body, `${label} (each item)`) : []), ...(reduce ? ofLibrary(reduce, `${label} (reduce)`) : [])];
    }
    case 'subpipeline':
      return planArtifactReads(step.config.plan, step.config.plan.parameters).map((r) => ({ ...r, step: `${label} → ${r.step}` }));
    default:
      return [];
  }
}
