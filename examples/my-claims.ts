/**
 * `claimcheck`: a claim file of your own, importing only 'claimcheck' (fast-check comes with it as
 * `fc`). Run it: `npx claimcheck verify --file examples/my-claims.ts`.
 *
 * Claim: the linear comparator F_lin(w) = mean ell(w^T x_i; y_i) is convex in w for every loss
 * convex in the prediction (the fact behind Shamir 2018's Thm 1). Mutant: the same for the
 * non-convex saturating loss 1 - exp(-(p - y)^2), which must be refuted.
 */
import { defineClaim, defineMutant, fc, FLOAT64_TOLERANCE, le, lossByName, residual, type PaperRef } from 'claimcheck';

export const paper: PaperRef = {
  key: 'my-notes',
  title: 'Convexity of the linear comparator',
  authors: 'Me',
  venue: 'notes',
  confidence: 'high',
};

// Small integers keep shrunk counterexamples readable (fast-check shrinks them toward 0). Vectors
// are drawn at the largest size and cut to d, so shrinking d keeps the rest of the case.
const MAX_D = 4;
const vector = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: MAX_D, maxLength: MAX_D });
const cases = (losses: string[]) =>
  fc
    .record({
      d: fc.integer({ min: 1, max: MAX_D }),
      X: fc.array(vector, { minLength: 1, maxLength: 6 }),
      a: vector,
      b: vector,
      loss: fc.constantFrom(...losses),
    })
    .map(({ d, X, a, b, loss }) => ({
      X: X.map((x) => x.slice(0, d)),
      a: a.slice(0, d),
      b: b.slice(0, d),
      loss,
      y: X.map((_, i) => (i % 2 === 0 ? 1 : -1)),
    }));

type Case = { X: number[][]; y: number[]; a: number[]; b: number[]; loss: string };

const midpointConvexity = ({ X, y, a, b, loss }: Case) => {
  const ell = lossByName(loss);
  const mid = a.map((ai, i) => (ai + b[i]) / 2);
  const F = (w: number[]) => residual.linearLoss(X, y, ell, w);
  return { conditions: [le('F_lin((a+b)/2) <= (F_lin(a) + F_lin(b)) / 2', F(mid), (F(a) + F(b)) / 2)] };
};

export const convexComparator = defineClaim({
  id: 'my-notes/fact1/linear-comparator-convex',
  paper,
  theorem: 'Fact 1',
  confidence: 'V',
  kind: 'exact',
  statement: 'F_lin is midpoint-convex in w for every loss convex in the prediction.',
  hypotheses: cases(['squared', 'logistic', 'softplus', 'log-cosh', 'smoothed-hinge']),
  check: midpointConvexity,
  tolerance: { ...FLOAT64_TOLERANCE, reason: 'float64 means of a few non-negative terms' },
});

export const nonconvexLoss = defineMutant({
  of: convexComparator,
  id: 'my-notes/fact1/linear-comparator-convex~saturating-loss',
  change: 'the non-convex loss 1 - exp(-(p - y)^2)',
  status: 'safe',
  hypotheses: cases(['saturating-gaussian']),
});
