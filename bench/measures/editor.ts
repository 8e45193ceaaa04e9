// The editor's speed in Chromium (Debian's, headless) against the production build: a 1,000-node,
// ~1,500-edge pipeline opening with every node on screen, dragging a node in it, undoing a
// 1,000-node paste; and validating such a spec (the code the editor runs on every change).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { validateSpec, type TPipelineSpec } from '../../workflows/dsl';
import { createDatabase } from '../../scripts/lib/postgres';
import { onCleanup } from '../../scripts/lib/processes';
import { buildWebApp, startWebApp } from '../../scripts/lib/web-app';
import { benchDir, NAMESPACE, PORT_OFFSET, QUICK } from '../lib/config';
import { report } from '../lib/report';
import { fmtMs, median } from '../lib/stats';
import { verdict } from '../lib/table';
import { log, now } from '../lib/util';
import type { TBench } from '../lib/workers';

const PORT = 3077 + PORT_OFFSET;
const EDITOR = 'editor@weft.local';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** 1,000 no-op nodes on a grid (no two overlap: the editor does not re-lay it out), 1,498 edges. */
export function bigEditorSpec(): TPipelineSpec {
  const nodes = Array.from({ length: 1_000 }, (_, i) => ({ id: `n_${i + 1}`, kind: 'noop', label: '', config: {}, position: { x: (i % 40) * 260, y: Math.floor(i / 40) * 120 } }));
  const next = nodes.slice(1).map((n, i) => ({ id: `e_${i + 1}`, source: `n_${i + 1}`, sourcePort: 'out', target: n.id, targetPort: 'in' }));
  const skips = nodes.slice(2).flatMap((n, i) => (i % 2 === 0 ? [{ id: `s_${i + 1}`, source: `n_${i + 1}`, sourcePort: 'out', target: n.id, targetPort: 'in' }] : []));
  return { nodes, edges: [...next, ...skips], parameters: {}, maxParallelism: 8 };
}

export async function measureEditor(b: TBench): Promise<void> {
  const spec = bigEditorSpec();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = now();
    if (!validateSpec(spec).ok) throw new Error('the 1,000-node spec does not validate');
    times.push(now() - t0);
  }
  report.rows.push({ measure: `editor: validate ${spec.nodes.length.toLocaleString('en')} nodes, ${spec.edges.length.toLocaleString('en')} edges (median of 20)`, weft: `${fmtMs(median(times.slice(3)))} (max ${fmtMs(Math.max(...times.slice(3)))})`, hand: '—', target: '< 50 ms', ok: verdict(median(times.slice(3)) < 50) });

  const url = await startApp(b);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  onCleanup(() => browser.close());
  const page = await signedIn(browser, url);
  const big = await createPipeline(page, url, 'bench 1,000 nodes', spec);

  const opens: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 4); i++) opens.push(await openAllOnScreen(page, `${url}/pipelines/${big}`, spec.nodes.length));
  // (the first open also compiles the page's chunks into the browser's cache; the rest are what a user sees every time)
  report.rows.push({ measure: 'editor: open 1,000 nodes / 1,498 edges, every node on screen (prod build, median of warm opens)', weft: `${fmtMs(median(opens.slice(1)))} (first ${fmtMs(opens[0]!)})`, hand: '—', target: '< 1.5 s', ok: verdict(median(opens.slice(1)) < 1_500) });

  const drag = await dragFps(page);
  report.rows.push({ measure: 'editor: drag a node among 1,000 (frames per second; longest frame)', weft: `${drag.fps.toFixed(0)} fps (longest ${fmtMs(drag.longestMs)})`, hand: '—', target: '≥ 30 fps', ok: verdict(drag.fps >= 30) });

  const empty = await createPipeline(page, url, 'bench paste', { nodes: [], edges: [], parameters: {}, maxParallelism: 8 });
  const undo = await undoBigPaste(page, `${url}/pipelines/${empty}`, spec);
  report.rows.push({ measure: 'editor: undo of a 1,000-node paste (key → frame without them)', weft: fmtMs(undo), hand: '—', target: '< 100 ms', ok: verdict(undo < 100) });
}

/** The built app on the bench's PostgreSQL (a database of its own, seeded as a fresh install) and Temporal. */
async function startApp(b: TBench): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  const databaseUrl = await createDatabase(b.databaseUrl, 'weft_bench_ui', { dropExisting: true });
  process.env.WEFT_SEED_PASSWORD = password;
  const { prepareDatabase } = await import('../../server/db/prepare');
  await prepareDatabase(databaseUrl);
  const url = `http://localhost:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: b.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    BETTER_AUTH_URL: url,
    BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
    WEFT_AUTH_RATE_LIMIT: 'off',
    WEFT_SECRETS_KEY: randomBytes(32).toString('hex'),
    WEFT_WORKER_TOKEN: randomBytes(24).toString('hex'),
    WEFT_SEED_PASSWORD: password,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-bench', // never collide with a dev server's .next or the tests' .next-e2e
  };
  const logs = path.join(benchDir, 'logs');
  log('editor: building the app (next build) ...');
  await buildWebApp(env, path.join(logs, 'next-build.log'));
  await startWebApp(env, PORT, path.join(logs, 'web.log'), 'bench-web');
  return url;
}

async function signedIn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(EDITOR);
  await page.getByLabel('Password').fill(process.env.WEFT_SEED_PASSWORD!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('user-email').waitFor();
  return page;
}

/** A pipeline with `spec` as its first version, through the app's own API (the signed-in session). */
async function createPipeline(page: Page, url: string, name: string, spec: TPipelineSpec): Promise<string> {
  const call = async <T>(procedure: string, input: unknown): Promise<T> => {
    // (inputs are plain JSON; answers are superjson)
    const response = await page.request.post(`/api/trpc/${procedure}`, { data: input, headers: { origin: url } });
    if (!response.ok()) throw new Error(`${procedure}: ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  const me = (await (await page.request.get('/api/trpc/me.get')).json()) as { result: { data: { json: { projects: { id: string }[] } } } };
  const projectId = me.result.data.json.projects[0]!.id;
  const { id } = await call<{ id: string }>('pipelines.create', { projectId, name: `${name} ${Date.now()}` });
  if (spec.nodes.length) await call('pipelines.saveVersion', { projectId, pipelineId: id, spec, message: 'bench' });
  return id;
}

/** From navigation start to the first frame in which every node is drawn inside the canvas. */
async function openAllOnScreen(page: Page, pipelineUrl: string, count: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(pipelineUrl, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (expected) => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const nodes = document.querySelectorAll('.react-flow__node');
      if (!pane || nodes.length < expected) return false;
      for (const node of nodes) {
        const r = node.getBoundingClientRect();
        if (r.width === 0 || r.left < pane.left - 1 || r.right > pane.right + 1 || r.top < pane.top - 1 || r.bottom > pane.bottom + 1) return false;
      }
      return performance.now();
    },
    count,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Drags a node across the canvas in 90 mouse moves, counting the frames drawn meanwhile. */
async function dragFps(page: Page): Promise<{ fps: number; longestMs: number }> {
  const node = page.locator('.react-flow__node[data-id="n_500"]');
  const box = (await node.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // (strings, not functions: tsx would wrap inner functions in a helper the page does not have)
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => { window.__frames.push(t); if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 90; i++) await page.mouse.move(x + i * 3, y + Math.sin(i / 10) * 40);
  await page.mouse.up();
  const frames = await page.evaluate<number[]>('(() => { window.__counting = false; return window.__frames; })()');
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  return { fps: (frames.length - 1) / seconds, longestMs: Math.max(...gaps) };
}

/** Pastes 1,000 nodes into an empty pipeline, then times Ctrl+Z until a frame shows none of them. */
async function undoBigPaste(page: Page, pipelineUrl: string, spec: TPipelineSpec): Promise<number> {
  await page.goto(pipelineUrl);
  await page.getByTestId('canvas').waitFor();
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify({ type: 'weft/spec-fragment', version: 1, nodes: spec.nodes, edges: spec.edges }));
  await page.mouse.move(500, 400);
  await page.keyboard.press('ControlOrMeta+v');
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(1_000); // measured sizes and autosave settle
  return page.evaluate<number>(`new Promise((resolve) => {
    const started = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    const check = () => (document.querySelector('.react-flow__node') ? requestAnimationFrame(check) : resolve(performance.now() - started));
    requestAnimationFrame(check);
  })`);
}
