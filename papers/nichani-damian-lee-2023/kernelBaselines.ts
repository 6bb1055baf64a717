/**
 * Kernel-ridge baselines for the separation claim of Nichani, Damian & Lee (issue: "compare with
 * the best of several baselines"): polynomial kernels (1 + <x, x'>/d)^p of degree 2 and 4 and
 * the RBF kernel exp(-||x - x'||^2 / (2d)), each fitted by kernel ridge regression (core `krr`) on
 * all n training rows of a seed, with the ridge chosen on the seed's holdout (the same holdout
 * as the three-layer learner and the random-feature model; never the test set). Test NMSE in
 * float64. Memoised per configuration and seed.
 *
 * A degree-p kernel can fit every polynomial of degree <= p once n exceeds the number of such
 * monomials, C(d + p, p); the target ReLU(h*) with quadratic h* has most of its variance in degrees
 * 2 and 4 (h* and He2(h*)), so the degree-4 kernel is the strongest natural competitor and the
 * comparison is run at n below C(d + 4, 4), the number of monomials of degree <= 4.
 */
import { runCache } from 'claimcheck';
import { flatMatMul, krr, polynomialGram, rbfGram, type FlatMatrix, type Mat } from 'claimcheck/core';
import { LAMBDAS, ndlSeedKey, seedData, variance, type NdlConfig } from './layerwise.js';
import type { NdlSample } from './task.js';

export type KernelBaseline = 'poly2' | 'poly4' | 'rbf';

export interface KernelResult {
  readonly nmse: number;
  readonly lambda: number;
}

/** C(d + 4, 4): monomials of degree <= 4 in d variables (the count: 4845 at d = 16). */
export function degree4Monomials(d: number): number {
  return ((d + 1) * (d + 2) * (d + 3) * (d + 4)) / 24;
}

/**
 * Monomials of degree 0, 2 or 4 in d variables, C(d + 3, 4) + C(d + 1, 2) + 1 (4013 at d = 16):
 * the target ReLU(h*) with quadratic h* on the sphere is even, so these are the ones a degree-4
 * kernel needs for its degree-<= 4 part.
 */
export function evenDegree4Monomials(d: number): number {
  return (d * (d + 1) * (d + 2) * (d + 3)) / 24 + (d * (d + 1)) / 2 + 1;
}

const rowsOf = (s: NdlSample): number[][] => Array.from({ length: s.n }, (_, r) => Array.from(s.X.subarray(r * s.d, (r + 1) * s.d)));

function gram(kind: KernelBaseline, A: Mat, B: Mat | undefined, d: number) {
  if (kind === 'rbf') return rbfGram(A, B, { lengthscale: Math.sqrt(d) });
  return polynomialGram(A, B, { degree: kind === 'poly2' ? 2 : 4, gamma: 1 / d, offset: 1 });
}

const cache = runCache<KernelResult>();

export function kernelBaseline(kind: KernelBaseline, c: NdlConfig, baseSeed: number, r: number): KernelResult {
  return cache.get([kind, c.target, c.d, c.n, c.nTest, c.structure, baseSeed, r], () => {
    const key = ndlSeedKey(baseSeed, r);
    const { train, test, holdout } = seedData(c, key, c.n);
    const val = holdout();
    const tr = rowsOf(train);
    const fit = krr({
      K_train: gram(kind, tr, undefined, c.d),
      y_train: Array.from(train.y),
      lambdas: LAMBDAS,
      selection: { kind: 'validation', K_val_train: gram(kind, rowsOf(val), tr, c.d), y_val: Array.from(val.y) },
    });
    const pred = flatMatMul(gram(kind, rowsOf(test), tr, c.d), fit.alpha as FlatMatrix, { mode: 'float64' }).data;
    let acc = 0;
    for (let i = 0; i < test.n; i++) acc += (pred[i] - test.y[i]) ** 2;
    return { nmse: acc / test.n / variance(test.y), lambda: fit.lambda };
  });
}
