/**
 * What every benchmark workload provides (one file per workload, named as in
 * shared/bench/README.md). Inputs come from our own seeded RNG (`draw`, same distributions as
 * the reference) or from arrays exported by `reference.py --export DIR` (`fromArrays`), which
 * lets the check be compared with numpy's exactly. `prepare` does the untimed setup (uploads,
 * buffers); `run` is the timed region and ends once the check scalar is on the host.
 */
import type { BackendChoice } from './options.js';
import type { ArraySet } from './arrays.js';
import type { WasmTeam } from '../src/core/wasm/WasmTeam.js';

export const WORKLOAD_NAMES = ['gd-two-layer', 'sgd-shamir-tweak', 'krr-relu-ntk', 'shamir-thm1-eval', 'matmul-peak'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export interface RunResult {
  readonly check: number;
  /** Extra result fields, e.g. best_lambda for krr-relu-ntk. */
  readonly extra?: Readonly<Record<string, number>>;
}

export interface Prepared {
  /** What computes it: a TF.js backend name or the fused implementation, e.g. "wasm-simd f64 x2 threads". */
  readonly backend: string;
  run(): RunResult | Promise<RunResult>;
  dispose(): void | Promise<void>;
}

export interface PrepareContext {
  readonly backend: BackendChoice;
  /** Shared-memory thread team for the wasm kernels (created by main with --threads). */
  readonly team: () => WasmTeam;
  /** Whether the team's GEMM kernels use FMA (for the implementation label). */
  readonly fma: boolean;
}

/** "wasm-simd f32 (2 threads, fma)": what a team-based implementation reports as its backend. */
export function teamLabel(what: string, team: WasmTeam, fma: boolean): string {
  return `${what} (${team.threads} thread${team.threads > 1 ? 's' : ''}${fma ? ', fma' : ''})`;
}

export interface Workload<I> {
  readonly name: WorkloadName;
  readonly dtype: 'float32' | 'float64';
  /** The reference's flop estimate for one run (reference.py), used as the fixed denominator. */
  readonly flops: number;
  draw(seed: number): I;
  fromArrays(arrays: ArraySet): I;
  prepare(inputs: I, ctx: PrepareContext): Promise<Prepared>;
}
