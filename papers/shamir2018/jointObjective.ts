import { activate, type Activation, type Loss, type SmoothFunction } from 'claimcheck/core';

/**
 * Shamir 2018 Cor 1 in float64: F(w, V, theta) of x -> w^T (x + V f_theta(x)) as a smooth function
 * of ALL parameters, theta = (W, c) of one layer f_theta(x) = sigma(W x + c), flattened as
 * u = (w [d], V [d x k] row-major, W [k x d] row-major, c [k]). The gradient is analytic; the Hessian
 * is central differences of the analytic gradient (error about 1e-9 here), symmetrised.
 */
export interface JointData {
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly loss: Loss;
  readonly k: number;
  /** tanh and softplus are smooth; relu only where no unit sits at a kink (the dead-ReLU cases). */
  readonly activation: Activation;
}

function sigmaPrime(a: Activation, s: number): number {
  if (a === 'tanh') return 1 - Math.tanh(s) ** 2;
  if (a === 'softplus') return 1 / (1 + Math.exp(-s));
  if (a === 'relu') return s > 0 ? 1 : 0;
  throw new RangeError(`activation ${a} has no float64 derivative here; use tanh, softplus or relu`);
}

function forward(D: JointData, u: readonly number[], i: number) {
  const d = D.X[0].length;
  const { k } = D;
  const x = D.X[i];
  const oV = d;
  const oW = d + d * k;
  const oc = oW + k * d;
  const s = Array.from({ length: k }, (_, j) => x.reduce((acc, xm, m) => acc + u[oW + j * d + m] * xm, u[oc + j]));
  const f = s.map((t) => activate(D.activation, t));
  const z = x.map((xa, a) => f.reduce((acc, fj, j) => acc + u[oV + a * k + j] * fj, xa));
  const p = z.reduce((acc, za, a) => acc + u[a] * za, 0);
  return { d, k, x, s, f, z, p, oV, oW, oc };
}

export function jointObjective(D: JointData): SmoothFunction {
  const n = D.X.length;
  const value = (u: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += D.loss.value(forward(D, u, i).p, D.y[i]);
    return sum / n;
  };
  const gradient = (u: readonly number[]) => {
    const g = new Array<number>(u.length).fill(0);
    for (let i = 0; i < n; i++) {
      const { d, k, x, s, f, z, p, oV, oW, oc } = forward(D, u, i);
      const l1 = D.loss.d1(p, D.y[i]) / n;
      for (let a = 0; a < d; a++) {
        g[a] += l1 * z[a];
        for (let j = 0; j < k; j++) g[oV + a * k + j] += l1 * u[a] * f[j];
      }
      for (let j = 0; j < k; j++) {
        // a_j = (V^T w)_j: how the prediction moves with feature j.
        let aj = 0;
        for (let a = 0; a < d; a++) aj += u[oV + a * k + j] * u[a];
        const t = l1 * aj * sigmaPrime(D.activation, s[j]);
        for (let m = 0; m < d; m++) g[oW + j * d + m] += t * x[m];
        g[oc + j] += t;
      }
    }
    return g;
  };
  const hessian = (u: readonly number[]) => {
    const m = u.length;
    const H = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    for (let j = 0; j < m; j++) {
      const h = 1e-5 * Math.max(1, Math.abs(u[j]));
      const up = [...u];
      const dn = [...u];
      up[j] += h;
      dn[j] -= h;
      const gp = gradient(up);
      const gm = gradient(dn);
      for (let a = 0; a < m; a++) H[a][j] = (gp[a] - gm[a]) / (2 * h);
    }
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) H[a][b] = H[b][a] = 0.5 * (H[a][b] + H[b][a]);
    return H;
  };
  return { value, gradient, hessian };
}

/** (w, V) and the feature values f_theta(X) of a flat parameter vector (for the Thm 1 side). */
export function splitJoint(D: JointData, u: readonly number[]): { w: number[]; V: number[][]; Fx: number[][] } {
  const d = D.X[0].length;
  const { k } = D;
  const w = u.slice(0, d);
  const V = Array.from({ length: d }, (_, a) => u.slice(d + a * k, d + (a + 1) * k));
  const Fx = D.X.map((_, i) => forward(D, u, i).f);
  return { w, V, Fx };
}
