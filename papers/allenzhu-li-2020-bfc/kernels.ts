/**
 * Kernel ridge regression baselines of the BFC catalog (main-lower): the RBF kernel
 * exp(-||x - x'||^2 / (2d)) and the degree-4 polynomial kernel (1 + <x, x'> / d)^4, the
 * strongest natural competitor on a degree-4 target, fitted on a seed's training sample
 * (`bfcStaged.ts`, the same data the network sees) with the ridge mu = lam * N picked on the
 * test set from a grid (the rule favours the kernels: the conservative side for a lower bound).
 * CG solver with float64 refinement (`krr.ts`); test MSE in float64. Memoised per seed.
 *
 * Scale warning (catalog): a kernel can fit the whole degree-4 target once N exceeds the number
 * of degree-<= 4 monomials C(d + 4, 4); callers keep N well below it.
 */
import { runCache } from 'claimcheck';
import { flatMatMul, krr, polynomialGram, rbfGram, type FlatMatrix } from 'claimcheck/core';
import type { BfcSample } from './task.js';
import { bfcSeedData, type BfcConfig } from './staged.js';

export type BfcKernel = 'rbf' | 'poly4';

export interface KernelRisk {
  readonly mse: number;
  readonly lambda: number;
  readonly seconds: number;
}

/** C(d + 4, 4): the number of monomials of degree <= 4 in d variables. */
export function degree4MonomialCount(d: number): number {
  return ((d + 1) * (d + 2) * (d + 3) * (d + 4)) / 24;
}

const rowsOf = (s: BfcSample): number[][] => Array.from({ length: s.n }, (_, r) => Array.from(s.X.subarray(r * s.d, (r + 1) * s.d)));

function gramPair(kind: BfcKernel, train: number[][], test: number[][], d: number) {
  if (kind === 'rbf') {
    const o = { lengthscale: Math.sqrt(d) } as const; // gamma = 1 / (2 s^2) = 1 / (2d)
    return { K: rbfGram(train, undefined, o), Kt: rbfGram(test, train, o) };
  }
  const o = { degree: 4, gamma: 1 / d, offset: 1 };
  return { K: polynomialGram(train, undefined, o), Kt: polynomialGram(test, train, o) };
}

export function kernelRiskOn(kind: BfcKernel, train: BfcSample, test: BfcSample, lambdas: readonly number[]): KernelRisk {
  const t0 = performance.now();
  const { K, Kt } = gramPair(kind, rowsOf(train), rowsOf(test), train.d);
  const y = Array.from(train.y);
  const yTest = Array.from(test.y);
  const r = krr({
    K_train: K,
    y_train: y,
    K_test_train: Kt,
    lambdas,
    selection: { kind: 'validation', K_val_train: Kt, y_val: yTest },
    // A relative residual of 1e-4 moves a test MSE by far less than the 0.8 E_hier margin.
    solver: 'cg',
    cg: { tol: 1e-4 },
  });
  const pred = flatMatMul(Kt, r.alpha as FlatMatrix, { mode: 'float64' }).data;
  let acc = 0;
  for (let i = 0; i < test.n; i++) acc += (pred[i] - test.y[i]) ** 2;
  return { mse: acc / test.n, lambda: r.lambda, seconds: (performance.now() - t0) / 1000 };
}

const cache = runCache<KernelRisk>();

/** Kernel test MSE on seed r of the configuration (same train/test data as the network). */
export function bfcKernelRisk(c: BfcConfig, r: number, kind: BfcKernel, lambdas: readonly number[]): KernelRisk {
  const { d, k, alpha3, N, nTest, referenceSize, baseSeed } = c;
  return cache.get({ d, k, alpha3, N, nTest, referenceSize, baseSeed, r, kind, lambdas }, () => {
    const { train, test } = bfcSeedData(c, r);
    return kernelRiskOn(kind, train, test, lambdas);
  });
}
