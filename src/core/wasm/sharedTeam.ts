/**
 * One process-wide wasm team for library code (the Cholesky entry point's wasm tier, streamed
 * Gram products): created on first use, FMA off so results are the same bits whether or not the
 * engine offers relaxed SIMD, at most two threads. Its results are identical for any thread
 * count (each tile is computed by one thread). Workers are unref'd: an idle team does not keep
 * the process alive.
 */
import { availableParallelism } from 'node:os';
import { kernelModule, MAX_BYTES } from './kernels.js';
import { WasmTeam } from './WasmTeam.js';

let team: WasmTeam | undefined;

export function sharedTeam(): WasmTeam {
  team ??= WasmTeam.create(kernelModule({ fma: false }), {
    threads: Math.max(1, Math.min(2, availableParallelism())),
    maxBytes: MAX_BYTES,
  });
  return team;
}
