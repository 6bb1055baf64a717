/**
 * `claimcheck/arbitraries`: the shared fast-check arbitraries (scalars that shrink to simple
 * values, vectors and matrices, datasets, feature maps, ...). Run it:
 * `npx claimcheck verify --file examples/arbitraries-claims.ts`.
 *
 * Claim: a ReLU layer is Lipschitz with the Frobenius norm of its weights,
 * ||relu(W x)|| <= ||W||_F ||x||. Mutant: the same without ||W||_F, which must be refuted.
 */
import { defineClaim, defineMutant, FLOAT64_TOLERANCE, le, type PaperRef } from 'claimcheck';
import { matrixArb, realArb, vectorArb } from 'claimcheck/arbitraries';

export const paper: PaperRef = { key: 'relu-layer', title: 'Norms of a ReLU layer', authors: 'Me', venue: 'notes', confidence: 'high' };

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
// realArb draws from a grid (0, +-1, +-2) and a Gaussian, and shrinks toward the grid.
const cases = matrixArb(3, 4, realArb()).chain((W) => vectorArb(4, realArb()).map((x) => ({ W, x })));
const layer = (W: number[][], x: number[]) =>
  W.map((row) =>
    Math.max(
      0,
      row.reduce((s, w, j) => s + w * x[j], 0),
    ),
  );

export const lipschitz = defineClaim({
  id: 'relu-layer/fact1/frobenius-lipschitz',
  paper,
  theorem: 'Fact 1',
  confidence: 'V',
  kind: 'exact',
  statement: '||relu(W x)|| <= ||W||_F ||x|| for every weight matrix W and input x.',
  hypotheses: cases,
  check: ({ W, x }) => ({ conditions: [le('||relu(W x)|| <= ||W||_F ||x||', norm(layer(W, x)), norm(W.flat()) * norm(x))] }),
  tolerance: { ...FLOAT64_TOLERANCE, reason: 'float64 sums of a dozen products' },
});

export const withoutWeights = defineMutant({
  of: lipschitz,
  id: 'relu-layer/fact1/frobenius-lipschitz~no-weight-norm',
  change: 'the bound ||x|| without the factor ||W||_F',
  status: 'safe',
  check: ({ W, x }) => ({ conditions: [le('||relu(W x)|| <= ||x||', norm(layer(W, x)), norm(x))] }),
});
