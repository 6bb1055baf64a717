/**
 * The toy learner of the BFC catalog (allenzhu-li-2020-bfc.md, "Toy instance" [R]): two
 * quadratic blocks, both read by the output,
 *
 *   z = K1 x,  s = z^2,  u = K2 s,  t = u^2,  F(x) = c0 + c1 Sum(s) + c2 Sum(t),
 *
 * with the squared loss mean_n (F(x_n) - y_n)^2 and its gradient written by hand in float64
 * (the network is tiny: every TF.js op would cost more than the arithmetic). Parameters live in
 * one packed vector theta = [K1 (k x d), K2 (k x k), c0, c1, c2] so one Adam loop serves every
 * stage; a stage is a mask of trainable entries plus whether block 2 is switched on.
 */

export interface BfcShape {
  readonly d: number;
  readonly k: number;
}

/** Offsets into the packed parameter vector. */
export function layout({ d, k }: BfcShape) {
  const K2 = k * d;
  const c0 = K2 + k * k;
  return { K1: 0, K2, c0, c1: c0 + 1, c2: c0 + 2, size: c0 + 3 };
}

/**
 * Loss mean (F - y)^2 and, if `grad` is given, its gradient into `grad` (overwritten).
 * `block2 = false` evaluates the stage-1 model F = c0 + c1 Sum(s) (K2, c2 unused, gradient 0).
 * `frozenS` (n x k, s of every row for a frozen K1) skips the first block and its gradient: the
 * layer-wise stage, where K1 and c1 do not move.
 */
export function bfcLoss(
  shape: BfcShape,
  theta: Float64Array,
  X: Float64Array,
  y: Float64Array,
  n: number,
  block2: boolean,
  grad?: Float64Array,
  frozenS?: Float64Array,
): number {
  const { d, k } = shape;
  const L = layout(shape);
  const c0 = theta[L.c0],
    c1 = theta[L.c1],
    c2 = theta[L.c2];
  if (grad) grad.fill(0);
  const z = new Float64Array(k),
    s = new Float64Array(k),
    u = new Float64Array(k),
    du = new Float64Array(k),
    dz = new Float64Array(k);
  // Block 2 and the scalars are read and accumulated in locals (measured: indexing theta and grad at
  // offsets inside the row loop cost ~30% of a joint step).
  const K2 = theta.slice(L.K2, L.c0),
    gK2 = new Float64Array(k * k);
  let gc0 = 0,
    gc1 = 0,
    gc2 = 0;
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const xo = r * d;
    let sumS = 0;
    if (frozenS) {
      for (let i = 0; i < k; i++) {
        s[i] = frozenS[r * k + i];
        sumS += s[i];
      }
    } else if (k === 4) {
      // k = 4 (every calibrated instance): one pass over x for all four rows; ~1.5x faster in V8.
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0;
      for (let j = 0; j < d; j++) {
        const xj = X[xo + j];
        a0 += theta[j] * xj;
        a1 += theta[d + j] * xj;
        a2 += theta[2 * d + j] * xj;
        a3 += theta[3 * d + j] * xj;
      }
      z[0] = a0;
      z[1] = a1;
      z[2] = a2;
      z[3] = a3;
      s[0] = a0 * a0;
      s[1] = a1 * a1;
      s[2] = a2 * a2;
      s[3] = a3 * a3;
      sumS = s[0] + s[1] + s[2] + s[3];
    } else {
      for (let i = 0; i < k; i++) {
        let acc = 0;
        const ko = L.K1 + i * d;
        for (let j = 0; j < d; j++) acc += theta[ko + j] * X[xo + j];
        z[i] = acc;
        s[i] = acc * acc;
        sumS += s[i];
      }
    }
    let sumT = 0;
    if (block2) {
      for (let a = 0; a < k; a++) {
        let acc = 0;
        const ko = a * k;
        for (let i = 0; i < k; i++) acc += K2[ko + i] * s[i];
        u[a] = acc;
        sumT += acc * acc;
      }
    }
    const e = c0 + c1 * sumS + c2 * sumT - y[r];
    loss += e * e;
    if (!grad) continue;
    const g = (2 * e) / n;
    gc0 += g;
    if (block2) {
      gc2 += g * sumT;
      for (let a = 0; a < k; a++) {
        du[a] = 2 * g * c2 * u[a];
        const ko = a * k;
        for (let i = 0; i < k; i++) gK2[ko + i] += du[a] * s[i];
      }
    }
    // c1 is an output weight: trainable in the layer-wise variants that keep output weights training.
    gc1 += g * sumS;
    if (frozenS) continue;
    for (let i = 0; i < k; i++) {
      let ds = g * c1;
      if (block2) for (let a = 0; a < k; a++) ds += du[a] * K2[a * k + i];
      dz[i] = 2 * ds * z[i];
    }
    if (k === 4) {
      const d0 = dz[0],
        d1 = dz[1],
        d2 = dz[2],
        d3 = dz[3];
      for (let j = 0; j < d; j++) {
        const xj = X[xo + j];
        grad[j] += d0 * xj;
        grad[d + j] += d1 * xj;
        grad[2 * d + j] += d2 * xj;
        grad[3 * d + j] += d3 * xj;
      }
    } else {
      for (let i = 0; i < k; i++) {
        const ko = L.K1 + i * d;
        for (let j = 0; j < d; j++) grad[ko + j] += dz[i] * X[xo + j];
      }
    }
  }
  if (grad) {
    if (block2) grad.set(gK2, L.K2);
    grad[L.c0] = gc0;
    grad[L.c1] = gc1;
    grad[L.c2] = gc2;
  }
  return loss / n;
}

/** Predictions F(x) for n rows (float64). */
export function bfcPredict(shape: BfcShape, theta: Float64Array, X: Float64Array, n: number, block2: boolean): Float64Array {
  const { k } = shape;
  const L = layout(shape);
  const out = new Float64Array(n);
  const S = firstBlock(shape, theta, X, n);
  for (let r = 0; r < n; r++) {
    let sumS = 0;
    for (let i = 0; i < k; i++) sumS += S[r * k + i];
    let sumT = 0;
    if (block2) {
      for (let a = 0; a < k; a++) {
        let acc = 0;
        for (let i = 0; i < k; i++) acc += theta[L.K2 + a * k + i] * S[r * k + i];
        sumT += acc * acc;
      }
    }
    out[r] = theta[L.c0] + theta[L.c1] * sumS + theta[L.c2] * sumT;
  }
  return out;
}

/** s = (K1 x)^2 for every row: the frozen first block of layer-wise training. */
export function firstBlock(shape: BfcShape, theta: Float64Array, X: Float64Array, n: number): Float64Array {
  const { d, k } = shape;
  const K1 = layout(shape).K1;
  const S = new Float64Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += theta[K1 + i * d + j] * X[r * d + j];
      S[r * k + i] = acc * acc;
    }
  }
  return S;
}
