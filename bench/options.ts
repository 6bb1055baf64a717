/**
 * Command-line options of `npm run bench`. Parsing never throws: it returns the options or one
 * line that says what is wrong, which main prints before exiting with status 2.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { WORKLOAD_NAMES, type WorkloadName } from './workload.js';

export const BACKEND_CHOICES = ['auto', 'wasm', 'cpu', 'tensorflow'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface BenchOptions {
  readonly only: readonly WorkloadName[];
  readonly runs: number;
  readonly seed: number;
  readonly backend: BackendChoice;
  /** Threads for the wasm kernels (main thread + workers); default: the machine's cores. */
  readonly threads: number;
  readonly reference: boolean;
  readonly json: boolean;
  /** Relaxed-SIMD FMA in the GEMM kernels when the engine has it (bin/bench.js enables it). */
  readonly fma: boolean;
  /** Directory written by `reference.py --export`: use numpy's exact inputs. */
  readonly inputs?: string;
  /** Time the three Cholesky tiers of src/core/linalg/cholesky.ts instead of the workloads. */
  readonly choleskyTiers: boolean;
  readonly help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --only a,b        workloads to run (${WORKLOAD_NAMES.join(', ')})
  --runs N          timed runs after one warm-up; the median is reported (default 5)
  --seed N          seed for our own draws and for the numpy reference (default 0)
  --backend B       auto (default): the fused kernels of bench/kernels and src/core/wasm; wasm, cpu or tensorflow:
                    run gd-two-layer and matmul-peak as TF.js ops on that backend instead
  --threads N       threads for the fused kernels (default: available cores)
  --inputs DIR      use the arrays written by \`python3 reference.py --export DIR\` (exact check comparison)
  --no-reference    do not run the numpy reference (shared/bench/reference.py)
  --no-fma          plain mul + add in the GEMM kernels instead of relaxed-SIMD FMA
  --json            one JSON line per workload (reference field names) instead of a table
  --cholesky-tiers  time factor + solve of the three Cholesky tiers (ml-matrix, flat JS, wasm) by n instead
  --help            this text`;

function nonNegativeInt(raw: string, flag: string, min: number): number | string {
  if (!/^\d+$/.test(raw)) return `${flag} must be an integer >= ${min}, got "${raw}"`;
  const v = Number(raw);
  if (!Number.isSafeInteger(v) || v < min) return `${flag} must be an integer >= ${min}, got "${raw}"`;
  return v;
}

export function parseOptions(argv: readonly string[]): BenchOptions | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        only: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string' },
        threads: { type: 'string' },
        inputs: { type: 'string' },
        'no-reference': { type: 'boolean' },
        json: { type: 'boolean' },
        'no-fma': { type: 'boolean' },
        'cholesky-tiers': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    return { error: `${(e as Error).message.split('\n')[0]} (see --help)` };
  }
  const v = parsed.values;
  let only: WorkloadName[] = [...WORKLOAD_NAMES];
  if (v.only !== undefined) {
    const names = v.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const unknown = names.filter((n) => !(WORKLOAD_NAMES as readonly string[]).includes(n));
    if (names.length === 0 || unknown.length > 0) {
      return {
        error: `--only: unknown workload(s) ${JSON.stringify(unknown.length ? unknown : v.only)}; choose from ${WORKLOAD_NAMES.join(', ')}`,
      };
    }
    only = [...new Set(names)] as WorkloadName[];
  }
  const runs = v.runs === undefined ? 5 : nonNegativeInt(v.runs, '--runs', 1);
  if (typeof runs === 'string') return { error: runs };
  const seed = v.seed === undefined ? 0 : nonNegativeInt(v.seed, '--seed', 0);
  if (typeof seed === 'string') return { error: seed };
  const cores = availableParallelism();
  const threads = v.threads === undefined ? Math.min(cores, 32) : nonNegativeInt(v.threads, '--threads', 1);
  if (typeof threads === 'string') return { error: threads };
  if (threads > 32) return { error: `--threads must be at most 32, got ${threads}` };
  const backend = (v.backend ?? 'auto') as BackendChoice;
  if (!BACKEND_CHOICES.includes(backend)) return { error: `--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${v.backend}"` };
  if (v.inputs !== undefined && v.inputs.length === 0) return { error: '--inputs needs a directory' };
  return {
    only,
    runs,
    seed,
    backend,
    threads,
    reference: !v['no-reference'],
    json: v.json ?? false,
    fma: !v['no-fma'],
    inputs: v.inputs,
    choleskyTiers: v['cholesky-tiers'] ?? false,
    help: v.help ?? false,
  };
}
