import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type InjectedSinks } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { weftDataConverter } from '../data-converter';
import type { TRunRecordSinks } from '../contract/run-records';
import { controlBundlerOptions, controlWorkflowInterceptors } from '../worker-factory';

const here = path.dirname(fileURLToPath(import.meta.url));
const historiesDir = path.join(here, 'histories');
const workflowsPath = path.join(here, '..', 'definitions', 'index.ts');
/** the interpreter's sinks must exist, though a replay calls none of them */
const replaySinks: InjectedSinks<TRunRecordSinks> = { runRecords: { write: { fn: () => undefined } } };

/**
 * Running workflows must replay on new interpreter code: recorded histories of representative
 * runs are replayed here; a change that breaks them needs `patched()` (see scripts/record-histories.ts).
 */
describe('interpreter determinism', () => {
  it('replays every recorded history', async () => {
    const files = (await readdir(historiesDir)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);
    const histories = await Promise.all(
      files.map(async (file) => ({ workflowId: file, history: historyFromJSON(JSON.parse(await readFile(path.join(historiesDir, file), 'utf8'))) })),
    );
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'weft-replay', dataConverter: weftDataConverter, sinks: replaySinks, interceptors: controlWorkflowInterceptors, bundlerOptions: controlBundlerOptions }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
