import { describe, expect, it } from 'vitest';
import { ganttRows } from './gantt-bars';

const t = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s));

describe('ganttRows', () => {
  it('draws queue wait, a failed attempt, retry backoff and the attempt that succeeded, in percent of the run', () => {
    const { rows, spanMs } = ganttRows(
      [
        {
          nodeId: 'train',
          status: 'succeeded',
          origin: 'executed',
          startedAt: t(0),
          endedAt: t(100),
          attempts: [
            { attempt: 1, status: 'failed', workerIdentity: 'cpu@host:1', startedAt: t(10), endedAt: t(30) },
            { attempt: 2, status: 'succeeded', workerIdentity: 'cpu@host:1', startedAt: t(50), endedAt: t(100) },
          ],
        },
      ],
      { createdAt: t(0), startedAt: t(0), endedAt: t(100) },
      Date.UTC(2026, 11, 7, 13),
      (id) => id.toUpperCase(),
    );
    expect(spanMs).toBe(100_000);
    expect(rows[0]!.segments.map((s) => [s.kind, s.status, s.left, s.width])).toEqual([
      ['wait', 'queued', 0, 10],
      ['attempt', 'failed', 10, 20],
      ['attempt', 'succeeded', 50, 50],
    ]);
    expect(rows[0]!.segments[1]!.title).toBe('TRAIN, attempt 1: failed, 20.0 s on cpu@host:1');
  });

  it('runs to now while the run goes on', () => {
    const now = t(20).getTime();
    const { rows } = ganttRows([{ nodeId: 'a', status: 'running', origin: 'executed', startedAt: t(0), endedAt: null, attempts: [{ attempt: 1, status: 'running', workerIdentity: null, startedAt: t(0), endedAt: null }] }], { createdAt: t(0), startedAt: t(0), endedAt: null }, now, (id) => id);
    expect(rows[0]!.segments).toEqual([expect.objectContaining({ kind: 'attempt', left: 0, width: 100 })]);
  });
});
