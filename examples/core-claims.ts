/**
 * `claimcheck/core`: the numeric toolkit a check uses (float64 linear algebra, kernels, ridge
 * regression, losses, statistics, TF.js models and trainers). Run it:
 * `npx claimcheck verify --file examples/core-claims.ts`.
 *
 * Claim: the degree-1 arc-cosine kernel (the NNGP kernel of an infinitely wide ReLU layer, Cho &
 * Saul 2009) gives a positive semidefinite Gram matrix on any points. Mutant: the Euclidean
 * distance "kernel", whose Gram matrix has trace 0 and so a negative eigenvalue, must be refuted.
 */
import { defineClaim, defineMutant, fc, ge, type PaperRef } from 'claimcheck';
import { arcCosineKernel, lambdaMin, norm2 } from 'claimcheck/core';

export const paper: PaperRef = {
  key: 'arccos',
  title: 'Kernel Methods for Deep Learning',
  authors: 'Cho and Saul',
  venue: 'NeurIPS 2009',
  confidence: 'high',
};

const point = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 });
const points = fc.uniqueArray(point, { minLength: 2, maxLength: 5, selector: (p) => p.join(',') });
const gram = (X: number[][], k: (x: number[], z: number[]) => number) => X.map((x) => X.map((z) => k(x, z)));

export const psd = defineClaim({
  id: 'arccos/thm1/gram-psd',
  paper,
  theorem: 'Thm 1',
  confidence: 'V',
  kind: 'exact',
  statement: 'The Gram matrix of the degree-1 arc-cosine kernel is positive semidefinite.',
  hypotheses: points,
  check: (X) => ({ conditions: [ge('lambda_min(K) >= 0', lambdaMin(gram(X, (x, z) => arcCosineKernel(1, x, z))), 0)] }),
  tolerance: { rel: 0, abs: 1e-9, reason: 'Jacobi eigenvalues of a 5 x 5 float64 matrix with entries up to ~30' },
});

export const distance = defineMutant({
  of: psd,
  id: 'arccos/thm1/gram-psd~distance-kernel',
  change: 'k(x, z) = ||x - z|| instead of the arc-cosine kernel',
  status: 'safe',
  check: (X) => ({
    conditions: [ge('lambda_min(K) >= 0', lambdaMin(gram(X, (x, z) => norm2(x.map((xi, i) => xi - z[i])))), 0)],
  }),
});
