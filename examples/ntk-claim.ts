/**
 * An NTK claim in a few lines with `claimcheck/core`:
 * `npx claimcheck verify --file examples/ntk-claim.ts`.
 *
 * Claim (Jacot, Gabriel & Hongler 2018, Thm 1; fluctuations O(m^-1/2), e.g. Arora et al. 2019):
 * at initialisation in the NTK parameterisation, the empirical NTK of a ReLU network of width m
 * converges to the analytic (infinite-width) NTK, and its relative error shrinks like m^-1/2.
 * The network and its analytic kernel come from one stax-style description (`serial`, `dense`,
 * `relu`), so the finite and the infinite network cannot drift apart.
 * Mutant: the same check against the analytic NNGP instead of the NTK, which must be refuted.
 */
import { defineClaim, defineMutant, exactThreshold, fc, ge, le, type PaperRef } from 'claimcheck';
import {
  dense,
  disposeParams,
  empiricalNtk,
  fitLogLogSlope,
  fold,
  kernelFn,
  keyFromSeed,
  relativeFrobeniusError,
  relu,
  Rng,
  serial,
  staxModel,
} from 'claimcheck/core';

export const paper: PaperRef = {
  key: 'ntk-notes',
  title: 'Neural Tangent Kernel: Convergence and Generalization in Neural Networks',
  authors: 'Jacot, Gabriel, Hongler',
  venue: 'NeurIPS 2018',
  arxiv: '1806.07572',
  confidence: 'high',
};

const WIDTHS = [64, 256, 1024];
const SEEDS = 3;
// Hidden ReLU layers of width m, NTK parameterisation, the c_sigma = 2 convention of core's layers.
const net = (m: number, depth: number) =>
  serial(
    ...Array.from({ length: depth }, (_, l) => [dense({ width: m, sigmaW: l === 0 ? 1 : Math.SQRT2, sigmaB: 0.1 }), relu()]).flat(),
    dense({ width: 1, sigmaW: Math.SQRT2 }),
  );

interface Case {
  readonly seed: number;
  readonly depth: number;
  readonly against: 'ntk' | 'nngp';
}

const cases = (against: Case['against']): fc.Arbitrary<Case> =>
  // The seed never shrinks: a smaller seed is not a simpler case, and each try reruns every width.
  fc.record({ seed: fc.noShrink(fc.nat({ max: 2 ** 30 })), depth: fc.constantFrom(1, 2), against: fc.constant(against) });

/** RMS over seeds of ||empirical NTK - analytic kernel||_F / ||analytic||_F, per width. */
function errors({ seed, depth, against }: Case): number[] {
  const d = 5;
  const rng = new Rng(fold(keyFromSeed(seed), 'inputs'));
  const X = Array.from({ length: 6 }, () => Array.from(rng.normals(d)));
  const analytic = kernelFn(net(1, depth), X)[against];
  return WIDTHS.map((m) => {
    const model = staxModel(net(m, depth), d);
    let sq = 0;
    for (let s = 0; s < SEEDS; s++) {
      const params = model.init(fold(keyFromSeed(seed), `m=${m},s=${s}`));
      sq += relativeFrobeniusError(empiricalNtk(model, params, X), analytic) ** 2;
      disposeParams(params);
    }
    return Math.sqrt(sq / SEEDS);
  });
}

export const ntkConverges = defineClaim({
  id: 'ntk-notes/thm1/empirical-ntk-converges',
  paper,
  theorem: 'Thm 1',
  confidence: 'V',
  kind: 'scaling',
  statement: 'The empirical NTK at initialisation tends to the analytic NTK as the width m grows, with relative error O(m^-1/2).',
  hypotheses: cases('ntk'),
  check: (c) => {
    const err = errors(c);
    const fit = fitLogLogSlope(WIDTHS, err);
    return {
      conditions: [
        le('fitted slope of log error vs log m <= -0.3 (target -0.5)', fit.slope, -0.3),
        ge('fitted slope >= -0.8', fit.slope, -0.8),
        le('error at the largest width <= 5 / sqrt(m)', err[err.length - 1], 5 / Math.sqrt(WIDTHS[WIDTHS.length - 1])),
      ],
      quantities: Object.fromEntries(WIDTHS.map((m, i) => [`error@m=${m}`, err[i]])),
      test: {
        name: 'fitted log-log slope of the RMS relative error against the width (target -0.5)',
        interval: [fit.ciLow, fit.ciHigh],
        effect: { name: 'slope', value: fit.slope },
        scale: `${c.depth} hidden layer(s), d = 5, 6 inputs, m in {${WIDTHS.join(', ')}}, ${SEEDS} seeds per width`,
      },
    };
  },
  tolerance: exactThreshold('thresholds on a fitted slope, fixed before the run; no float tolerance on top'),
});

export const againstNngp = defineMutant({
  of: ntkConverges,
  id: 'ntk-notes/thm1/empirical-ntk-converges~against-nngp',
  change: 'compare the empirical NTK with the analytic NNGP (the wrong kernel): the error stays O(1)',
  status: 'safe',
  hypotheses: cases('nngp'),
});
