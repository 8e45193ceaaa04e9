// `npm run dev`: the whole stack with one command. Starts (or uses, when configured) PostgreSQL
// and Temporal, migrates and seeds, then runs the control worker, a CPU pool worker and Next.js.
import net from 'node:net';
import path from 'node:path';
import { isStopping, spawnService, stopAll, tailOf, type Service } from './lib/processes';
import { startPostgres } from './lib/postgres';
import { assertPostgresCanRun } from './lib/postgres-access';
import { failureText } from './lib/setup-error';
import { startTemporal } from './lib/temporal';
import { ensureSandboxPackages } from './lib/system-packages';
import { secureStateDir, temporalDbFile, weftDir } from './lib/state-dir';
import { stateSecret } from './lib/state-secret';
import { ensureVenv, repoRoot } from './lib/venv';

const logsDir = path.join(weftDir, 'logs');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const rel = (p: string) => path.relative(process.cwd(), p) || '.';

function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

/** A dev stack with a dead part is misleading: show why and stop the rest. */
function exitWithStackOn(service: Service): void {
  void service.exited.then(async (code) => {
    if (isStopping()) return;
    if (service.logFile) console.error(`--- last lines of ${rel(service.logFile)}\n${tailOf(service.logFile)}\n---`);
    console.error(`[weft] ${service.name} stopped (code ${code}); stopping everything`);
    await stopAll();
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const webPort = Number(process.env.WEFT_PORT || 3000);
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  // Before the venv is built and Temporal started: a PostgreSQL that cannot start stops us at once.
  secureStateDir(); // (first: it sets the modes the PostgreSQL check looks at)
  if (!process.env.DATABASE_URL) await assertPostgresCanRun(path.join(weftDir, 'pg'));
  const venv = await ensureVenv();
  const secret = stateSecret('BETTER_AUTH_SECRET', 'auth-secret');
  // project secrets' master key (web only) and the token pool workers fetch step secrets with
  const secretsKey = stateSecret('WEFT_SECRETS_KEY', 'secrets-key');
  const workerToken = stateSecret('WEFT_WORKER_TOKEN', 'worker-token');
  ensureSandboxPackages();

  const [databaseUrl, temporal] = await Promise.all([
    process.env.DATABASE_URL ||
      startPostgres({ dataDir: path.join(weftDir, 'pg'), port: 5488, persistent: true }).then((pg) => {
        console.log(`[weft] DATABASE_URL not set: started embedded PostgreSQL on 127.0.0.1:5488 (data in ${rel(path.join(weftDir, 'pg'))})`);
        return pg.url;
      }),
    process.env.TEMPORAL_ADDRESS
      ? { address: process.env.TEMPORAL_ADDRESS, uiPort: undefined }
      : startTemporal({
          binary: venv.temporal,
          port: 7233,
          uiPort: 8233,
          dbFile: temporalDbFile,
          namespaces: namespace === 'default' ? [] : [namespace],
          logFile: path.join(logsDir, 'temporal.log'),
        }).then((t) => {
          console.log(`[weft] TEMPORAL_ADDRESS not set: started Temporal dev server on ${t.address}`);
          return { address: t.address, uiPort: 8233 };
        }),
  ]);

  const { prepareDatabase } = await import('../server/db/prepare');
  const prepared = await prepareDatabase(databaseUrl);
  if (prepared?.seededUsers?.length) {
    console.log('[weft] first start: seeded users (change these passwords):');
    for (const u of prepared.seededUsers) console.log(`         ${u.email}  ${u.password}  (${u.role})`);
  }

  // Shared by every child; the database and auth secret are added only where needed.
  const { DATABASE_URL: _db, BETTER_AUTH_SECRET: _secret, WEFT_SECRETS_KEY: _key, WEFT_WORKER_TOKEN: _token, ...baseEnv } = process.env;
  const common: NodeJS.ProcessEnv = {
    ...baseEnv,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    WEFT_ARTIFACTS_DIR: path.join(weftDir, 'artifacts'),
  };
  const log = (name: string) => path.join(logsDir, `${name}.log`);
  const services = await Promise.all([
    // (the secrets key: the control worker posts alert webhooks, whose URLs are project secrets)
    spawnService('control-worker', bin('tsx'), ['workflows/worker.ts', '--role', 'control'], {
      cwd: repoRoot,
      env: { ...common, DATABASE_URL: databaseUrl, WEFT_SECRETS_KEY: secretsKey },
      logFile: log('control-worker'),
    }),
    // Pool workers run user code: no database credentials, no auth secret, no secrets key.
    spawnService('pool-worker-cpu', bin('tsx'), ['workflows/worker.ts', '--pool', 'cpu'], {
      cwd: repoRoot,
      env: { ...common, WEFT_PYTHON: venv.python, WEFT_WEB_URL: `http://127.0.0.1:${webPort}`, WEFT_WORKER_TOKEN: workerToken },
      logFile: log('pool-worker-cpu'),
    }),
    // (Weft's server around Next: it resolves the client's address for the sign-in rate limit)
    spawnService('web', bin('tsx'), ['scripts/web.ts', '--dev', '--port', String(webPort)], {
      cwd: repoRoot,
      env: {
        ...common,
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: secret,
        WEFT_SECRETS_KEY: secretsKey,
        WEFT_WORKER_TOKEN: workerToken,
        BETTER_AUTH_URL: `http://localhost:${webPort}`,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      logFile: log('web'),
      ports: [webPort],
    }),
  ]);
  services.forEach(exitWithStackOn);

  if (!(await waitForPort(webPort, 60_000))) console.error(`[weft] web is not listening yet; see ${rel(log('web'))}`);
  console.log(
    [
      '',
      `  Weft UI       http://localhost:${webPort}`,
      ...(temporal.uiPort ? [`  Temporal UI   http://localhost:${temporal.uiPort}`] : []),
      `  Logs          ${rel(logsDir)}/`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch(async (err: unknown) => {
  console.error(`[weft] dev failed: ${failureText(err)}`);
  await stopAll();
  process.exit(1);
});
