/**
 * Polynomial kernel k(x, z) = (gamma <x, z> + c)^p (inhomogeneous for c > 0). Default
 * gamma = 1 / d, so the kernel of hypercube or unit-variance inputs stays O(1) in d.
 */
import type { Mat } from '../linalg/dense.js';
import { dotProductGram, type DotKernelOptions, type Gram } from './Gram.js';

export interface PolynomialOptions extends DotKernelOptions {
  /** Degree p, a positive integer. */
  readonly degree: number;
  /** Scale gamma of the inner product; default 1 / d. */
  readonly gamma?: number;
  /** Offset c; default 1. */
  readonly offset?: number;
}

export function polynomialGram(X: Mat, Z: Mat | undefined, options: PolynomialOptions): Gram {
  const p = options.degree;
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`polynomial: degree must be a positive integer, got ${p}`);
  const gamma = options.gamma ?? 1 / (X[0]?.length ?? 1);
  const c = options.offset ?? 1;
  if (!Number.isFinite(gamma) || !Number.isFinite(c)) {
    throw new RangeError(`polynomial: gamma and offset must be finite, got ${gamma} and ${c}`);
  }
  return dotProductGram((_xx, _zz, xz) => (gamma * xz + c) ** p, X, Z, options);
}
