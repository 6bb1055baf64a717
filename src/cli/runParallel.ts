import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Checkable } from '../claims/Claim.js';
import { claimBudgetMs, type Profile } from '../claims/profiles.js';
import { packageRoot } from '../claims/registry.js';
import { claimSeed, type ClaimRun, type ProgressEvent } from '../claims/runClaim.js';
import { suiteOk, type SuiteResult } from '../claims/runSuite.js';
import type { BackendChoice } from './args.js';
import type { ClaimSource, RunRequest, WorkerMessage } from './workerProtocol.js';

/**
 * Runs claims on worker threads, one claim at a time per worker, so independent claims use both
 * cores. A worker is also the only way to stop a case that never returns (a synchronous loop
 * cannot be interrupted from inside its thread): past its budget plus a grace period the worker
 * is terminated, the claim is Inconclusive (interrupted) with its seed, and a fresh worker
 * continues. Results come back in the claims' order; each claim's seed depends only on the run
 * seed and its id, so parallel and sequential runs give the same verdicts.
 */
export interface ParallelOptions {
  readonly source: ClaimSource;
  readonly checkables: readonly Checkable[];
  readonly workers: number;
  readonly profile: Profile;
  readonly seed: number;
  readonly backend: BackendChoice;
  readonly fixtures: string;
  readonly usePinned: boolean;
  readonly budgetMs?: number;
  /** Time past a claim's budget before its worker is killed (shrinking may overrun slightly). */
  readonly graceMs?: number;
  /**
   * Watches one claim: calls `stop` when `limitMs` have passed and returns a cancel. setTimeout by
   * default; a test passes one that fires on a signal from the hung case, so that no test depends
   * on how fast the machine is.
   */
  readonly watchdog?: (id: string, limitMs: number, stop: () => void) => () => void;
  /** A worker started earlier (see prestartWorker); the first lane uses it. */
  readonly first?: Prestarted;
  /** Called once, when the first worker is ready, with the backend it initialised. */
  readonly onReady?: (backend: string) => void;
  readonly onStart?: (c: Checkable, index: number, total: number) => void;
  readonly onDone?: (run: ClaimRun & { readonly leakedTensors?: number }, index: number, total: number) => void;
  readonly onProgress?: (e: ProgressEvent) => void;
}

type Run = ClaimRun & { readonly leakedTensors?: number };

export interface Slot {
  worker: Worker;
  backend: string;
}

/** A worker started before the claims are selected, so that it loads while the caller does. */
export interface Prestarted {
  readonly slot: Promise<Slot>;
  /** Stops it when it is not needed after all (nothing selected, a user error, one claim). */
  readonly cancel: () => void;
}

export function prestartWorker(source: ClaimSource, backend: BackendChoice): Prestarted {
  const slot = startWorker(source, backend);
  // A failure to load shows up in this thread's own loading, which reports it to the user.
  slot.catch(() => undefined);
  return {
    slot,
    cancel: () =>
      void slot.then(
        (s) => s.worker.terminate(),
        () => undefined,
      ),
  };
}

function startWorker(source: ClaimSource, backend: BackendChoice): Promise<Slot> {
  const worker = new Worker(path.join(packageRoot(), 'bin', 'claim-worker.js'), { workerData: { source, backend } });
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type !== 'ready') return;
      worker.off('message', onMessage);
      resolve({ worker, backend: m.backend });
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

function interrupted(
  c: Checkable,
  o: ParallelOptions,
  backend: string,
  started: number,
  detail: string,
  reason: 'interrupted' | 'check-threw',
): Run {
  return {
    id: c.id,
    role: c.type,
    kind: c.kind,
    backend,
    profile: o.profile.name,
    runSeed: o.seed,
    durationMs: Date.now() - started,
    verdict: {
      status: 'inconclusive',
      reason,
      detail,
      cases: 0,
      skipped: 0,
      maxSlack: -Infinity,
      seed: claimSeed(o.seed, c.id),
      slacks: [],
    },
  };
}

function timeout(_id: string, limitMs: number, stop: () => void): () => void {
  const t = setTimeout(stop, limitMs);
  return () => clearTimeout(t);
}

export async function runParallel(o: ParallelOptions): Promise<SuiteResult> {
  const started = Date.now();
  const deadline = o.budgetMs === undefined ? undefined : started + o.budgetMs;
  // Shrinking may run a little past a budget; half the budget (2 s to 30 s) is allowed for it.
  const grace = (c: Checkable) =>
    o.graceMs ?? Math.min(30_000, Math.max(2_000, 0.5 * Math.min(claimBudgetMs(c, o.profile), o.budgetMs ?? Infinity)));
  const results: Run[] = new Array(o.checkables.length);
  let next = 0;
  let backendName = '';

  const runOne = (slot: Slot, c: Checkable, i: number): Promise<{ run: Run; killed: boolean }> =>
    new Promise((resolve) => {
      const t0 = Date.now();
      const limit = Math.min(claimBudgetMs(c, o.profile), deadline === undefined ? Infinity : Math.max(0, deadline - t0)) + grace(c);
      const finish = (run: Run, killed: boolean) => {
        cancelWatch();
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        resolve({ run, killed });
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'progress') o.onProgress?.(m.event);
        else if (m.type === 'done') finish(m.run, false);
        else if (m.type === 'error') finish(interrupted(c, o, slot.backend, t0, m.message, 'check-threw'), false);
      };
      const onError = (e: Error) => finish(interrupted(c, o, slot.backend, t0, `worker crashed: ${e.message}`, 'check-threw'), true);
      const onExit = (code: number) => finish(interrupted(c, o, slot.backend, t0, `worker exited with code ${code}`, 'check-threw'), true);
      let cancelWatch = (): void => undefined;
      cancelWatch = (o.watchdog ?? timeout)(c.id, limit, () => {
        void slot.worker.terminate();
        const detail =
          `a case did not return: still running ${Math.round(limit / 1000)} s after the claim started ` +
          `(its time limit plus ${grace(c) / 1000} s grace), so its worker was stopped; claim seed ${claimSeed(o.seed, c.id)}, run seed ${o.seed}`;
        finish(interrupted(c, o, slot.backend, t0, detail, 'interrupted'), true);
      });
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.once('exit', onExit);
      const req: RunRequest = {
        type: 'run',
        id: c.id,
        profile: o.profile.name,
        seed: o.seed,
        backend: o.backend,
        fixtures: o.fixtures,
        usePinned: o.usePinned,
        deadline,
      };
      o.onStart?.(c, i, o.checkables.length);
      slot.worker.postMessage(req);
    });

  let first = o.first;
  const lane = async (): Promise<void> => {
    if (next >= o.checkables.length) return;
    const given = first;
    first = undefined;
    let slot = await (given?.slot ?? startWorker(o.source, o.backend));
    if (!backendName) o.onReady?.(slot.backend);
    backendName ||= slot.backend;
    try {
      while (next < o.checkables.length) {
        const i = next++;
        const { run, killed } = await runOne(slot, o.checkables[i], i);
        results[i] = run;
        o.onDone?.(run, i, o.checkables.length);
        if (killed && next < o.checkables.length) slot = await startWorker(o.source, o.backend);
      }
    } finally {
      await slot.worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.workers, o.checkables.length)) }, lane));
  first?.cancel();
  return {
    runs: results,
    seed: o.seed,
    backend: backendName,
    profile: o.profile.name,
    ok: suiteOk(results),
    durationMs: Date.now() - started,
  };
}
