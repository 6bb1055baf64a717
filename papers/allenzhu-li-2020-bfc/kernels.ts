/**
 * Kernel ridge regression baselines of the BFC catalog (main-lower): the RBF kernel
 * exp(-||x - x'||^2 / (2d)), the degree-4 polynomial kernel (1 + <x, x'> / d)^4 (the strongest
 * natural competitor on a degree-4 target) and the NTK of a two-layer ReLU network (core's
 * reluNetworkKernels, L = 1, the neural tangent kernel the paper's lower bound names), fitted on a
 * seed's training sample (`staged.ts`, the same data the network sees). The ridge mu = lam * n is
 * picked on a validation split of the training sample (core's holdout rule: fit on 80%, score on
 * the held-out 20%, refit on all N at the chosen lam), never on the test set. Solver by size
 * (`krr.ts`: float64 Cholesky up to 2000 rows); test MSE in float64. Memoised per seed.
 *
 * Scale warning (catalog): a kernel can fit the whole degree-4 target once N exceeds the number
 * of degree-<= 4 monomials C(d + 4, 4); callers keep N well below it.
 */
import { runCache } from 'claimcheck';
import { flatMatMul, fold, krr, polynomialGram, rbfGram, reluNetworkKernels, type FlatMatrix, type Key } from 'claimcheck/core';
import type { BfcSample } from './task.js';
import { bfcSeedData, bfcSeedKey, type BfcConfig } from './staged.js';

export type BfcKernel = 'rbf' | 'poly4' | 'ntk';
export const BFC_KERNELS: readonly BfcKernel[] = ['rbf', 'poly4', 'ntk'];

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
  if (kind === 'ntk') {
    const o = { hiddenLayers: 1 } as const;
    return { K: reluNetworkKernels(train, undefined, o).ntk, Kt: reluNetworkKernels(test, train, o).ntk };
  }
  const o = { degree: 4, gamma: 1 / d, offset: 1 };
  return { K: polynomialGram(train, undefined, o), Kt: polynomialGram(test, train, o) };
}

export function kernelRiskOn(kind: BfcKernel, train: BfcSample, test: BfcSample, lambdas: readonly number[], splitKey: Key): KernelRisk {
  const t0 = performance.now();
  const { K, Kt } = gramPair(kind, rowsOf(train), rowsOf(test), train.d);
  const y = Array.from(train.y);
  const r = krr({
    K_train: K,
    y_train: y,
    lambdas,
    selection: { kind: 'holdout', fraction: 0.2, key: splitKey },
    // Above 2000 rows (thorough's catalog scale) CG: a relative residual of 1e-4 moves a test MSE
    // by far less than the 0.8 E_hier margin.
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
  const { d, k, alpha3, N, nTest, referenceSize, baseSeed, hierarchical } = c;
  return cache.get({ d, k, alpha3, N, nTest, referenceSize, baseSeed, hierarchical, r, kind, lambdas }, () => {
    const { train, test } = bfcSeedData(c, r);
    return kernelRiskOn(kind, train, test, lambdas, fold(bfcSeedKey(c, r), 'ridge-split'));
  });
}
