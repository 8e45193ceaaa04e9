// `npm test`: starts real PostgreSQL and Temporal, runs vitest, then Playwright against a built
// app stack, and ends with one plain "N passed, N failed" line that CI can read.
//   npm test -- <vitest args>       only vitest, with those args (e2e skipped)
//   WEFT_TEST_ONLY=unit|integration|e2e   unit = workflows/dsl (no services)
//   WEFT_TEST_ONLY=e2e npm test -- e2e/<spec>   only those Playwright specs
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnService, stopAll } from './lib/processes';
import { createDatabase } from './lib/postgres';
import { failureText } from './lib/setup-error';
import { assertTestServicesCanStart, startTestServices, testPort } from './lib/test-services';
import { ensureSandboxPackages } from './lib/system-packages';
import { secureStateDir } from './lib/state-dir';
import { ensureVenv, repoRoot } from './lib/venv';
import { buildWebApp, startWebApp } from './lib/web-app';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const testDir = path.join(repoRoot, '.weft', 'test');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const E2E_PORT = testPort(3099);

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs a command with this terminal's stdio (in its own group, stopped with everything else). */
async function runInherited(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const service = await spawnService(name, cmd, args, { cwd: repoRoot, env, oneShot: true });
  return service.exited;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

/** A world-writable directory (sticky, as /tmp) for the tests' steps, whatever uid they run as. */
function stepSharedDir(): string {
  const dir = path.join(os.tmpdir(), `weft-test-shared-${testPort(0)}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o1777);
  return dir;
}

async function runVitest(env: NodeJS.ProcessEnv, filters: string[]): Promise<Tally> {
  const out = path.join(testDir, 'vitest.json');
  rmSync(out, { force: true });
  const code = await runInherited(
    'vitest',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...filters],
    env,
  );
  const r = readJson(out) as VitestJson | undefined;
  const tally: Tally = r
    ? {
        passed: r.numPassedTests,
        // A file that fails to load fails no test: count the file itself.
        failed:
          r.numFailedTests +
          r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length,
        skipped: r.numPendingTests + r.numTodoTests,
      }
    : { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && tally.failed === 0) {
    console.error(`[weft] vitest exited with code ${code} (unhandled errors, or no test files matched)`);
    tally.failed = 1;
  }
  return tally;
}

/**
 * Type check, lint and layer rules, each counted as one test: a type error, a sandbox-boundary
 * breach or an import that crosses a layer the wrong way (or closes a circle) fails the run.
 */
async function runStaticChecks(env: NodeJS.ProcessEnv): Promise<Tally> {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, tool, args] of [
    ['typecheck', 'tsc', ['--noEmit', '-p', '.']],
    ['lint', 'eslint', ['.']],
    ['layers', 'depcruise', ['app', 'components', 'hooks', 'server', 'workflows', 'drizzle', 'scripts', 'bench', 'e2e', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']],
  ] as const) {
    console.log(`[weft] ${name} ...`);
    const code = await runInherited(name, bin(tool), [...args], env);
    if (code === 0) tally.passed++;
    else {
      console.error(`[weft] ${name} failed (exit ${code})`);
      tally.failed++;
    }
  }
  return tally;
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

async function runPlaywright(env: NodeJS.ProcessEnv, specs: string[]): Promise<Tally> {
  const out = path.join(testDir, 'playwright.json'); // written by playwright.config.ts's json reporter
  rmSync(out, { force: true });
  const code = await runInherited('playwright', bin('playwright'), ['test', ...specs], env);
  const r = readJson(out) as PlaywrightJson | undefined;
  const tally: Tally = r
    ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }
    : { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && tally.failed === 0) {
    console.error(`[weft] playwright exited with code ${code}${r?.errors?.length ? ' (global errors above)' : ''}`);
    tally.failed = 1;
  }
  return tally;
}

function hasSpecs(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => /\.(spec|test)\.[cm]?[jt]sx?$/.test(f));
}

/** The app as users get it (next build + scripts/web.ts) with its workers, on ports of its own. */
async function startE2eStack(env: NodeJS.ProcessEnv, python: string): Promise<{ url: string; databaseUrl: string }> {
  const logs = path.join(testDir, 'logs');
  const databaseUrl = await createDatabase(env.DATABASE_URL!, 'weft_e2e', { dropExisting: true });
  const { prepareDatabase } = await import('../server/db/prepare');
  process.env.WEFT_SEED_PASSWORD = env.WEFT_SEED_PASSWORD; // the seeded users' password, known to the specs
  await prepareDatabase(databaseUrl);

  // the secrets key for web and the control worker (alert webhooks); web and the pool worker share the worker token
  const { DATABASE_URL: _db, WEFT_SECRETS_KEY: secretsKey, ...noDb } = env;
  const workerToken = randomBytes(24).toString('hex');
  const common: NodeJS.ProcessEnv = {
    ...noDb,
    TEMPORAL_NAMESPACE: 'default', // vitest files use weft-test-N
    WEFT_ARTIFACTS_DIR: path.join(testDir, 'e2e-artifacts'),
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-e2e', // never collide with a dev server's .next
  };
  const url = `http://localhost:${E2E_PORT}`;
  const webEnv = {
    ...common,
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: url,
    WEFT_AUTH_RATE_LIMIT: 'off',
    BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
    WEFT_SECRETS_KEY: secretsKey,
    WEFT_WORKER_TOKEN: workerToken,
  };
  const log = (name: string) => path.join(logs, `${name}.log`);
  console.log(`[weft] e2e: building the app and starting workers (logs in ${path.relative(process.cwd(), logs)}/) ...`);
  await Promise.all([
    buildWebApp(webEnv, log('next-build')),
    spawnService('e2e-control-worker', bin('tsx'), ['workflows/worker.ts', '--role', 'control'], {
      cwd: repoRoot,
      env: { ...common, DATABASE_URL: databaseUrl, WEFT_SECRETS_KEY: secretsKey },
      logFile: log('control-worker'),
    }),
    spawnService('e2e-pool-worker-cpu', bin('tsx'), ['workflows/worker.ts', '--pool', 'cpu'], {
      cwd: repoRoot,
      env: { ...common, WEFT_PYTHON: python, WEFT_WEB_URL: `http://127.0.0.1:${E2E_PORT}`, WEFT_WORKER_TOKEN: workerToken },
      logFile: log('pool-worker-cpu'),
    }),
  ]);
  await startWebApp(webEnv, E2E_PORT, log('web'), 'e2e-web');
  return { url, databaseUrl };
}

async function main(): Promise<Tally> {
  const only = process.env.WEFT_TEST_ONLY || undefined;
  if (only && !['unit', 'integration', 'e2e'].includes(only)) throw new Error(`WEFT_TEST_ONLY=${only}: use unit, integration or e2e`);
  const extraArgs = process.argv.slice(2);
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const add = (t: Tally) => {
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
  };

  // Before the venv is built and Temporal started: services that cannot start stop us at once.
  secureStateDir(); // (first: it sets the modes the PostgreSQL check looks at)
  if (only !== 'unit') await assertTestServicesCanStart();
  const venv = await ensureVenv();
  ensureSandboxPackages();
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    WEFT_SEED_PASSWORD: process.env.WEFT_SEED_PASSWORD || randomBytes(12).toString('base64url'),
    WEFT_PYTHON: venv.python,
    WEFT_TEMPORAL_CLI: venv.temporal,
    WEFT_ARTIFACTS_DIR: path.join(testDir, 'artifacts'),
    // where tests' steps leave evidence the test reads (markers, timestamps): steps write nowhere else
    WEFT_STEP_SHARED_DIRS: stepSharedDir(),
    // project secrets' master key, for the tests' services (as web's) and the e2e web only
    WEFT_SECRETS_KEY: randomBytes(32).toString('hex'),
  };
  if (only !== 'unit') env = { ...env, ...(await startTestServices()).env };

  if (extraArgs.length === 0 && (only === undefined || only === 'unit')) add(await runStaticChecks(env));

  if (only !== 'e2e') {
    // A category may legitimately be empty early on; an explicit file filter may not.
    const filters =
      only === 'unit'
        ? ['workflows/dsl', '--passWithNoTests']
        : only === 'integration'
          ? ['--exclude', 'workflows/dsl/**', '--passWithNoTests']
          : [];
    add(await runVitest(env, [...filters, ...extraArgs]));
  }

  // `WEFT_TEST_ONLY=e2e npm test -- e2e/x.spec.ts` runs those specs; other file arguments are vitest's
  const e2eWanted = extraArgs.length === 0 ? only === undefined || only === 'e2e' : only === 'e2e';
  if (e2eWanted && hasSpecs(path.join(repoRoot, 'e2e'))) {
    try {
      const { url, databaseUrl } = await startE2eStack(env, venv.python);
      // (the database, for specs that seed what no API writes yet)
      add(await runPlaywright({ ...env, WEFT_E2E_URL: url, WEFT_E2E_DATABASE_URL: databaseUrl }, only === 'e2e' ? extraArgs : []));
    } catch (err) {
      console.error(`[weft] ${(err as Error).message}`);
      add({ passed: 0, failed: 1, skipped: 0 });
    }
  } else if (e2eWanted) {
    console.log('[weft] no specs in e2e/: skipping Playwright');
  }
  return total;
}

let code = 1;
let summary = '0 passed, 1 failed';
try {
  const t = await main();
  summary = `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;
  code = t.failed > 0 ? 1 : 0;
} catch (err) {
  console.error(`[weft] test setup failed: ${failureText(err)}`);
} finally {
  await stopAll();
}
console.log(summary);
process.exit(code);
