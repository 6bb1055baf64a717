/**
 * `npm run bench -- --cholesky-tiers`: times factor + one solve of each Cholesky tier of
 * src/core/linalg/cholesky.ts over a ladder of n, on A = G G^T / n + I (G standard normal), the
 * measurement behind the thresholds stated in that file's header. Median of `runs` after one
 * warm-up per tier and size; a tier is skipped where one run would exceed ~5 s.
 */
import { performance } from 'node:perf_hooks';
import { cholesky, type CholeskyTier } from '../src/core/linalg/cholesky.js';
import { keyFromSeed, Rng } from '../src/core/random.js';

const SIZES = [4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 320, 384, 512, 768, 1024, 1536, 2048, 3000];
const TIERS: readonly CholeskyTier[] = ['ml-matrix', 'flat', 'wasm'];

/** G G^T / r + I with G n x r normal, r = min(n, 32): SPD, well conditioned, cheap to form. */
function spd(n: number): Float64Array {
  const r = Math.min(n, 32);
  const G = new Rng(keyFromSeed(n)).normals(n * r);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += G[i * r + t] * G[j * r + t];
      A[i * n + j] = A[j * n + i] = s / r + (i === j ? 1 : 0);
    }
  return A;
}

function once(A: Float64Array, n: number, tier: CholeskyTier): number {
  const M = Float64Array.from(A);
  const b = new Float64Array(n).fill(1);
  const t0 = performance.now();
  const F = cholesky(M, n, { tier });
  if (!F) throw new Error(`cholesky-tiers: ${tier} found the test matrix indefinite at n = ${n}`);
  F.solveInPlace(b);
  return (performance.now() - t0) / 1000;
}

export function timeCholeskyTiers(runs: number): number {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`cholesky tiers: factor + 1 solve, median of ${runs} runs after 1 warm-up, seconds`);
  out(`| n | ${TIERS.join(' | ')} | fastest |`);
  out(`|---|${TIERS.map(() => '---').join('|')}|---|`);
  const skip = new Set<CholeskyTier>();
  for (const n of SIZES) {
    const A = spd(n);
    const row = TIERS.map((tier) => {
      if (skip.has(tier)) return Infinity;
      once(A, n, tier);
      const ts = Array.from({ length: runs }, () => once(A, n, tier)).sort((a, b) => a - b);
      const med = ts[Math.floor(ts.length / 2)];
      if (med * (runs + 1) > 5) skip.add(tier);
      return med;
    });
    const best = row.indexOf(Math.min(...row));
    const fastest = Number.isFinite(row[best]) ? TIERS[best] : '-';
    out(`| ${n} | ${row.map((t) => (Number.isFinite(t) ? t.toPrecision(3) : '-')).join(' | ')} | ${fastest} |`);
  }
  return 0;
}
