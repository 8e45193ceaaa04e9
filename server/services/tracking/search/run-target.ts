import { sql } from 'drizzle-orm';
import { trackingDatasets, trackingInputs, trackingLatestMetrics, trackingParams, trackingRuns, trackingTags } from '../../../../drizzle/schema';
import type { TSearchTarget } from './search-sql';

const keyValue = (table: typeof trackingParams | typeof trackingTags) => ({
  type: 'string' as const,
  exists: (key: string, compare: (value: typeof table.value) => ReturnType<typeof sql>) =>
    sql`exists (select 1 from ${table} where ${table.runUuid} = ${trackingRuns.runUuid} and ${table.key} = ${key} and ${compare(table.value)})`,
  value: (key: string) => sql`select ${table.value} from ${table} where ${table.runUuid} = ${trackingRuns.runUuid} and ${table.key} = ${key}`,
});

/** Runs as MLflow searches them: metrics compare the latest value, params and tags their value. */
export const RUN_TARGET: TSearchTarget = {
  what: 'runs',
  attributes: {
    run_id: { column: trackingRuns.runUuid, type: 'string' },
    run_name: { column: trackingRuns.name, type: 'string' },
    status: { column: sql`${trackingRuns.status}::text`, type: 'string' },
    user_id: { column: trackingRuns.userId, type: 'string' },
    artifact_uri: { column: trackingRuns.artifactUri, type: 'string' },
    start_time: { column: trackingRuns.startTime, type: 'number' },
    created: { column: trackingRuns.startTime, type: 'number' },
    end_time: { column: trackingRuns.endTime, type: 'number' },
  },
  related: {
    metric: {
      type: 'number',
      exists: (key, compare) =>
        sql`exists (select 1 from ${trackingLatestMetrics} where ${trackingLatestMetrics.runUuid} = ${trackingRuns.runUuid} and ${trackingLatestMetrics.key} = ${key} and ${compare(trackingLatestMetrics.value)})`,
      value: (key) => sql`select ${trackingLatestMetrics.value} from ${trackingLatestMetrics} where ${trackingLatestMetrics.runUuid} = ${trackingRuns.runUuid} and ${trackingLatestMetrics.key} = ${key}`,
    },
    param: keyValue(trackingParams),
    tag: keyValue(trackingTags),
    dataset: {
      type: 'string',
      keys: ['name', 'digest'],
      exists: (key, compare) =>
        sql`exists (select 1 from ${trackingInputs} join ${trackingDatasets} on ${trackingDatasets.id} = ${trackingInputs.datasetId} where ${trackingInputs.runUuid} = ${trackingRuns.runUuid} and ${compare(key === 'name' ? trackingDatasets.name : trackingDatasets.digest)})`,
    },
  },
};
