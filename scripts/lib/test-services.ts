// Services for `npm test`: the real PostgreSQL and Temporal the integration tests run against,
// on their own ports and data directories so a running `npm run dev` is never disturbed.
import path from 'node:path';
import { startPostgres } from './postgres';
import { assertPostgresCanRun } from './postgres-access';
import { ensureNamespaces, startTemporal } from './temporal';
import { ensureVenv, repoRoot } from './venv';

/** One per vitest worker (VITEST_POOL_ID 1..n), so parallel files never share task queues. */
export const TEST_NAMESPACES = ['weft-test-1', 'weft-test-2', 'weft-test-3', 'weft-test-4'];

export interface TestServices {
  /** DATABASE_URL (superuser, database `weft`), TEMPORAL_ADDRESS, WEFT_PYTHON, WEFT_TEMPORAL_CLI, WEFT_TEST_NAMESPACES. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const dir = path.join(repoRoot, '.weft', 'test');

/**
 * Added to every port `npm test` listens on, so that a second checkout (a git worktree) can run its
 * tests beside this one's; 0 unless WEFT_TEST_PORT_OFFSET is set.
 */
export const testPort = (port: number) => port + Number(process.env.WEFT_TEST_PORT_OFFSET || 0);

/** Throws a SetupError when a service startTestServices() would start cannot start (a cheap check, run first). */
export async function assertTestServicesCanStart(): Promise<void> {
  if (!process.env.DATABASE_URL) await assertPostgresCanRun(path.join(dir, 'pg'));
}

export async function startTestServices(): Promise<TestServices> {
  const venv = await ensureVenv();
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s();
  };
  try {
    const [databaseUrl, temporalAddress] = await Promise.all([
      process.env.DATABASE_URL ||
        startPostgres({ dataDir: path.join(dir, 'pg'), port: testPort(5499), persistent: false }).then((pg) => {
          stops.push(pg.stop);
          return pg.url;
        }),
      process.env.TEMPORAL_ADDRESS
        ? ensureNamespaces(process.env.TEMPORAL_ADDRESS, TEST_NAMESPACES).then(() => process.env.TEMPORAL_ADDRESS!)
        : startTemporal({
            binary: venv.temporal,
            port: testPort(7299),
            namespaces: TEST_NAMESPACES,
            logFile: path.join(dir, 'logs', 'temporal.log'),
          }).then((t) => {
            stops.push(t.stop);
            return t.address;
          }),
    ]);
    return {
      env: {
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        WEFT_PYTHON: venv.python,
        WEFT_TEMPORAL_CLI: venv.temporal,
        WEFT_TEST_NAMESPACES: TEST_NAMESPACES.join(','),
      },
      stop,
    };
  } catch (err) {
    // Promise.all rejects on the first failure; the other start may still be running, and its
    // cleanup is registered with processes.ts, so stopAll() in the caller covers it.
    await stop();
    throw err;
  }
}
