// ELK's layered layout takes seconds on a 1,000-node pipeline: it runs here, off the main thread,
// so the canvas keeps responding. One message in (id + request), one out (id + positions or error).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { TLayoutRequest } from './layout-graph';
import { runLayout } from './run-layout';

const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ id: number; request: TLayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, positions: await runLayout(elk, request) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
