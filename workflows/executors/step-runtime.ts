import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TMount } from '../sandbox/bwrap-args';
import { detectSandbox } from '../sandbox/detect-sandbox';
import { readSandboxSettings } from '../sandbox/sandbox-settings';
import type { StepSandbox } from '../sandbox/step-sandbox';
import { localArtifactsRoot } from '../artifacts/store';
import { createPythonServer, PYTHON_LIB, PYTHON_WARM } from './python';
import type { PythonForkServer } from './python-fork-server';
import { MLFLOW_SOCKET_IN_SANDBOX, startMlflowBridge } from '../sandbox/mlflow-bridge';
import { stepTrackingFromWeb, type TStepTracking } from '../activities/step-tracking';

/** How a pool worker runs step processes: its sandbox, interpreter, warm python and scratch space. */
export type TStepRuntime = {
  sandbox: StepSandbox;
  python: string;
  /** the pool's warm interpreter (not inside bubblewrap: its forks would share one sandbox) */
  pythonServer?: PythonForkServer;
  /** what every step sees read-only: the interpreter's venv and the step helper */
  mounts: TMount[];
  scratchRoot: string;
  /** one line for the worker's start log: how steps are isolated */
  description: string;
  /** a step attempt's MLflow environment; absent without web's address and the worker token */
  tracking?: TStepTracking;
  close(): void;
};

/** Web's address and the pool workers' token (WEFT_WEB_URL, WEFT_WORKER_TOKEN): step secrets and MLflow go through web. */
export type TWebLink = { url: string; workerToken: string };

/** Chooses the sandbox by trying it (see detectSandbox), then starts the warm python if allowed. */
export async function createStepRuntime(python: string, env: Readonly<Record<string, string | undefined>> = process.env, web: TWebLink | undefined = webLinkFromEnv(env)): Promise<TStepRuntime> {
  const scratchRoot = env.WEFT_SCRATCH_DIR || path.join(os.tmpdir(), 'weft-steps');
  // 0711: a step's uid passes through to its own directory and cannot list the others
  await mkdir(scratchRoot, { recursive: true });
  await chmod(scratchRoot, 0o711);
  const mounts = [...interpreterMounts(python), { source: PYTHON_LIB, dest: PYTHON_LIB }];
  const settings = readSandboxSettings(env);
  const { sandbox, message } = await detectSandbox(settings, { python, readOnly: mounts, scratchRoot });
  // a step with a network namespace of its own reaches web's MLflow API only through the bridge
  const bridge = web && sandbox.kind === 'bwrap' && settings.WEFT_STEP_NETWORK !== 'host' ? await startMlflowBridge({ socketPath: path.join(scratchRoot, `.mlflow-${process.pid}-${randomBytes(4).toString('hex')}.sock`), webUrl: web.url }) : undefined;
  if (bridge) mounts.push({ source: bridge.socketPath, dest: MLFLOW_SOCKET_IN_SANDBOX });
  const tracking = web ? stepTrackingFromWeb({ webUrl: web.url, workerToken: web.workerToken, socket: bridge ? MLFLOW_SOCKET_IN_SANDBOX : undefined }) : undefined;
  const warm = await startWarmPython({ sandbox, python, env, mounts, scratchRoot });
  const description = `${message}; ${warm.says}${web ? `; MLflow: ${web.url}/mlflow${bridge ? ' through the worker\'s bridge socket' : ''}` : '; no MLflow in steps (WEFT_WEB_URL or WEFT_WORKER_TOKEN not set)'}`;
  return {
    sandbox,
    python,
    pythonServer: warm.server,
    mounts,
    scratchRoot,
    description,
    tracking,
    close: () => {
      warm.server?.close();
      void bridge?.close();
    },
  };
}

export function webLinkFromEnv(env: Readonly<Record<string, string | undefined>>): TWebLink | undefined {
  return env.WEFT_WEB_URL && env.WEFT_WORKER_TOKEN ? { url: env.WEFT_WEB_URL, workerToken: env.WEFT_WORKER_TOKEN } : undefined;
}

/**
 * The pool's warm interpreter (unless WEFT_PYTHON_WARM=0). In bubblewrap it runs in a sandbox of
 * its own that sees what its forks may need, and each fork isolates itself before its step's code
 * runs; it is tried with a step-shaped probe, and steps start cold in a sandbox each when it fails.
 */
async function startWarmPython(opts: { sandbox: StepSandbox; python: string; env: Readonly<Record<string, string | undefined>>; mounts: TMount[]; scratchRoot: string }): Promise<{ server?: PythonForkServer; says: string }> {
  const { sandbox, python, env, scratchRoot } = opts;
  if (env.WEFT_PYTHON_WARM === '0') return { says: 'python steps start cold (WEFT_PYTHON_WARM=0)' };
  if (sandbox.kind !== 'bwrap') return { server: createPythonServer(python, env), says: 'python steps fork from a warm interpreter' };
  const store = localArtifactsRoot(env);
  if (store) await mkdir(store, { recursive: true, mode: 0o711 });
  const readOnly = [...opts.mounts, { source: PYTHON_WARM, dest: PYTHON_WARM }, ...(store ? [{ source: store, dest: store }] : [])];
  sandbox.warmSteps([scratchRoot, ...(store ? [store] : [])], readOnly.map((m) => m.dest));
  const server = createPythonServer(python, env, (argv) => sandbox.warmPlan(argv, { readOnly, scratchRoot }));
  const failure = await probeWarm(server, sandbox, scratchRoot);
  if (!failure) return { server, says: 'python steps fork from a warm interpreter, each in namespaces of its own' };
  server.close();
  sandbox.coldSteps();
  return { says: `python steps start cold, in a sandbox each (the warm interpreter's sandbox does not work here: ${failure})` };
}

/** A shell step through the warm sandbox, isolated as every step will be: undefined when it works. */
async function probeWarm(server: PythonForkServer, sandbox: StepSandbox, scratchRoot: string): Promise<string | undefined> {
  const workDir = await mkdtemp(path.join(scratchRoot, 'probe-warm-'));
  const identity = sandbox.take();
  try {
    if (identity) await chown(workDir, identity.uid, identity.gid);
    let output = '';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    const view = { cwd: workDir, workDir, readOnly: [] };
    const result = await server
      // (pid 1 of its namespace, which only it and its children are in; its directory writable)
      .run({ argv: ['sh', '-c', 'test "$(cat /proc/1/comm)" = sh && touch ok'], cwd: workDir, env: { PATH: '/usr/bin:/bin' }, ...sandbox.forkOptions(view, identity), signal: controller.signal, onOutput: (c) => (output += c) })
      .finally(() => clearTimeout(timer));
    if (result.exitCode === 0 && (await stat(path.join(workDir, 'ok')).then(() => true, () => false))) return undefined;
    return (output.trim().split('\n').slice(-2).join(' ') || `exit ${result.exitCode ?? result.signal}`).slice(0, 400);
  } catch (error) {
    return (error as Error).message;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** A venv's interpreter needs its venv (bin/python → the system's python, lib/ with its packages). */
function interpreterMounts(python: string): TMount[] {
  const bin = path.dirname(path.resolve(python));
  if (path.basename(bin) !== 'bin' || bin.startsWith('/usr/')) return []; // a system python: /usr is mounted anyway
  const venv = path.dirname(bin);
  return [{ source: venv, dest: venv }];
}
