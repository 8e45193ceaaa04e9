import { z } from 'zod';
import { getLineage } from '../../services/lineage/get-lineage';
import { modelMetrics } from '../../services/monitoring/model-metrics';
import { modelMonitoring } from '../../services/monitoring/model-monitoring';
import { changeModel } from '../../services/registry/change-model';
import { listProjectModels } from '../../services/registry/list-project-models';
import { modelOverview } from '../../services/registry/model-overview';
import { ZAliasSchema } from '../../services/registry/requests';
import { setAlias } from '../../services/registry/set-alias';
import { setProtectedAliases } from '../../services/registry/set-protected-aliases';
import { versionCard } from '../../services/registry/version-card';
import { versionSignature } from '../../services/registry/version-signature';
import { processArtifactStore } from '../../artifacts/process-store';
import { projectProcedure, router } from '../init';

const name = z.string().trim().min(1, 'name: a model name is required').max(256);
const version = z.number().int().min(1);

export const modelsRouter = router({
  list: projectProcedure('viewer').query(({ ctx, input }) => listProjectModels(ctx.db, input)),
  get: projectProcedure('viewer')
    .input(z.object({ name }))
    .query(({ ctx, input }) => modelOverview(ctx.db, input)),
  /** drift checks over time, alert rules and alerts of a model (its Monitoring page) */
  monitoring: projectProcedure('viewer')
    .input(z.object({ name }))
    .query(({ ctx, input }) => modelMonitoring(ctx.db, input)),
  /** the model's evaluations over time from the tracking store (its Monitoring page's metrics chart) */
  metrics: projectProcedure('viewer')
    .input(z.object({ name }))
    .query(({ ctx, input }) => modelMetrics(ctx.db, input)),
  version: projectProcedure('viewer')
    .input(z.object({ name, version }))
    .query(({ ctx, input }) => versionCard(ctx.db, input)),
  /** read from the version's MLmodel file in the artifact store (apart from the card: the store may be slow or away) */
  signature: projectProcedure('viewer')
    .input(z.object({ name, version }))
    .query(({ ctx, input }) => versionSignature({ db: ctx.db, store: processArtifactStore() }, input)),
  /** the graph around a model version or an artifact (by sha256) */
  lineage: projectProcedure('viewer')
    .input(z.object({ from: z.union([z.object({ model: z.object({ name, version }) }), z.object({ artifact: z.string().regex(/^[0-9a-f]{64}$/, 'artifact: a sha256 in hex') })]) }))
    .query(({ ctx, input }) => getLineage(ctx.db, input)),
  describe: projectProcedure('editor')
    .input(z.object({ name, description: z.string().max(65_535, 'description: at most 65,535 characters') }))
    .mutation(({ ctx, input }) => changeModel(ctx.db, { userId: ctx.user.id, projectId: input.projectId, tokenRole: null }, input.name, { kind: 'describe', description: input.description })),
  /** the same rule as the MLflow API's alias: a protected alias opens an approval, another moves at once */
  requestPromotion: projectProcedure('editor')
    .input(z.object({ name, version, alias: ZAliasSchema }))
    .mutation(({ ctx, input }) => setAlias(ctx.db, { userId: ctx.user.id, projectId: input.projectId, tokenRole: null }, input)),
  setProtectedAliases: projectProcedure('admin')
    .input(z.object({ name, aliases: z.array(ZAliasSchema).max(20) }))
    .mutation(({ ctx, input }) => setProtectedAliases(ctx.db, { ...input, userId: ctx.user.id })),
});
