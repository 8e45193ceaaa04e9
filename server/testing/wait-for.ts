/** Polls `read` until `done` holds (integration tests wait on real processes, never on sleeps). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, opts: { timeoutMs?: number; what?: string; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 45_000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
  throw new Error(`Timed out waiting for ${opts.what ?? 'condition'}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
