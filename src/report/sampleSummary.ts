import type { Summary, SummaryResult } from './Summary.js';

/**
 * A small hand-written summary for the report's tests: every verdict status, both roles, a bound
 * that parses and one that does not, series quantities with a known rate (the thm4 rate claim,
 * so its reference line is drawn), a surviving mutant and a failing claim. Test data only.
 */
const exactTol = { rel: 1e-9, abs: 1e-12, reason: 'float64 on both sides' };
const fixedTol = { rel: 0, abs: 0, reason: 'pass rule fixed before the run' };

const rate: SummaryResult = {
  id: 'shamir2018/thm4/sqrt-t-rate', role: 'claim', paper: 'shamir2018', kind: 'scaling',
  theorem: 'Theorem 4 (rate)', confidence: 'V2, C',
  statement: 'With eta = b / (l sqrt T), Delta(T) is O(1/sqrt T).', bound: '1 / sqrt(T)',
  plot: { x: 'T (SGD steps)', references: [{ series: 'Delta', exponent: -0.5, label: '∝ 1/√T' }] },
  tolerance: fixedTol, asExpected: true, words: 'consistent with the theorem at this scale (scaling)',
  verdict: {
    status: 'consistent', cases: 1, skipped: 0, maxSlack: -0.3, seed: 11, slacks: [-0.3],
    evidence: {
      conditions: [{ name: 'sqrt(T) Delta grows at most 1.5x', lhs: 3.1, op: '<=', rhs: 3.4 }],
      quantities: { 'Delta@100': 0.227, 'Delta@1000': 0.098, 'Delta@10000': 0.029,
        'sqrtT*Delta@100': 2.27, 'sqrtT*Delta@1000': 3.1, 'sqrtT*Delta@10000': 2.9, slope: -0.45 },
    },
  },
};

export const SAMPLE_SUMMARY: Summary = {
  schema: 1, tool: 'claimcheck', seed: 7, backend: 'cpu', profile: 'quick', ok: false,
  papers: [
    { key: 'shamir2018', title: 'Are ResNets Provably Better than Linear Predictors?', authors: 'Ohad Shamir', venue: 'NeurIPS 2018', arxiv: '1804.06739', confidence: 'high' },
    { key: 'toy2024', title: 'A Toy Paper', authors: 'A. Author', venue: 'Nowhere 2024', confidence: 'low' },
  ],
  results: [
    {
      id: 'shamir2018/thm1/gradient-lower-bound', role: 'claim', paper: 'shamir2018', kind: 'exact',
      theorem: 'Theorem 1', confidence: 'V2, C', statement: 'F(w, V) - F_lin(w*) <= ||grad F|| sqrt(...).',
      bound: 'norm(g) * sqrt(2 * norm(w)^2 + norm(wStar)^2)', notes: '||V|| is the spectral norm.',
      tolerance: exactTol, asExpected: true, words: 'Verified: holds on 6 generated instances',
      verdict: { status: 'verified', cases: 6, skipped: 0, maxSlack: -1e-9, seed: 5, slacks: [-3.2, -0.5, -1e-9, -120, -4.5e4, -2e8] },
    },
    {
      id: 'shamir2018/thm1/gradient-lower-bound~nonconvex-loss', role: 'mutant', paper: 'shamir2018', kind: 'exact',
      of: 'shamir2018/thm1/gradient-lower-bound', mutantStatus: 'safe', change: 'a non-convex loss',
      expectedCounterexample: 'n = 1, far labels', statement: 'same with a non-convex loss', tolerance: exactTol,
      asExpected: true, words: 'Refuted by a counterexample (Thm 1)',
      verdict: {
        status: 'refuted', cases: 1, skipped: 0, maxSlack: 0.99, seed: 9, slacks: [0.99],
        counterexample: {
          value: { n: 1 }, violated: ['Thm 1'], slack: 0.99, source: 'pinned', seed: 9, path: '0:1', shrinks: 3,
          description: 'n = 1, saturating loss, w = [3]',
          evidence: { conditions: [{ name: 'Thm 1', lhs: 0.9998, op: '<=', rhs: 0.0031 }], quantities: { F: 0.9998, gradNorm: 7.4e-4 } },
          fixture: 'fixtures/counterexamples/shamir2018/thm1/gradient-lower-bound~nonconvex-loss/abc.json',
        },
      },
      replay: 'npx claimcheck replay fixtures/counterexamples/shamir2018/thm1/gradient-lower-bound~nonconvex-loss/abc.json',
    },
    rate,
    {
      ...rate, id: 'shamir2018/thm4/sqrt-t-rate~constant-step', role: 'mutant', theorem: undefined, confidence: undefined,
      of: rate.id, mutantStatus: 'safe [C]', change: 'a fixed step size independent of T', asExpected: true,
      words: 'inconsistent with the theorem at this scale (sqrt(T) Delta grows at most 1.5x)',
      verdict: {
        status: 'inconsistent', cases: 1, skipped: 0, maxSlack: 1.7, seed: 12, slacks: [1.7],
        counterexample: {
          value: { eta: 2 }, violated: ['sqrt(T) Delta grows at most 1.5x'], slack: 1.7, source: 'random', seed: 12, shrinks: 5,
          description: 'constant eta = 2, T in {100, 10000}',
          evidence: {
            conditions: [{ name: 'sqrt(T) Delta grows at most 1.5x', lhs: 1.99, op: '<=', rhs: 0.29 }],
            quantities: { 'Delta@100': 0.019, 'Delta@10000': 0.0199, 'sqrtT*Delta@100': 0.19, 'sqrtT*Delta@10000': 1.99 },
          },
        },
      },
      replay: 'npx claimcheck replay fixtures/counterexamples/shamir2018/thm4/sqrt-t-rate~constant-step/def.json',
    },
    {
      id: 'toy2024/thm2/sgd-stat', role: 'claim', paper: 'toy2024', kind: 'statistical', theorem: 'Theorem 2',
      confidence: 'R', statement: 'SGD is within the bound with probability 1 - delta.', bound: '(1 +* 2',
      tolerance: fixedTol, asExpected: false, words: 'Inconclusive: too-many-skips: 9 of 10 cases skipped',
      verdict: { status: 'inconclusive', cases: 1, skipped: 9, maxSlack: -0.1, seed: 13, slacks: [-0.1], reason: 'too-many-skips', detail: '9 of 10 cases skipped' },
    },
    {
      id: 'toy2024/thm2/sgd-stat~survivor', role: 'mutant', paper: 'toy2024', kind: 'statistical', of: 'toy2024/thm2/sgd-stat',
      mutantStatus: 'hypothesis', change: 'delta doubled', statement: 'weaker', tolerance: fixedTol, asExpected: false,
      words: 'consistent with the theorem at this scale (statistical)',
      verdict: {
        status: 'consistent', cases: 1, skipped: 0, maxSlack: -0.2, seed: 14, slacks: [-0.2],
        evidence: { conditions: [{ name: 'binomial p >= 0.01', lhs: 0.5, op: '>=', rhs: 0.01 }], quantities: { failures: 1 } },
      },
    },
    {
      id: 'toy2024/lem1/pipe|claim', role: 'claim', paper: 'toy2024', kind: 'exact', theorem: 'Lemma 1', confidence: 'V1',
      statement: 'x <= 1 for <all> x & more', tolerance: exactTol, asExpected: false,
      words: 'Refuted by a counterexample (x <= 1)',
      verdict: {
        status: 'refuted', cases: 4, skipped: 0, maxSlack: Infinity, seed: 15, slacks: [-1, -0.25, 0.5, Infinity],
        counterexample: {
          value: { x: 2 }, violated: ['x <= 1'], slack: 1, source: 'targeted', seed: 15, shrinks: 0,
          evidence: { conditions: [{ name: 'x <= 1', lhs: 2, op: '<=', rhs: 1 }] },
        },
      },
    },
  ],
};
