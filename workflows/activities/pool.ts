import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Context, ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { executeStep } from '../executors';
import { LogBuffer } from '../executors/log-buffer';
import { stepAttemptSignal, type TStepAttemptEvent } from '../definitions/messages';
import type { TRunStepInput, TRunStepResult } from './types';

export type TPoolDeps = { client: Client; python: string; workerIdentity: string; scratchRoot?: string };

const HEARTBEAT_MS = 1_000;
const LIVE_LOG_CHARS = 16 * 1024;

/** Step activities served by a pool worker. They hold no database credentials (ARCHITECTURE.md). */
export function createPoolActivities(deps: TPoolDeps) {
  return {
    async runStep(input: TRunStepInput): Promise<TRunStepResult> {
      const ctx = Context.current();
      const { attempt, workflowExecution } = ctx.info;
      if (!workflowExecution) throw ApplicationFailure.nonRetryable('runStep must be called from a pipeline run', 'NoWorkflow');
      const workflow = deps.client.workflow.getHandle(workflowExecution.workflowId);
      const report = (event: Omit<TStepAttemptEvent, 'nodeId' | 'attempt' | 'maxAttempts' | 'workerIdentity' | 'at'>) =>
        signalQuietly(() =>
          workflow.signal(stepAttemptSignal, {
            nodeId: input.step.nodeId,
            attempt,
            maxAttempts: input.step.retry.maximumAttempts,
            workerIdentity: deps.workerIdentity,
            at: new Date().toISOString(),
            ...event,
          }),
        );

      await report({ phase: 'started' });
      const workDir = path.join(deps.scratchRoot ?? path.join(os.tmpdir(), 'weft-steps'), input.runId, input.step.nodeId, String(attempt));
      await mkdir(workDir, { recursive: true });
      const log = new LogBuffer();
      const heartbeat = setInterval(() => ctx.heartbeat({ logTail: log.tail(LIVE_LOG_CHARS) }), HEARTBEAT_MS);
      const started = Date.now();
      try {
        const inputFile = path.join(workDir, 'weft_input.json');
        const outputDir = path.join(workDir, 'outputs');
        await mkdir(outputDir);
        await writeFile(inputFile, JSON.stringify({ params: input.params, config: input.step.config }));
        const result = await executeStep(input.step, {
          workDir,
          python: deps.python,
          env: {
            WEFT_INPUT: inputFile,
            WEFT_OUTPUT_DIR: outputDir,
            WEFT_RUN_ID: input.runId,
            WEFT_NODE_ID: input.step.nodeId,
            WEFT_ATTEMPT: String(attempt),
          },
          signal: ctx.cancellationSignal,
          onOutput: (chunk) => log.append(chunk),
        });
        if (ctx.cancellationSignal.aborted) throw ctx.cancellationSignal.reason ?? new Error('Step cancelled');
        if (result.exitCode !== 0) {
          const error = result.signal ? `Killed by ${result.signal}` : `Exited with code ${result.exitCode}`;
          await report({ phase: 'finished', outcome: { status: 'failed', exitCode: result.exitCode, error, log: log.toString() } });
          throw ApplicationFailure.retryable(error, 'StepFailed', { exitCode: result.exitCode });
        }
        await report({ phase: 'finished', outcome: { status: 'succeeded', exitCode: 0, log: log.toString() } });
        return { exitCode: 0, durationMs: Date.now() - started };
      } catch (error) {
        if (!(error instanceof ApplicationFailure)) {
          const message = error instanceof Error ? error.message : String(error);
          await report({ phase: 'finished', outcome: { status: 'failed', exitCode: null, error: message, log: log.toString() } });
        }
        throw error;
      } finally {
        clearInterval(heartbeat);
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Attempt reports make the UI live; a lost one must not fail the step itself (the step's final
 * status still reaches the workflow as the activity result), so retry briefly, then give up.
 */
async function signalQuietly(send: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    try {
      return await send();
    } catch (error) {
      if (i === 4) console.warn('[weft] could not report a step attempt:', (error as Error).message);
      else await new Promise((r) => setTimeout(r, 200 * 2 ** i));
    }
  }
}
