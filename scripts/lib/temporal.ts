// The Temporal CLI dev server for development and tests when no TEMPORAL_ADDRESS is given,
// started with the tuning that brings per-step dispatch from ~50 ms down to ~10 ms.
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { onCleanup, spawnService, tailOf } from './processes';

export interface TemporalOptions {
  /** Path of the `temporal` CLI binary. */
  binary: string;
  port: number;
  /** Web UI port; without it the server runs headless. */
  uiPort?: number;
  /** SQLite file for persistence; without it state lives in memory. */
  dbFile?: string;
  /** Namespaces to create at launch ("default" always exists). */
  namespaces?: string[];
  logFile: string;
}

export interface TemporalServer {
  address: string;
  stop(): Promise<void>;
}

/** Flags from ARCHITECTURE.md "Temporal dev server speed" and "Task Queue Priority and Fairness". */
const TUNING = [
  '--dynamic-config-value', 'history.transferProcessorMaxPollRPS=1000',
  '--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1',
  '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1',
  '--dynamic-config-value', 'matching.useNewMatcher=true',
  '--dynamic-config-value', 'matching.enableFairness=true',
  '--sqlite-pragma', 'journal_mode=wal',
  '--sqlite-pragma', 'synchronous=normal',
];

/** Waits until the frontend answers and every namespace is registered. */
async function waitReady(address: string, namespaces: string[], timeoutMs: number, failed: () => string | undefined) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(why);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        for (const namespace of namespaces) {
          await connection.workflowService.describeNamespace({ namespace });
        }
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`timed out waiting for Temporal at ${address}: ${String(lastError)}`);
}

export async function startTemporal(opts: TemporalOptions): Promise<TemporalServer> {
  const address = `127.0.0.1:${opts.port}`;
  const namespaces = opts.namespaces ?? [];
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port)];
  if (opts.uiPort !== undefined) {
    // The newsfeed is fetched from the internet, which these machines cannot reach.
    args.push('--ui-port', String(opts.uiPort), '--ui-disable-news-fetch');
  } else {
    args.push('--headless');
  }
  if (opts.dbFile) args.push('--db-filename', path.resolve(opts.dbFile));
  args.push('--log-level', 'warn', ...TUNING);
  for (const ns of namespaces) args.push('--namespace', ns);

  const service = await spawnService('temporal', opts.binary, args, {
    logFile: opts.logFile,
    graceSeconds: 10,
    infrastructure: true,
    // A foreign server on the port would answer our readiness probe: refuse instead.
    ports: opts.uiPort === undefined ? [opts.port] : [opts.port, opts.uiPort],
  });
  let exitCode: number | undefined;
  void service.exited.then((code) => (exitCode = code));
  const stop = async () => {
    unregister();
    await service.stop();
  };
  // A cleanup, not a service: stopAll() stops it once the workers are down.
  const unregister = onCleanup(stop);
  try {
    await waitReady(address, ['default', ...namespaces], 60_000, () =>
      exitCode === undefined
        ? undefined
        : `Temporal dev server exited (code ${exitCode}); see ${opts.logFile}:\n${tailOf(opts.logFile)}`,
    );
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n(log: ${opts.logFile})`);
  }
  return { address, stop };
}

/** Registers namespaces on an existing server (TEMPORAL_ADDRESS), ignoring ones that exist. */
export async function ensureNamespaces(address: string, namespaces: string[]): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    for (const namespace of namespaces) {
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: msToTs('1 day'),
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 6 /* ALREADY_EXISTS */) throw err;
      }
    }
  } finally {
    await connection.close();
  }
}
