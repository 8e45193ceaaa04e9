import { describe, expect, it } from 'vitest';
import { SHORTENED_LOG_MARK, shortenLogs, type TRunRecord } from './run-records';

const succeeded = (nodeId: string, log: string): TRunRecord => ({
  type: 'step',
  nodeId,
  status: 'succeeded',
  at: '2026-12-07T00:00:00.000Z',
  attempt: { attempt: 1, workerIdentity: 'w', startedAt: '2026-12-07T00:00:00.000Z', endedAt: '2026-12-07T00:00:01.000Z', exitCode: 0, log },
});
const failed = (nodeId: string, log: string): TRunRecord => ({
  type: 'attempt',
  event: { nodeId, attempt: 1, maxAttempts: 2, phase: 'finished', at: '2026-12-07T00:00:01.000Z', workerIdentity: 'w', outcome: { status: 'failed', exitCode: 1, log } },
});
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n';
const logsOf = (records: TRunRecord[]) => records.map((r) => (r.type === 'step' ? r.attempt?.log : r.type === 'attempt' ? r.event.outcome?.log : undefined));

describe('shortenLogs', () => {
  it('leaves records whose logs fit the budget as they are', () => {
    const records = [succeeded('a', lines(10, 'a')), { type: 'run', status: 'running', at: '2026-12-07T00:00:00.000Z' } as TRunRecord];
    expect(shortenLogs(records, 10_000)).toBe(records);
  });

  it('keeps the tail of each long log, from a line start, so that all fit the budget', () => {
    const records = [succeeded('a', lines(2_000, 'a')), failed('b', lines(2_000, 'b')), succeeded('c', 'short\n')];
    const shortened = shortenLogs(records, 6_000);
    const logs = logsOf(shortened);
    expect(logs.reduce((sum, log) => sum + (log?.length ?? 0), 0)).toBeLessThanOrEqual(6_000);
    expect(logs[2]).toBe('short\n');
    for (const [i, tag] of [[0, 'a'], [1, 'b']] as const) {
      expect(logs[i]!.startsWith(SHORTENED_LOG_MARK)).toBe(true);
      expect(logs[i]!.slice(SHORTENED_LOG_MARK.length)).toMatch(new RegExp(`^${tag} line \\d+\\n`));
      expect(logs[i]!.endsWith(`${tag} line 1999\n`)).toBe(true);
    }
    // the records themselves are otherwise the same, in the same order
    expect(shortened.map((r) => r.type)).toEqual(['step', 'attempt', 'step']);
  });
});
