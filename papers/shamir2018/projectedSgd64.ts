import { Rng, type Key, type Loss } from 'claimcheck/core';

/**
 * Projected SGD on (w, V) in float64 over a fixed finite pool, with the exact population loss
 * F(w_t, V_t, theta_t) at every iterate (Shamir 2018, Thm 4). The pool is the population, so
 * averages are exact and the only randomness is SGD's sampling and the theta rule.
 *
 * theta_t is chosen before the step-t sample is drawn, as the theorem allows: it indexes a bank
 * of precomputed feature matrices (one per theta), which makes "fresh random theta each step"
 * cost one table look-up instead of recomputing features for the whole pool.
 */
export type Architecture = 'tweaked' | 'original';

export interface SgdPool {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** n x d, row-major. */
  readonly X: Float64Array;
  readonly y: Float64Array;
  /** Feature matrices f_theta(X) (n x k, row-major), one per theta in the bank. */
  readonly bank: readonly Float64Array[];
}

export interface SgdRun {
  readonly arch: Architecture;
  readonly loss: Loss;
  /** Radius of the joint ball on (w, V) (M1 of Thm 4). */
  readonly radius: number;
  readonly steps: number;
  readonly eta: number;
  /** Start (w, V); V is k numbers for 'tweaked' (the vector v), d*k row-major for 'original'. */
  readonly w0: readonly number[];
  readonly V0: readonly number[];
  readonly thetaRule: 'fresh' | 'fixed';
  readonly key: Key;
}

export interface SgdOutcome {
  /** (1/T) sum_t F(w_t, V_t, theta_t): the quantity Thm 4 bounds. */
  readonly avgLoss: number;
  readonly finalLoss: number;
  readonly finalNorm: number;
}

function predict(arch: Architecture, pool: SgdPool, feats: Float64Array, i: number, w: Float64Array, V: Float64Array): number {
  const { d, k, X } = pool;
  let p = 0;
  if (arch === 'tweaked') {
    for (let a = 0; a < d; a++) p += w[a] * X[i * d + a];
    for (let c = 0; c < k; c++) p += V[c] * feats[i * k + c];
  } else {
    for (let a = 0; a < d; a++) {
      let z = X[i * d + a];
      for (let c = 0; c < k; c++) z += V[a * k + c] * feats[i * k + c];
      p += w[a] * z;
    }
  }
  return p;
}

function populationLoss(run: SgdRun, pool: SgdPool, feats: Float64Array, w: Float64Array, V: Float64Array): number {
  let s = 0;
  for (let i = 0; i < pool.n; i++) s += run.loss.value(predict(run.arch, pool, feats, i, w, V), pool.y[i]);
  return s / pool.n;
}

/**
 * Squared loss on the tweaked unit: F(u, theta) = (1/2)(u^T A u - 2 c^T u + e) with u = (w, v),
 * z = (x, f_theta(x)), A = E[z z^T], c = E[y z], e = E[y^2]: the exact population loss in
 * O((d + k)^2) per step instead of O(n (d + k)), which makes T = 1e5 steps cheap. The moments
 * are computed once per pool and theta (the same float64 sums, in a different order).
 */
interface Moments {
  readonly A: Float64Array;
  readonly c: Float64Array;
  readonly e: number;
}
const momentCache = new WeakMap<SgdPool, Moments[]>();

function moments(pool: SgdPool): Moments[] {
  const cached = momentCache.get(pool);
  if (cached) return cached;
  const { n, d, k, X, y } = pool;
  const m = d + k;
  const out = pool.bank.map((feats) => {
    const A = new Float64Array(m * m);
    const c = new Float64Array(m);
    const z = new Float64Array(m);
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) z[a] = X[i * d + a];
      for (let j = 0; j < k; j++) z[d + j] = feats[i * k + j];
      for (let a = 0; a < m; a++) {
        c[a] += y[i] * z[a];
        for (let b = a; b < m; b++) A[a * m + b] += z[a] * z[b];
      }
      e += y[i] * y[i];
    }
    for (let a = 0; a < m; a++) {
      c[a] /= n;
      for (let b = a; b < m; b++) A[b * m + a] = A[a * m + b] /= n;
    }
    return { A, c, e: e / n };
  });
  momentCache.set(pool, out);
  return out;
}

function quadraticLoss(M: Moments, w: Float64Array, V: Float64Array, u: Float64Array): number {
  u.set(w);
  u.set(V, w.length);
  const m = u.length;
  let s = M.e;
  for (let a = 0; a < m; a++) {
    let row = 0;
    for (let b = 0; b < m; b++) row += M.A[a * m + b] * u[b];
    s += u[a] * row - 2 * M.c[a] * u[a];
  }
  return 0.5 * s;
}

export function runProjectedSgd(pool: SgdPool, run: SgdRun): SgdOutcome {
  const { d, k, X } = pool;
  const fused = run.arch === 'tweaked' && run.loss.name === 'squared' ? moments(pool) : undefined;
  const rng = new Rng(run.key);
  const w = Float64Array.from(run.w0);
  const V = Float64Array.from(run.V0);
  if (w.length !== d) throw new RangeError(`w0 must have ${d} entries, got ${w.length}`);
  const vLen = run.arch === 'tweaked' ? k : d * k;
  if (V.length !== vLen) throw new RangeError(`V0 must have ${vLen} entries for the ${run.arch} unit, got ${V.length}`);
  project(w, V, run.radius);
  const fixedTheta = rng.int(0, pool.bank.length - 1);
  let sum = 0;
  let feats = pool.bank[fixedTheta];
  let m = fixedTheta;
  const u = new Float64Array(d + V.length);
  for (let t = 0; t < run.steps; t++) {
    // theta_t is fixed before sample t is drawn (the only requirement of Thm 4 on theta).
    m = run.thetaRule === 'fresh' ? rng.int(0, pool.bank.length - 1) : fixedTheta;
    feats = pool.bank[m];
    sum += fused ? quadraticLoss(fused[m], w, V, u) : populationLoss(run, pool, feats, w, V);
    const i = rng.int(0, pool.n - 1);
    const g = run.loss.d1(predict(run.arch, pool, feats, i, w, V), pool.y[i]);
    if (run.arch === 'tweaked') {
      for (let a = 0; a < d; a++) w[a] -= run.eta * g * X[i * d + a];
      for (let c = 0; c < k; c++) V[c] -= run.eta * g * feats[i * k + c];
    } else {
      // d p / d w_a = z_a and d p / d V_ac = w_a f_c, both at the pre-update point.
      const wOld = Float64Array.from(w);
      for (let a = 0; a < d; a++) {
        let z = X[i * d + a];
        for (let c = 0; c < k; c++) z += V[a * k + c] * feats[i * k + c];
        w[a] -= run.eta * g * z;
      }
      for (let a = 0; a < d; a++) for (let c = 0; c < k; c++) V[a * k + c] -= run.eta * g * wOld[a] * feats[i * k + c];
    }
    project(w, V, run.radius);
  }
  return {
    avgLoss: sum / run.steps,
    finalLoss: populationLoss(run, pool, feats, w, V),
    finalNorm: Math.hypot(...w, ...V),
  };
}

/** Euclidean projection of the concatenation (w, V) onto the ball of the given radius. */
function project(w: Float64Array, V: Float64Array, radius: number): void {
  let s = 0;
  for (const x of w) s += x * x;
  for (const x of V) s += x * x;
  const nrm = Math.sqrt(s);
  if (nrm <= radius) return;
  const f = radius / nrm;
  for (let i = 0; i < w.length; i++) w[i] *= f;
  for (let i = 0; i < V.length; i++) V[i] *= f;
}
