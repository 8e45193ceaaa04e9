// A step's log lines carry the time the pool worker read them, stored with the log, live and final.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const finished = (r: { run: { status: string } }) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status);
const SLEEP_S = 0.7;

describe('step log timestamps', () => {
  it('gives each line a python step prints the time it was written, increasing with the sleeps between them', async () => {
    const code = `import time\nfor i in range(4):\n    print(f"tick {i}")\n    time.sleep(${SLEEP_S})\n`;
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, chainSpec([['ticks', 'python', { code }, { cache: false }]]));
    const stepLog = () => h.as('viewer').runs.stepLog({ projectId: h.projectId, runId, nodeId: 'ticks' });

    // the live tail (from the activity's heartbeat) carries the times too
    const tails: string[] = [];
    await waitFor(
      async () => {
        const log = await stepLog();
        if (log.live) tails.push(log.live);
        return h.as('viewer').runs.get({ projectId: h.projectId, runId });
      },
      finished,
      { what: `run ${runId}`, intervalMs: 200 },
    );
    const liveTicks = tails.flatMap((tail) => parseLog(tail)).filter((line) => line.text.startsWith('tick'));
    expect(liveTicks.length).toBeGreaterThan(0);
    expect(liveTicks.every((line) => line.at !== null)).toBe(true);

    const [attempt] = (await stepLog()).attempts;
    expect(attempt).toMatchObject({ status: 'succeeded' });
    const ticks = parseLog(attempt!.log).filter((line) => line.text.startsWith('tick'));
    expect(ticks.map((line) => line.text)).toEqual(['tick 0', 'tick 1', 'tick 2', 'tick 3']);
    const times = ticks.map((line) => line.at!);
    const [start, end] = [attempt!.startedAt!.getTime(), attempt!.endedAt!.getTime()];
    expect(times[0]).toBeGreaterThanOrEqual(start);
    expect(times.at(-1)).toBeLessThanOrEqual(end);
    // each line after the sleep before it (less a little: the read is not the write)
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SLEEP_S * 1_000 - 100);
  });
});
