// The app as users get it: `next build`, then scripts/web.ts serving it. For the e2e stack
// (scripts/test.ts) and the editor's speed bench (bench/measures/editor.ts).
import path from 'node:path';
import { spawnService, tailOf } from './processes';
import { repoRoot } from './venv';

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

/** Starts `next build` with `env` (NEXT_DIST_DIR picks its output folder); resolves when it ends, rejects if it failed. */
export async function buildWebApp(env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const build = await spawnService('next-build', bin('next'), ['build'], { cwd: repoRoot, env, logFile, oneShot: true });
  const code = await build.exited;
  if (code !== 0) throw new Error(`next build failed (code ${code}):\n${tailOf(logFile, 40)}`);
}

/** Serves the built app on `port` and waits until /api/health answers 200. */
export async function startWebApp(env: NodeJS.ProcessEnv, port: number, logFile: string, name = 'web'): Promise<void> {
  const web = await spawnService(name, bin('tsx'), ['scripts/web.ts', '--port', String(port)], { cwd: repoRoot, env, logFile, ports: [port] });
  let exited = false;
  void web.exited.then(() => (exited = true));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000, () => exited);
  } catch (err) {
    throw new Error(`the app did not become healthy: ${(err as Error).message}\n${tailOf(logFile, 40)}`);
  }
}

async function waitForHealth(url: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the web server exited');
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s`);
}
