import { accessSync, constants } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { runChildProcess } from '../executors/child-process';
import type { TMount, TSandboxNetwork } from './bwrap-args';
import type { TSandboxSettings } from './sandbox-settings';
import { StepIdentities } from './step-identities';
import { StepSandbox } from './step-sandbox';
import { gpuDevices, hostSystemLayout } from './system-layout';
import { openTunDevice } from './tun-device';

export type TDetectedSandbox = { sandbox: StepSandbox; message: string };

/**
 * Chooses how this worker isolates steps, by trying it: a step-shaped probe (the interpreter,
 * as a step's uid, in a scratch directory, with the venv and helper mounted) must run. In `auto`
 * the first that works wins (bubblewrap, then a bare uid, then nothing); a mode asked for by
 * name that does not work stops the worker with the reason.
 */
export async function detectSandbox(settings: TSandboxSettings, probe: { python: string; readOnly: TMount[]; scratchRoot: string }): Promise<TDetectedSandbox> {
  const isRoot = process.getuid?.() === 0;
  const identities = isRoot ? new StepIdentities(settings.WEFT_STEP_UID_BASE, path.join(probe.scratchRoot, '.uids')) : undefined;
  const wanted = settings.WEFT_STEP_SANDBOX;
  if (wanted === 'off') return { sandbox: new StepSandbox('off', { network: 'host' }), message: "steps run as the worker's own user, unsandboxed (WEFT_STEP_SANDBOX=off): trusted code only" };

  const failures: string[] = [];
  if (wanted === 'auto' || wanted === 'bwrap') {
    const bwrap = findOnPath('bwrap');
    if (bwrap) {
      const as = identities ? `as a uid of their own (from ${settings.WEFT_STEP_UID_BASE})` : "as the worker's uid";
      const base = { bwrap, system: hostSystemLayout(), devices: gpuDevices(), sharedDirs: settings.WEFT_STEP_SHARED_DIRS, identities };
      const networks = await networkChoices(settings.WEFT_STEP_NETWORK);
      for (const choice of networks) {
        const sandbox = new StepSandbox('bwrap', { ...base, network: choice.network, slirp: choice.slirp });
        const failure = await tryStep(sandbox, probe);
        if (!failure) return { sandbox, message: `steps run in a bubblewrap sandbox ${as}; network: ${choice.says}${choice !== networks[0] ? ` (${networks[0]!.says} does not work here: ${failures.at(-1)})` : ''}` };
        failures.push(`bubblewrap with network "${choice.network}" does not work here: ${failure}`);
      }
    } else {
      failures.push('bubblewrap is not installed (apt-get install bubblewrap)');
    }
    if (wanted === 'bwrap') throw new Error(`WEFT_STEP_SANDBOX=bwrap, but ${failures.join('; ')}`);
  }
  if (identities) {
    const sandbox = new StepSandbox('uid', { network: 'host', identities });
    const failure = await tryStep(sandbox, probe);
    if (!failure) return { sandbox, message: `steps run as a uid of their own (from ${settings.WEFT_STEP_UID_BASE}), without a sandbox: ${failures.join('; ')}` };
    failures.push(`a step's uid cannot run ${probe.python}: ${failure}`);
    if (wanted === 'uid') throw new Error(`WEFT_STEP_SANDBOX=uid, but ${failures.join('; ')}`);
  } else if (wanted === 'uid') {
    throw new Error('WEFT_STEP_SANDBOX=uid needs a worker running as root (only root can run steps as other uids)');
  }
  return {
    sandbox: new StepSandbox('off', { network: 'host' }),
    message: `WARNING: steps run as the worker's own user, NOT isolated (${failures.join('; ')}${isRoot ? '' : '; the worker is not root, so it cannot give steps a uid of their own'})`,
  };
}

type TNetworkChoice = { network: TSandboxNetwork; slirp?: string; says: string };

/**
 * The networks to try, best first: `on` means slirp4netns (the internet, not the host's loopback),
 * else none at all, said loudly. Never the host's unless asked for by name: a step on the host's
 * network reaches Temporal and PostgreSQL on loopback.
 */
async function networkChoices(setting: TSandboxSettings['WEFT_STEP_NETWORK']): Promise<TNetworkChoice[]> {
  if (setting === 'off') return [{ network: 'none', says: 'none (WEFT_STEP_NETWORK=off)' }];
  if (setting === 'host') return [{ network: 'host', says: "the host's (WEFT_STEP_NETWORK=host: steps reach the host's loopback services, Temporal and PostgreSQL included)" }];
  const none: TNetworkChoice = { network: 'none', says: 'NONE (WARNING: steps cannot download or call APIs' };
  const slirp = findOnPath('slirp4netns');
  if (!slirp) return [{ ...none, says: `${none.says}; install slirp4netns to give them the internet)` }];
  openTunDevice();
  return [{ network: 'slirp', slirp, says: "the internet through slirp4netns, not the host's loopback services" }, { ...none, says: `${none.says})` }];
}

/** Runs `python -c pass` as a step would run; undefined when it worked, else why not. */
async function tryStep(sandbox: StepSandbox, probe: { python: string; readOnly: TMount[]; scratchRoot: string }): Promise<string | undefined> {
  await mkdir(probe.scratchRoot, { recursive: true, mode: 0o711 });
  const workDir = await mkdtemp(path.join(probe.scratchRoot, 'probe-'));
  const identity = sandbox.take();
  try {
    if (identity) await chown(workDir, identity.uid, identity.gid);
    const plan = sandbox.plan([probe.python, '-c', 'pass'], { cwd: workDir, workDir, readOnly: probe.readOnly }, identity);
    let output = '';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    const result = await runChildProcess({ ...plan, cwd: workDir, env: { PATH: '/usr/bin:/bin' }, signal: controller.signal, onOutput: (chunk) => (output += chunk) }).finally(() => clearTimeout(timer));
    if (result.exitCode === 0) return undefined;
    return (output.trim().split('\n').slice(-3).join(' ') || `exit ${result.exitCode ?? result.signal}`).slice(0, 500);
  } catch (error) {
    return (error as Error).message;
  } finally {
    await sandbox.release(identity);
    await rm(workDir, { recursive: true, force: true });
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir || '.', name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
