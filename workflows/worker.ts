import os from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConnectionOptions, temporalNamespace } from '../server/temporal/client';
import { createDatabase } from '../server/db/client';
import { createPythonServer } from './executors/python';
import { createControlWorker, createPoolWorker } from './worker-factory';

/**
 * Worker entry: `--role control` runs the interpreter and the control activities (the only
 * process that writes Postgres); `--pool <name>` runs step activities for one pool.
 * Env: WEFT_ROLE / WEFT_POOL as alternatives to the flags.
 */
async function main() {
  const { values } = parseArgs({ options: { role: { type: 'string' }, pool: { type: 'string' } } });
  const pool = values.pool ?? process.env.WEFT_POOL;
  const role = values.role ?? process.env.WEFT_ROLE ?? (pool ? 'pool' : undefined);
  if (role !== 'control' && !(role === 'pool' && pool)) {
    throw new Error('Usage: worker --role control | --pool <name>');
  }
  const namespace = temporalNamespace();
  const connection = await NativeConnection.connect(temporalConnectionOptions());
  let worker: Worker;
  let stop = () => undefined as void;
  if (role === 'control') {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('The control worker needs DATABASE_URL');
    worker = await createControlWorker({ connection, namespace, db: createDatabase(databaseUrl).db });
  } else {
    const client = new Client({ connection: await Connection.connect(temporalConnectionOptions()), namespace });
    const python = process.env.WEFT_PYTHON ?? 'python3';
    const pythonServer = createPythonServer(python);
    stop = () => pythonServer?.close();
    worker = await createPoolWorker({ connection, namespace, pool: pool!, client, python, pythonServer, identity: `${pool}@${os.hostname()}:${process.pid}` });
  }
  console.log(`[weft] ${role === 'control' ? 'control worker' : `pool worker "${pool}"`} polling (namespace ${namespace})`);
  await worker.run().finally(stop);
}

main().catch((error) => {
  console.error('[weft] worker failed:', error);
  process.exit(1);
});
