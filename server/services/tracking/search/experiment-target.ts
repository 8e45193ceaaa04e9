import { sql } from 'drizzle-orm';
import { trackingExperiments, trackingExperimentTags } from '../../../../drizzle/schema';
import type { TSearchTarget } from './search-sql';

/** Experiments as MLflow searches them: by name, times and tags. */
export const EXPERIMENT_TARGET: TSearchTarget = {
  what: 'experiments',
  attributes: {
    name: { column: trackingExperiments.name, type: 'string' },
    experiment_id: { column: sql`${trackingExperiments.id}::text`, type: 'string' },
    creation_time: { column: trackingExperiments.creationTime, type: 'number' },
    last_update_time: { column: trackingExperiments.lastUpdateTime, type: 'number' },
  },
  related: {
    tag: {
      type: 'string',
      exists: (key, compare) =>
        sql`exists (select 1 from ${trackingExperimentTags} where ${trackingExperimentTags.experimentId} = ${trackingExperiments.id} and ${trackingExperimentTags.key} = ${key} and ${compare(trackingExperimentTags.value)})`,
      value: (key) =>
        sql`select ${trackingExperimentTags.value} from ${trackingExperimentTags} where ${trackingExperimentTags.experimentId} = ${trackingExperiments.id} and ${trackingExperimentTags.key} = ${key}`,
    },
  },
};
