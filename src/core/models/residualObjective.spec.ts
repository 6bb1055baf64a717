import { describe, expect, it } from 'vitest';
import { LOSS_NAMES, lossByName, type Loss } from '../losses.js';
import { Rng, keyFromSeed } from '../random.js';
import {
  linearGradient,
  linearHessian,
  linearLoss,
  noSkipGradient,
  noSkipLoss,
  residualGradient,
  residualHessian,
  residualLoss,
  tweakedGradient,
  tweakedLoss,
  type ResidualData,
} from './residualObjective.js';

const rng = new Rng(keyFromSeed(1));
const mat = (m: number, n: number, s = 1) => Array.from({ length: m }, () => Array.from({ length: n }, () => s * rng.normal()));

function instance(loss: Loss) {
  const d = rng.int(1, 4),
    k = rng.int(1, 4),
    n = rng.int(1, 6);
  const y = Array.from({ length: n }, () => (loss.labels === 'sign' ? (rng.uniform() < 0.5 ? -1 : 1) : rng.normal()));
  const data: ResidualData = { X: mat(n, d), Fx: mat(n, k), y, loss };
  return { data, d, k, w: mat(1, d, 0.7)[0], V: mat(d, k, 0.7) };
}

const pack = (w: number[], V: number[][]) => [...w, ...V.flat()];
const unpack = (t: number[], d: number, k: number): [number[], number[][]] => [
  t.slice(0, d),
  Array.from({ length: d }, (_, a) => t.slice(d + a * k, d + (a + 1) * k)),
];

/** Central differences of a vector-valued map: columns are d out / d t_j. */
function fdJacobian(f: (t: number[]) => number[], t: number[], h: number): number[][] {
  const cols = t.map((_, j) => {
    const tp = [...t],
      tm = [...t];
    tp[j] += h;
    tm[j] -= h;
    const fp = f(tp),
      fm = f(tm);
    return fp.map((v, i) => (v - fm[i]) / (2 * h));
  });
  return cols[0].map((_, i) => cols.map((c) => c[i]));
}

/** Largest |a - b| relative to 1 + the largest |b|: a scale-aware relative error. */
function relErr(a: number[], b: number[]): number {
  const scale = 1 + Math.max(...b.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]))) / scale;
}

describe.each(LOSS_NAMES)('residual unit with loss %s', (name) => {
  const loss = lossByName(name);

  it('gradient matches central differences of residualLoss', () => {
    for (let t = 0; t < 25; t++) {
      const { data, d, k, w, V } = instance(loss);
      const g = residualGradient(data, w, V);
      const fd = fdJacobian((th) => [residualLoss(data, ...unpack(th, d, k))], pack(w, V), 1e-6)[0];
      expect(relErr(pack(g.gw, g.gV), fd)).toBeLessThan(1e-7);
      expect(g.norm).toBeCloseTo(Math.hypot(...pack(g.gw, g.gV)), 12);
    }
  });

  it('Hessian matches central differences of residualGradient and is symmetric', () => {
    for (let t = 0; t < 25; t++) {
      const { data, d, k, w, V } = instance(loss);
      const H = residualHessian(data, w, V);
      const grad = (th: number[]) => {
        const g = residualGradient(data, ...unpack(th, d, k));
        return pack(g.gw, g.gV);
      };
      const fd = fdJacobian(grad, pack(w, V), 1e-5);
      expect(H.length).toBe(d + d * k);
      expect(relErr(H.flat(), fd.flat())).toBeLessThan(1e-6);
      H.forEach((row, r) => row.forEach((v, c) => expect(v).toBe(H[c][r])));
    }
  });

  it('tweaked and no-skip gradients match central differences', () => {
    for (let t = 0; t < 25; t++) {
      const { data, d, k, w, V } = instance(loss);
      const v = V[0];
      const tg = tweakedGradient(data, w, v);
      const tfd = fdJacobian((th) => [tweakedLoss(data, th.slice(0, d), th.slice(d))], [...w, ...v], 1e-6)[0];
      expect(relErr([...tg.gw, ...tg.gv], tfd)).toBeLessThan(1e-7);
      const ng = noSkipGradient(data, w, V);
      const nfd = fdJacobian((th) => [noSkipLoss(data, ...unpack(th, d, k))], pack(w, V), 1e-6)[0];
      expect(relErr(pack(ng.gw, ng.gV), nfd)).toBeLessThan(1e-7);
    }
  });

  it('linear gradient and Hessian match central differences; F(w, 0) = F_lin(w)', () => {
    for (let t = 0; t < 25; t++) {
      const { data, d, k, w } = instance(loss);
      const { X, y } = data;
      expect(residualLoss(data, w, mat(d, k, 0))).toBeCloseTo(linearLoss(X, y, loss, w), 13);
      const g = linearGradient(X, y, loss, w);
      expect(relErr(g, fdJacobian((th) => [linearLoss(X, y, loss, th)], w, 1e-6)[0])).toBeLessThan(1e-7);
      const H = linearHessian(X, y, loss, w);
      expect(relErr(H.flat(), fdJacobian((th) => linearGradient(X, y, loss, th), w, 1e-5).flat())).toBeLessThan(1e-6);
    }
  });
});

describe('closed forms from the paper', () => {
  it('Example 1: gradient and Hessian of (1/2)(w(1 + eps v) - 1)^2 everywhere, and at (0, -1/eps)', () => {
    const eps = 1 / 8;
    const data: ResidualData = { X: [[1]], Fx: [[eps]], y: [1], loss: lossByName('squared') };
    for (const [w, v] of [
      [0.3, -2],
      [-1.1, 0.7],
      [2, 5],
    ]) {
      const r = w - 1 + eps * w * v;
      const g = residualGradient(data, [w], [[v]]);
      expect(g.gw[0]).toBeCloseTo(r * (1 + eps * v), 13);
      expect(g.gV[0][0]).toBeCloseTo(r * eps * w, 13);
      const c = eps * (2 * w + 2 * eps * w * v - 1);
      const H = residualHessian(data, [w], [[v]]);
      [
        [(1 + eps * v) ** 2, c],
        [c, eps * eps * w * w],
      ]
        .flat()
        .forEach((h, i) => expect(H.flat()[i]).toBeCloseTo(h, 12));
    }
    const g0 = residualGradient(data, [0], [[-1 / eps]]);
    expect(g0.norm).toBe(0);
    expect(residualHessian(data, [0], [[-1 / eps]])).toEqual([
      [0, -eps],
      [-eps, 0],
    ]);
    expect(residualLoss(data, [0], [[-1 / eps]])).toBe(0.5);
  });

  it('at w = 0: grad_V = 0, V-V block 0, w-w block E[ell2(0) z z^T], cross block [a = b] q_c', () => {
    const loss = lossByName('logistic');
    for (let t = 0; t < 10; t++) {
      const { data, d, k, V } = instance(loss);
      const n = data.y.length;
      const w = new Array<number>(d).fill(0);
      const H = residualHessian(data, w, V);
      const z = data.X.map((x, i) => x.map((xa, a) => xa + V[a].reduce((s, vac, c) => s + vac * data.Fx[i][c], 0)));
      const q = Array.from({ length: k }, (_, c) => data.y.reduce((s, yi, i) => s + loss.d1(0, yi) * data.Fx[i][c], 0) / n);
      expect(
        residualGradient(data, w, V)
          .gV.flat()
          .every((v) => v === 0),
      ).toBe(true);
      for (let r = 0; r < d + d * k; r++) {
        for (let c = 0; c < d + d * k; c++) {
          let ref = 0;
          if (r < d && c < d) ref = z.reduce((s, zi, i) => s + loss.d2(0, data.y[i]) * zi[r] * zi[c], 0) / n;
          else if (r < d && Math.floor((c - d) / k) === r) ref = q[(c - d) % k];
          else if (c < d && Math.floor((r - d) / k) === c) ref = q[(r - d) % k];
          expect(Math.abs(H[r][c] - ref)).toBeLessThan(1e-14);
        }
      }
    }
  });
});

describe('argument validation', () => {
  const loss = lossByName('squared');
  const data: ResidualData = { X: [[1, 2]], Fx: [[3]], y: [1], loss };
  it('names the bad argument', () => {
    expect(() => residualLoss(data, [1], [[1], [1]])).toThrow(/w must have length 2/);
    expect(() =>
      residualGradient(
        data,
        [1, 1],
        [
          [1, 1],
          [1, 1],
        ],
      ),
    ).toThrow(/V must have 1 columns/);
    expect(() => residualHessian({ ...data, y: [1, 2] }, [1, 1], [[1], [1]])).toThrow(/data.y must have length 1/);
    expect(() => residualLoss({ ...data, Fx: [[1], [2]] }, [1, 1], [[1], [1]])).toThrow(/data.Fx must have 1 rows/);
    expect(() => tweakedLoss(data, [1, 1], [1, 2])).toThrow(/v must have length 1/);
    expect(() => linearLoss([[1, 2]], [1], loss, [1])).toThrow(/w must have length 2/);
  });
});
