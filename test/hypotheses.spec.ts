/**
 * Cross-cutting contracts of the Shamir 2018 hypotheses (src/claims/arbitraries): deterministic
 * for a seed, plain-JSON values with consistent shapes, shrinking toward the smallest and
 * simplest case, and every corner of claims/README.md actually reached.
 */
import * as fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, test } from 'vitest';
import { mlpForward, mlpInputDim, mlpOutputDim, ACTIVATIONS } from '../src/core/models/mlp64.js';
import { CONVEX_LOSSES, lossByName, type LossName } from '../src/core/losses.js';
import {
  cancellationRatio,
  cancellingV,
  datasetArb,
  featureMapArb,
  inputsArb,
  residualInstanceArb,
  residualPointArb,
  RESIDUAL_REGIONS,
  THM1_REGION_WEIGHTS,
  THM2_REGION_WEIGHTS,
  FEATURE_KINDS,
  INPUT_KINDS,
  LABEL_KINDS,
  type ResidualInstance,
} from '../src/claims/arbitraries/index.js';

const thm1 = () => residualInstanceArb({ losses: CONVEX_LOSSES, requireNonzeroW: true });
const thm2 = () => residualInstanceArb({ losses: CONVEX_LOSSES, zeroW: true });

/** Problems that stop v from being plain JSON (finite numbers, no -0, ordinary objects). */
function jsonProblems(v: unknown, path = 'v', out: string[] = []): string[] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) out.push(`${path} = ${Object.is(v, -0) ? '-0' : v}`);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => jsonProblems(x, `${path}[${i}]`, out));
  } else if (typeof v === 'object' && v !== null) {
    if (Object.getPrototypeOf(v) !== Object.prototype) out.push(`${path} is not a plain object`);
    for (const [k, x] of Object.entries(v)) jsonProblems(x, `${path}.${k}`, out);
  } else if (!(v === null || typeof v === 'string' || typeof v === 'boolean')) {
    out.push(`${path} has type ${typeof v}`);
  }
  return out;
}

function assertJsonRoundTrip(v: unknown): void {
  expect(jsonProblems(v)).toEqual([]);
  expect(JSON.parse(JSON.stringify(v))).toStrictEqual(v);
}

function assertInstanceShape(h: ResidualInstance): void {
  expect(h.X).toHaveLength(h.n);
  h.X.forEach((x) => expect(x).toHaveLength(h.d));
  expect(h.y).toHaveLength(h.n);
  expect(mlpInputDim(h.f)).toBe(h.d);
  expect(mlpOutputDim(h.f)).toBe(h.k);
  expect(h.w).toHaveLength(h.d);
  expect(h.V).toHaveLength(h.d);
  h.V.forEach((row) => expect(row).toHaveLength(h.k));
  if (h.wStar !== null) expect(h.wStar).toHaveLength(h.d);
  const F = mlpForward(h.f, h.X);
  expect(F.every((r) => r.length === h.k && r.every(Number.isFinite))).toBe(true);
}

const norm = (v: readonly number[]) => Math.hypot(...v);
const frob = (M: readonly (readonly number[])[]) => Math.hypot(...M.flat());
const shares = (xs: readonly string[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1 / xs.length;
  return m;
};
const pct = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${(100 * v).toFixed(1)}%`]));

/** Residual unit p = w^T (x + V f(x)) in float64: z, F(w, V), and ||grad_(w,V) F||. */
function residualUnit(h: ResidualInstance, lossName: LossName) {
  const loss = lossByName(lossName);
  const Fx = mlpForward(h.f, h.X);
  const Z = h.X.map((x, i) => x.map((xj, j) => xj + h.V[j].reduce((s, v, c) => s + v * Fx[i][c], 0)));
  const gw = new Array<number>(h.d).fill(0);
  const gV = h.V.map((r) => r.map(() => 0));
  let F = 0;
  Z.forEach((z, i) => {
    const p = z.reduce((s, zj, j) => s + h.w[j] * zj, 0);
    F += loss.value(p, h.y[i]) / h.n;
    const g = loss.d1(p, h.y[i]) / h.n;
    z.forEach((zj, j) => (gw[j] += g * zj));
    h.V.forEach((row, j) => row.forEach((_, c) => (gV[j][c] += g * h.w[j] * Fx[i][c])));
  });
  return { Fx, Z, F, grad: Math.hypot(norm(gw), frob(gV)) };
}

describe('determinism', () => {
  const arbs: Record<string, () => fc.Arbitrary<unknown>> = {
    datasetArb: () => datasetArb(),
    featureMapArb: () => featureMapArb(3),
    'featureMapArb with X': () =>
      featureMapArb(2, {
        X: [
          [1, -1],
          [0.5, 2],
        ],
      }),
    residualPointArb: () =>
      residualPointArb({
        X: [
          [1, 2],
          [3, -1],
          [0, 1],
        ],
        F: [[1], [0], [2]],
        k: 1,
        y: [1, 0, -1],
      }),
    'residualInstanceArb (thm1)': thm1,
    'residualInstanceArb (thm2)': thm2,
  };
  for (const [name, make] of Object.entries(arbs)) {
    test(`${name}: same seed, same values; other seed, other values`, () => {
      const a = fc.sample(make(), { seed: 42, numRuns: 60 });
      const b = fc.sample(make(), { seed: 42, numRuns: 60 });
      const c = fc.sample(make(), { seed: 43, numRuns: 60 });
      expect(b).toStrictEqual(a);
      expect(c).not.toStrictEqual(a);
    });
  }
});

describe('valid values only', () => {
  test('residual instances: consistent shapes, finite numbers, exact JSON round trip', () => {
    for (const arb of [thm1(), thm2()]) {
      for (const h of fc.sample(arb, { seed: 7, numRuns: 300 })) {
        assertInstanceShape(h);
        assertJsonRoundTrip(h);
      }
    }
  });

  test('datasets and feature maps on their own', () => {
    for (const ds of fc.sample(datasetArb(), { seed: 3, numRuns: 200 })) {
      expect(ds.X).toHaveLength(ds.n);
      expect(ds.y).toHaveLength(ds.n);
      ds.X.forEach((x) => expect(x).toHaveLength(ds.d));
      assertJsonRoundTrip(ds);
    }
    for (const fm of fc.sample(featureMapArb(4), { seed: 3, numRuns: 200 })) {
      expect(mlpInputDim(fm.f)).toBe(4);
      expect(mlpOutputDim(fm.f)).toBe(fm.k);
      assertJsonRoundTrip(fm);
    }
  });

  test('Thm 1 mode has w != 0; Thm 2 mode has w = 0 and w* null or nonzero', () => {
    for (const h of fc.sample(thm1(), { seed: 11, numRuns: 300 })) expect(norm(h.w)).toBeGreaterThan(0);
    for (const h of fc.sample(thm2(), { seed: 11, numRuns: 300 })) {
      expect(h.w.every((v) => v === 0)).toBe(true);
      expect(h.d + h.d * h.k).toBeLessThanOrEqual(200); // THM2_MAX_DK: the Hessian stays small
      if (h.wStar !== null) expect(norm(h.wStar)).toBeGreaterThan(0);
    }
  });

  test('sizes: mostly cheap, n = 1 included, occasionally large, within the catalog bounds', () => {
    const xs = fc.sample(thm1(), { seed: 5, numRuns: 500 });
    const share = (p: (h: ResidualInstance) => boolean) => xs.filter(p).length / xs.length;
    expect(share((h) => h.n <= 50)).toBeGreaterThan(0.85);
    expect(share((h) => h.d <= 8 && h.k <= 8)).toBeGreaterThan(0.8);
    expect(share((h) => h.n === 1)).toBeGreaterThan(0.01);
    expect(xs.some((h) => h.n > 50)).toBe(true);
    expect(xs.every((h) => h.n <= 500 && h.d <= 20 && h.k <= 20)).toBe(true);
    const capped = fc.sample(residualInstanceArb({ losses: ['squared'], sizes: { maxN: 5, maxD: 3, maxK: 4 } }), { seed: 5, numRuns: 200 });
    expect(capped.every((h) => h.n <= 5 && h.d <= 3 && h.k <= 4)).toBe(true);
  });

  test('bad options fail loudly, naming the option', () => {
    expect(() => residualInstanceArb({ losses: [] })).toThrow(/losses/);
    expect(() => residualInstanceArb({ losses: ['nope' as LossName] })).toThrow(/unknown loss/);
    expect(() => residualInstanceArb({ losses: ['squared'], sizes: { maxN: 0 } })).toThrow(/sizes\.maxN/);
    expect(() => residualInstanceArb({ losses: ['squared'], zeroW: true, regions: { 'far-labels': 1 } })).toThrow(/regions\.far-labels/);
    expect(() => residualInstanceArb({ losses: ['squared'], zeroW: true, requireNonzeroW: true })).toThrow(/exclude/);
  });
});

describe('shrinking', () => {
  const shrunk = <T>(arb: fc.Arbitrary<T>, pred: (v: T) => boolean, seed = 1): T => {
    const out = fc.check(fc.property(arb, pred), { seed, numRuns: 200 });
    expect(out.failed).toBe(true);
    return out.counterexample![0];
  };

  test('an always-failing property shrinks to n = d = k = 1 and simple values', () => {
    for (const arb of [thm1(), thm2()]) {
      const h = shrunk(arb, () => false);
      expect([h.n, h.d, h.k]).toEqual([1, 1, 1]);
      expect(h.region).toBe('unbiased');
      expect(h.loss).toBe('squared');
      expect(h.features).toBe('zero');
      expect(h.X).toEqual([[1]]);
    }
    expect(shrunk(datasetArb(), () => false)).toMatchObject({ n: 1, d: 1, X: [[1]], y: [0], labels: 'zero' });
    expect(shrunk(featureMapArb(3), () => false)).toMatchObject({ k: 1, kind: 'zero' });
  });

  test('a size-dependent failure shrinks to its boundary', () => {
    const h = shrunk(thm1(), (x) => x.n * x.d * x.k < 12);
    expect(h.n * h.d * h.k).toBeGreaterThanOrEqual(12);
    expect(h.n + h.d + h.k).toBeLessThanOrEqual(12 + 2);
  });

  test('Thm 1 ~nonconvex-loss mutant: refuted at once, shrinks to (nearly) the catalog instance', () => {
    // Catalog: n = 1, d = k = 1, x = 1, y = 0, f = 0, V = 0, w = 3, w* = 0.
    const mutant = residualInstanceArb({ losses: ['saturating-gaussian'], requireNonzeroW: true });
    const results = Array.from({ length: 30 }, (_, i) => fc.check(fc.property(mutant, thm1Holds), { seed: i + 1, numRuns: 300 }));
    const found = results.filter((r) => r.failed).map((r) => r.counterexample![0]);
    expect(found).toHaveLength(30);
    const tiny = found.filter((h) => h.n === 1 && h.d === 1 && h.k === 1);
    const catalog = tiny.filter(
      (h) => h.X[0][0] === 1 && h.y[0] === 0 && h.V[0][0] === 0 && h.w[0] === 3 && mlpForward(h.f, h.X)[0][0] === 0,
    );
    console.log(
      `nonconvex-loss mutant over 30 seeds: first failure at run ${Math.max(...results.map((r) => r.numRuns))} at worst; ` +
        `shrunk to n = d = k = 1 in ${tiny.length}, to the catalog instance exactly in ${catalog.length}; seed 1: ${JSON.stringify(found[0])}`,
    );
    expect(Math.max(...results.map((r) => r.numRuns))).toBeLessThan(100);
    expect(tiny.length).toBeGreaterThanOrEqual(18);
    expect(catalog.length).toBeGreaterThanOrEqual(3);
    // Every shrunk case is at least small and far from its labels.
    for (const h of found) expect(h.n).toBeLessThanOrEqual(2);
  });

  test('Thm 2 ~strict-negative-curvature mutant: refuted, shrinks to the catalog instance', () => {
    // Catalog: n = 1, d = k = 1, x = 1, y = 1, squared loss, f = 0, V = 0: Hessian [[1, 0], [0, 0]].
    const arb = residualInstanceArb({ losses: CONVEX_LOSSES, zeroW: true, sizes: { maxDk: 40 } });
    const found = Array.from({ length: 20 }, (_, i) =>
      fc.check(
        fc.property(arb, (x) => lambdaMinAtZero(x) < -1e-12),
        { seed: i + 1, numRuns: 200 },
      ),
    );
    expect(found.every((r) => r.failed)).toBe(true);
    const cases = found.map((r) => r.counterexample![0]);
    const catalog = cases.filter((h) => h.n === 1 && h.d === 1 && h.k === 1 && h.loss === 'squared' && h.X[0][0] === 1 && h.V[0][0] === 0);
    console.log(
      `strict-negative-curvature mutant over 20 seeds: catalog shape (y free) in ${catalog.length}; seed 1: ${JSON.stringify(cases[0])}`,
    );
    expect(catalog.length).toBeGreaterThanOrEqual(18);
  });
});

/** Thm 1 at the instance, ||V|| as Frobenius (valid, larger); w* = null read as 0 (any w* is allowed). */
function thm1Holds(x: ResidualInstance): boolean {
  const { F, grad } = residualUnit(x, x.loss);
  const ws = x.wStar ?? new Array<number>(x.d).fill(0);
  const Flin =
    x.X.reduce(
      (s, xi, i) =>
        s +
        lossByName(x.loss).value(
          xi.reduce((t, v, j) => t + ws[j] * v, 0),
          x.y[i],
        ),
      0,
    ) / x.n;
  const nw = norm(x.w);
  const rhs = grad * Math.sqrt(2 * nw ** 2 + norm(ws) ** 2 * (2 + frob(x.V) ** 2 / nw ** 2));
  return F - Flin <= rhs + 1e-4 * Math.max(Math.abs(F - Flin), rhs) + 1e-6;
}

/** lambda_min of Hess_(w,V) F at w = 0: [[B, C], [C^T, 0]], C_(a, bk+c) = [a = b] q_c. */
function lambdaMinAtZero(h: ResidualInstance): number {
  const { Fx, Z } = residualUnit(h, h.loss);
  const loss = lossByName(h.loss);
  const m = h.d + h.d * h.k;
  const H = Matrix.zeros(m, m);
  h.X.forEach((_, i) => {
    const a2 = loss.d2(0, h.y[i]) / h.n;
    const a1 = loss.d1(0, h.y[i]) / h.n;
    for (let a = 0; a < h.d; a++) {
      for (let b = 0; b < h.d; b++) H.set(a, b, H.get(a, b) + a2 * Z[i][a] * Z[i][b]);
      for (let c = 0; c < h.k; c++) {
        const col = h.d + a * h.k + c;
        H.set(a, col, H.get(a, col) + a1 * Fx[i][c]);
        H.set(col, a, H.get(a, col));
      }
    }
  });
  return Math.min(...new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues);
}

describe('corners are reached', () => {
  test('every region, feature kind, input and label kind in a sample of 500', () => {
    for (const [mode, arb, weights] of [
      ['thm1', thm1(), THM1_REGION_WEIGHTS],
      ['thm2', thm2(), THM2_REGION_WEIGHTS],
    ] as const) {
      const xs = fc.sample(arb, { seed: 2024, numRuns: 500 });
      const regions = shares(xs.map((h) => h.region));
      const features = shares(xs.map((h) => h.features));
      console.log(
        `${mode} regions`,
        pct(regions),
        '\nfeatures',
        pct(features),
        '\ninputs',
        pct(shares(xs.map((h) => h.input))),
        '\nlabels',
        pct(shares(xs.map((h) => h.labels))),
        '\nwStar',
        pct(shares(xs.map((h) => (h.wStar === null ? 'best-linear' : norm(h.wStar) === 0 ? 'zero' : 'random')))),
      );
      for (const r of RESIDUAL_REGIONS) {
        if (weights[r] > 0) expect(regions[r] ?? 0, `${mode} region ${r}`).toBeGreaterThan(0.03);
        else expect(regions[r], `${mode} region ${r}`).toBeUndefined();
      }
      for (const k of FEATURE_KINDS) expect(features[k] ?? 0, `${mode} features ${k}`).toBeGreaterThan(0.02);
      const inputs = shares(xs.map((h) => h.input));
      for (const k of INPUT_KINDS) expect(inputs[k] ?? 0, `${mode} inputs ${k}`).toBeGreaterThan(0.03);
      const labels = shares(xs.map((h) => h.labels));
      for (const k of LABEL_KINDS) expect(labels[k] ?? 0, `${mode} labels ${k}`).toBeGreaterThan(0.02);
      const acts = new Set(xs.filter((h) => h.features === 'random-mlp').map((h) => h.f.activation));
      expect([...acts].sort()).toEqual([...ACTIVATIONS].sort());
    }
  });

  test('norms span decades: ||w|| down to 1e-4, ||V|| up to ~1e3', () => {
    const xs = fc.sample(thm1(), { seed: 9, numRuns: 500 });
    const small = xs.filter((h) => h.region === 'small-w' || h.region === 'small-w-large-V').map((h) => norm(h.w));
    const large = xs.filter((h) => h.region === 'large-V' || h.region === 'small-w-large-V').map((h) => frob(h.V) / Math.sqrt(h.d * h.k));
    console.log(
      `small-w: ||w|| in [${Math.min(...small).toExponential(1)}, ${Math.max(...small).toExponential(1)}]; large-V: rms entry in [${Math.min(...large).toExponential(1)}, ${Math.max(...large).toExponential(1)}]`,
    );
    expect(Math.min(...small)).toBeLessThan(1e-3);
    expect(small.filter((v) => v < 1e-2).length / small.length).toBeGreaterThan(0.25);
    expect(Math.max(...large)).toBeGreaterThan(300);
  });

  test('cancellation region cancels when the features span x', () => {
    const xs = fc.sample(thm1(), { seed: 13, numRuns: 1500 }).filter((h) => h.region === 'cancellation');
    const rows = xs.map((h) => {
      const F = mlpForward(h.f, h.X);
      return { feasible: cancellationRatio(h.X, F, cancellingV(h.X, F)) < 1e-6, ratio: cancellationRatio(h.X, F, h.V) };
    });
    const feasible = rows.filter((r) => r.feasible);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
    const meanFeasible = mean(feasible.map((r) => r.ratio));
    console.log(
      `cancellation: ${xs.length} cases, ${feasible.length} with x in span(F) (${((100 * feasible.length) / xs.length).toFixed(0)}%); ` +
        `mean ||x + V f(x)|| / ||x||: ${meanFeasible.toExponential(2)} there, ${mean(rows.map((r) => r.ratio)).toFixed(3)} over all`,
    );
    expect(feasible.length / xs.length).toBeGreaterThan(0.3);
    expect(meanFeasible).toBeLessThan(0.1);
  });

  test('dead-ReLU maps give f = 0 on the sample; q-zero instances have q = 0 exactly', () => {
    const xs = [...fc.sample(thm1(), { seed: 17, numRuns: 400 }), ...fc.sample(thm2(), { seed: 17, numRuns: 400 })];
    const dead = xs.filter((h) => h.features === 'dead-relu' || h.features === 'zero');
    expect(dead.length).toBeGreaterThan(40);
    for (const h of dead)
      expect(
        mlpForward(h.f, h.X)
          .flat()
          .every((v) => v === 0),
      ).toBe(true);
    const qz = xs.filter((h) => h.region === 'q-zero');
    expect(new Set(qz.map((h) => h.qZero))).toEqual(new Set(['dead-features', 'zero-labels']));
    for (const h of qz) {
      const loss = lossByName(h.loss);
      const F = mlpForward(h.f, h.X);
      const q = F[0].map((_, c) => F.reduce((s, f, i) => s + loss.d1(0, h.y[i]) * f[c], 0));
      expect(q.every((v) => v === 0)).toBe(true);
    }
    // Without the sample, dead biases use the input bound, so they are dead on any generated X.
    const maps = fc.sample(featureMapArb(3, { kinds: { zero: 0, constant: 0, linear: 0, 'random-mlp': 0, 'partly-dead': 0 } }), {
      seed: 1,
      numRuns: 50,
    });
    const Xs = fc.sample(inputsArb(30, 3, 'gaussian'), { seed: 2, numRuns: 50 });
    maps.forEach((m, i) =>
      expect(
        mlpForward(m.f, Xs[i])
          .flat()
          .every((v) => v === 0),
      ).toBe(true),
    );
  });

  test('far-labels points put predictions >= 3 away from the labels', () => {
    const xs = fc.sample(thm1(), { seed: 19, numRuns: 800 }).filter((h) => h.region === 'far-labels');
    const far = xs.filter((h) =>
      residualUnit(h, h.loss).Z.every((z, i) => Math.abs(z.reduce((s, v, j) => s + h.w[j] * v, 0) - h.y[i]) >= 3 - 1e-9),
    );
    console.log(`far-labels: ${far.length}/${xs.length} cases with every |p_i - y_i| >= 3`);
    expect(far.length / xs.length).toBeGreaterThan(0.8);
  });
});

test('timing: fc.sample of 300 default instances', () => {
  const t0 = performance.now();
  fc.sample(thm1(), { seed: 99, numRuns: 300 });
  const t1 = performance.now();
  fc.sample(thm2(), { seed: 99, numRuns: 300 });
  const t2 = performance.now();
  console.log(`fc.sample 300 instances: thm1 ${(t1 - t0).toFixed(0)} ms, thm2 ${(t2 - t1).toFixed(0)} ms`);
  expect(t1 - t0).toBeLessThan(5000);
});
