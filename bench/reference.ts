/**
 * The numpy reference (shared/bench/reference.py) run as a subprocess in the same session, so
 * that ratio = our seconds / numpy seconds compares like with like. Missing python3, numpy or
 * shared/ is not an error: the caller prints the reason and carries on without the reference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ReferenceLine {
  readonly workload: string;
  readonly seconds: number;
  readonly flops: number;
  readonly gflops: number;
  readonly check: number;
  readonly dtype: string;
  readonly best_lambda?: number;
}

export type Located = { readonly ok: true; readonly script: string } | { readonly ok: false; readonly reason: string };

/** shared/bench/reference.py from CLAIMCHECK_SHARED, else ../shared beside the repository root. */
export function locateReference(env: NodeJS.ProcessEnv = process.env): Located {
  const shared = env.CLAIMCHECK_SHARED ? resolve(env.CLAIMCHECK_SHARED) : resolve(REPO_ROOT, '..', 'shared');
  const script = join(shared, 'bench', 'reference.py');
  if (!existsSync(script)) {
    return { ok: false, reason: `no ${script} (set CLAIMCHECK_SHARED to the folder that holds bench/reference.py)` };
  }
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.error) return { ok: false, reason: `python3 not found (${probe.error.message})` };
  if (probe.status !== 0) return { ok: false, reason: 'python3 has no numpy (pip install numpy)' };
  return { ok: true, script };
}

export interface ReferenceRun {
  readonly lines: readonly ReferenceLine[];
  /** reference.py's stderr: numpy/BLAS versions, CPU count, and warnings. */
  readonly header: string;
}

/**
 * The reference's environment: ours without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE. Our machines
 * set them for old OpenBLAS builds; they hold a current numpy on older kernels (matmul-peak
 * measured 177 GFLOP/s with them, 318 without), and the ratio must be against the faster numpy.
 * Only this child process loses them; tests and our own workloads never see a change.
 */
export function referenceEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.OPENBLAS_CORETYPE;
  delete out.OPENBLAS_L2_SIZE;
  return out;
}

/** Runs reference.py for the given workloads; throws with its stderr if it fails. */
export function runReference(
  script: string,
  opts: { seed: number; runs: number; only: readonly string[]; exportDir?: string },
): ReferenceRun {
  const args = [script, '--seed', String(opts.seed), '--runs', String(opts.runs), '--only', opts.only.join(',')];
  if (opts.exportDir) args.push('--export', opts.exportDir);
  const out = spawnSync('python3', args, { encoding: 'utf8', maxBuffer: 16 << 20, env: referenceEnv() });
  if (out.error) throw new Error(`reference.py could not start: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`reference.py exited with ${out.status}: ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const lines = out.stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as ReferenceLine);
  return { lines, header: out.stderr.trim() };
}
