import type { TPipelineSpec, TSpecProblem } from '../../../workflows/dsl';
import type { TDbOrTx } from '../../db/client';
import { missingSecrets } from './missing-secrets';

/** A node naming a secret the project does not have: a problem on that node, found when a version is saved. */
export async function secretProblems(db: TDbOrTx, projectId: string, spec: TPipelineSpec): Promise<TSpecProblem[]> {
  const names = [...new Set(spec.nodes.flatMap((node) => node.secrets ?? []))];
  const missing = new Set(await missingSecrets(db, projectId, names));
  return spec.nodes.flatMap((node) =>
    (node.secrets ?? [])
      .filter((name) => missing.has(name))
      .map((name): TSpecProblem => ({ code: 'invalid_secrets', nodeId: node.id, field: 'secrets', message: `"${node.id}": secret "${name}" does not exist in the project` })),
  );
}
