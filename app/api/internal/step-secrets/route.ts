import { getDb } from '@/server/db/client';
import { createStepSecretsHandler } from '@/server/http/step-secrets-handler';

export const dynamic = 'force-dynamic';

/** Pool workers fetch a step attempt's secrets here (see createStepSecretsHandler). */
export const POST = createStepSecretsHandler({ db: getDb, workerToken: () => process.env.WEFT_WORKER_TOKEN });
