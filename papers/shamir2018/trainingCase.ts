import { fc } from 'claimcheck';
import { realArb, seedArb } from 'claimcheck/arbitraries';
import type { Activation, LossName } from 'claimcheck/core';
import type { TrainingCase } from './trainedResidual.js';

/**
 * Cases for Shamir 2018 Cor 1's training check: small data, a convex loss and a feature MLP
 * whose weights are drawn by the trainer from `seed` (so the case stays small plain JSON).
 * Dimensions are drawn first and shrink toward n = d = k = 1.
 */
/** The case is exactly what the training experiment takes. */
export type TrainingCaseValue = TrainingCase;

export function trainingCaseArb(opts: { maxN?: number; maxD?: number; maxK?: number } = {}): fc.Arbitrary<TrainingCaseValue> {
  const { maxN = 24, maxD = 3, maxK = 3 } = opts;
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxN }),
      d: fc.integer({ min: 1, max: maxD }),
      k: fc.integer({ min: 1, max: maxK }),
      // Losses whose linear infimum is attained, so that an approximate local minimum exists to certify.
      loss: fc.constantFrom<LossName>('squared', 'log-cosh'),
    })
    .chain(({ n, d, k, loss }) =>
      fc.record({
        X: fc.array(fc.array(realArb(), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        y: fc.array(realArb({ scale: 2 }), { minLength: n, maxLength: n }),
        loss: fc.constant(loss),
        k: fc.constant(k),
        // One feature layer: theta = (W, c) is refined and certified jointly with (w, V) in float64.
        depth: fc.constant(1),
        activation: fc.constantFrom<Activation>('tanh', 'softplus'),
        seed: seedArb(),
        steps: fc.constantFrom(300, 600),
        lr: fc.constantFrom(0.03, 0.01),
      }),
    );
}

/**
 * Cor 1's no-skip mutant: f = ReLU(theta x + c) with every unit dead on the sample (margin > 0),
 * integer-valued data so the shrunk case reads like the catalog's (x = 1, y = 1, theta = 0, c = -1).
 */
export interface DeadReluCase {
  readonly X: number[][];
  readonly y: number[];
  readonly loss: LossName;
  readonly theta: number[][];
  readonly c: number[];
  readonly w: number[];
  readonly V: number[][];
}

export function deadReluCaseArb(): fc.Arbitrary<DeadReluCase> {
  const int = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
  return fc
    .record({ n: int(1, 8), d: int(1, 3), k: int(1, 3), loss: fc.constantFrom<LossName>('squared', 'log-cosh', 'softplus') })
    .chain(({ n, d, k, loss }) =>
      fc
        .record({
          X: fc.array(fc.array(int(-3, 3), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
          y: fc.array(int(-3, 3), { minLength: n, maxLength: n }),
          loss: fc.constant(loss),
          theta: fc.array(fc.array(int(-2, 2), { minLength: d, maxLength: d }), { minLength: k, maxLength: k }),
          slack: fc.array(int(1, 5), { minLength: k, maxLength: k }),
          w: fc.array(realArb(), { minLength: d, maxLength: d }),
          V: fc.array(fc.array(realArb(), { minLength: k, maxLength: k }), { minLength: d, maxLength: d }),
        })
        .map(({ slack, ...rest }) => ({
          ...rest,
          // c_j = -(max_i theta_j x_i) - slack_j puts every unit below zero on every sample point.
          c: rest.theta.map((row, j) => -Math.max(0, ...rest.X.map((x) => row.reduce((s, t, a) => s + t * x[a], 0))) - slack[j]),
        })),
    );
}
