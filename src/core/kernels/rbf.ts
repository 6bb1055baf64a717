/**
 * Gaussian (RBF) kernel k(x, z) = exp(-||x - z||^2 / (2 s^2)) with lengthscale s, or the
 * catalog's form exp(-||x - z||^2 / d) (allenzhu-li-2019 small-scale instance), which is the
 * lengthscale s = sqrt(d / 2). Squared distances come from inner products,
 * ||x||^2 + ||z||^2 - 2 <x, z>, clamped at 0 against rounding.
 */
import type { Mat } from '../linalg/dense.js';
import { dotProductGram, type DotKernelOptions, type Gram } from './Gram.js';

export type RbfOptions = DotKernelOptions &
  ({ readonly lengthscale: number; readonly form?: undefined } | { readonly form: 'catalog'; readonly lengthscale?: undefined });

/** exp(-gamma ||x - z||^2) with gamma = 1 / (2 s^2), or 1 / d for the catalog form. */
export function rbfGamma(options: RbfOptions, d: number): number {
  if (options.form === 'catalog') return 1 / d;
  const s = options.lengthscale;
  if (!(s > 0) || !Number.isFinite(s)) {
    throw new RangeError(`rbf: lengthscale must be a finite number > 0, got ${String(s)} (or pass { form: 'catalog' })`);
  }
  return 1 / (2 * s * s);
}

export function rbfGram(X: Mat, Z: Mat | undefined, options: RbfOptions): Gram {
  const gamma = rbfGamma(options, X[0]?.length ?? 1);
  return dotProductGram((xx, zz, xz) => Math.exp(-gamma * Math.max(0, xx + zz - 2 * xz)), X, Z, options);
}
