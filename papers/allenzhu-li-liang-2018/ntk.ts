/**
 * The three-layer learner's fixed-feature baselines at initialisation (Allen-Zhu, Li & Liang
 * 2018, experiment): the finite-width NTK over the trained groups (W, b1, V, b2) and the
 * conjugate kernel of the output layer ("last layer only"), both fitted by kernel ridge on the
 * residual y - f0 (the first-order Taylor expansion around the initial network, resp. training a
 * from its initial value).
 *
 * NTK closed form (a fixed, d_i = 1[n_i > 0], s = relu(h)):
 *   K(x, x') = A(x, x') (S(x, x') + 1) + G(x, x') (<x, x'> + 1),
 *   A = sum_i a_i^2 d_i d_i'  (V and b2),  S = sum_j s_j s_j',
 *   G = sum_j g_j g_j',  g_j = 1[h_j > 0] sum_i a_i d_i v_ij  (W and b1).
 * Each term is a Gram of m-dimensional features, so the N x N kernel costs O(N^2 m) instead of
 * the O(N^2 m^2) of explicit Jacobians.
 */
import { bestRidgeIndex, choleskyRidgeSolve } from 'claimcheck/core';
import type { Inputs } from './concepts.js';
import { allocHidden, forwardThreeLayer, type ThreeLayerNet } from './threeLayer.js';

/** Per-input features of the NTK terms and the last layer, row-major n x m. */
export interface InitFeatures {
  readonly n: number;
  readonly f0: Float64Array;
  readonly alpha: Float64Array; // n x m2: a_i d_i
  readonly s: Float64Array; // n x m1: relu(h_j)
  readonly g: Float64Array; // n x m1
  readonly last: Float64Array; // n x (m2 + 1): relu(n_i + b2_i) ... and a constant 1
}

export function initFeatures(net: ThreeLayerNet, data: Inputs): InitFeatures {
  const { m1, m2, a, V } = net;
  const z = allocHidden(net);
  const f0 = new Float64Array(data.n);
  const alpha = new Float64Array(data.n * m2),
    s = new Float64Array(data.n * m1),
    g = new Float64Array(data.n * m1);
  const last = new Float64Array(data.n * (m2 + 1));
  for (let r = 0; r < data.n; r++) {
    f0[r] = forwardThreeLayer(net, data.X, r * data.d, z);
    for (let i = 0; i < m2; i++) {
      const on = z.n[i] > 0;
      alpha[r * m2 + i] = on ? a[i] : 0;
      last[r * (m2 + 1) + i] = on ? z.n[i] : 0;
      if (!on) continue;
      for (let j = 0; j < m1; j++) g[r * m1 + j] += a[i] * V[i * m1 + j];
    }
    last[r * (m2 + 1) + m2] = 1;
    for (let j = 0; j < m1; j++) {
      s[r * m1 + j] = z.s[j];
      if (z.h[j] <= 0) g[r * m1 + j] = 0;
    }
  }
  return { n: data.n, f0, alpha, s, g, last };
}

/** out[r][c] = sum_k P[r][k] Q[c][k] (P: p x k, Q: q x k). */
function gram(P: Float64Array, p: number, Q: Float64Array, q: number, k: number): Float64Array {
  const out = new Float64Array(p * q);
  for (let r = 0; r < p; r++) {
    const ir = r * k;
    for (let c = 0; c < q; c++) {
      const ic = c * k;
      let s0 = 0,
        s1 = 0;
      let t = 0;
      for (; t + 1 < k; t += 2) {
        s0 += P[ir + t] * Q[ic + t];
        s1 += P[ir + t + 1] * Q[ic + t + 1];
      }
      if (t < k) s0 += P[ir + t] * Q[ic + t];
      out[r * q + c] = s0 + s1;
    }
  }
  return out;
}

/** The NTK between the rows of `A` (with inputs XA) and of `B` (inputs XB): p x q. */
export function ntkGram(net: ThreeLayerNet, A: InitFeatures, XA: Inputs, B: InitFeatures, XB: Inputs): Float64Array {
  const { m1, m2 } = net;
  const p = A.n,
    q = B.n;
  const KA = gram(A.alpha, p, B.alpha, q, m2);
  const KS = gram(A.s, p, B.s, q, m1);
  const KG = gram(A.g, p, B.g, q, m1);
  const KX = gram(XA.X, p, XB.X, q, XA.d);
  const out = new Float64Array(p * q);
  for (let t = 0; t < p * q; t++) out[t] = KA[t] * (KS[t] + 1) + KG[t] * (KX[t] + 1);
  return out;
}

/** The output layer's conjugate kernel (features relu(n_i + b2_i) and a constant). */
export function lastLayerGram(net: ThreeLayerNet, A: InitFeatures, B: InitFeatures): Float64Array {
  return gram(A.last, A.n, B.last, B.n, net.m2 + 1);
}

export interface KernelRidgeResult {
  readonly lambda: number;
  readonly mse: number;
  readonly scores: readonly { readonly lambda: number; readonly mse: number }[];
}

/**
 * Kernel ridge on the residual: alpha = (K + lam tr(K)/n n I)^{-1} (y - f0), prediction
 * f0(x) + K(x, X) alpha, for every lam (relative to the mean diagonal, so one grid serves both
 * kernels); the test MSE of each, and the best lam on the test set (favours the kernel).
 */
export function kernelRidgeOnTest(
  K: Float64Array,
  n: number,
  y: Float64Array,
  f0: Float64Array,
  Ktest: Float64Array,
  nTest: number,
  yTest: Float64Array,
  f0Test: Float64Array,
  lambdas: readonly number[],
): KernelRidgeResult {
  let tr = 0;
  for (let i = 0; i < n; i++) tr += K[i * n + i];
  const meanDiag = tr / n;
  const A = { rows: n, cols: n, data: K };
  const residual = { rows: n, cols: 1, data: Float64Array.from(y, (v, i) => v - f0[i]) };
  const scores = lambdas.map((lambda) => {
    const sol = choleskyRidgeSolve(A, residual, lambda * meanDiag * n);
    if (!sol) return { lambda, mse: Infinity };
    const rhs = sol.X;
    let se = 0;
    for (let r = 0; r < nTest; r++) {
      let pr = f0Test[r];
      const ir = r * n;
      for (let c = 0; c < n; c++) pr += Ktest[ir + c] * rhs[c];
      se += (pr - yTest[r]) ** 2;
    }
    return { lambda, mse: se / nTest };
  });
  const best = scores[bestRidgeIndex(scores)];
  return { lambda: best.lambda, mse: best.mse, scores };
}

/**
 * The same estimator as `kernelRidgeOnTest` with K = Phi Phi^T, solved in the primal:
 * beta = (Phi^T Phi + mu I)^{-1} Phi^T (y - f0), mu = lam tr(K)/n n, prediction f0 + Phi_test beta
 * (push-through identity Phi^T (Phi Phi^T + mu I)^{-1} = (Phi^T Phi + mu I)^{-1} Phi^T). For the
 * last layer D = m2 + 1 << n, so each ridge costs a D x D factorisation instead of n x n.
 */
export function featureRidgeOnTest(
  Phi: Float64Array,
  n: number,
  D: number,
  y: Float64Array,
  f0: Float64Array,
  PhiTest: Float64Array,
  nTest: number,
  yTest: Float64Array,
  f0Test: Float64Array,
  lambdas: readonly number[],
): KernelRidgeResult {
  const G = new Float64Array(D * D),
    rhs0 = new Float64Array(D);
  let tr = 0;
  for (let r = 0; r < n; r++) {
    const o = r * D,
      res = y[r] - f0[r];
    for (let i = 0; i < D; i++) {
      const v = Phi[o + i];
      if (v === 0) continue;
      tr += v * v;
      rhs0[i] += v * res;
      for (let j = 0; j < D; j++) G[i * D + j] += v * Phi[o + j];
    }
  }
  const meanDiag = tr / n;
  const A = { rows: D, cols: D, data: G };
  const rhs = { rows: D, cols: 1, data: rhs0 };
  const scores = lambdas.map((lambda) => {
    const sol = choleskyRidgeSolve(A, rhs, lambda * meanDiag * n);
    if (!sol) return { lambda, mse: Infinity };
    const beta = sol.X;
    let se = 0;
    for (let r = 0; r < nTest; r++) {
      let pr = f0Test[r];
      for (let i = 0; i < D; i++) pr += PhiTest[r * D + i] * beta[i];
      se += (pr - yTest[r]) ** 2;
    }
    return { lambda, mse: se / nTest };
  });
  const best = scores[bestRidgeIndex(scores)];
  return { lambda: best.lambda, mse: best.mse, scores };
}
