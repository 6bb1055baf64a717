/**
 * Lower-feature error e(K1) of the BFC catalog: the mean of sin^2 over the k principal angles
 * between span{k_i k_i^T} (rows k_i of the learned K1) and span{w_i w_i^T} (rows w_i of the true
 * W2), as vectors in the space of d x d matrices with the Frobenius inner product.
 *
 * Why not the row spaces of K1 and W2: with sigma(z) = z^2 and Gaussian x, the degree-2 part of
 * y lies in rowspace(W2) even when alpha3 > 0, so stage 1 recovers the row space almost exactly
 * while the individual quadratic features k_i k_i^T are still a wrong basis of it (a rotation
 * inside the row space changes span{k_i k_i^T}); the row-space angle is blind to the error that
 * backward feature correction removes (catalog, "Toy instance"). The largest single angle is
 * brittle, so the mean of sin^2 is used.
 *
 * With Q1, Q2 orthonormal bases of the two spans, cos of the principal angles are the singular
 * values of Q1^T Q2, so mean sin^2 = 1 - ||Q1^T Q2||_F^2 / k. If K1's span has dimension < k
 * (a dead or duplicated feature), the missing directions count as angles of 90 degrees.
 */

import { matMul, symmetricEigen, transpose } from 'claimcheck/core';

/** Orthonormal basis (rows, each of length m) of the given rows by two-pass Gram-Schmidt; drops dependent rows. */
export function orthonormalBasis(rows: readonly Float64Array[], relTol = 1e-10): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const r of rows) {
    const v = Float64Array.from(r);
    let n0 = 0;
    for (let j = 0; j < v.length; j++) n0 += v[j] * v[j];
    n0 = Math.sqrt(n0);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let dot = 0;
        for (let j = 0; j < v.length; j++) dot += v[j] * q[j];
        for (let j = 0; j < v.length; j++) v[j] -= dot * q[j];
      }
    }
    let nrm = 0;
    for (let j = 0; j < v.length; j++) nrm += v[j] * v[j];
    nrm = Math.sqrt(nrm);
    if (n0 === 0 || nrm <= relTol * n0) continue;
    for (let j = 0; j < v.length; j++) v[j] /= nrm;
    basis.push(v);
  }
  return basis;
}

/** vec(a a^T) for every row a of the k x d row-major matrix M. */
export function outerProductVectors(M: Float64Array, k: number, d: number): Float64Array[] {
  return Array.from({ length: k }, (_, i) => {
    const v = new Float64Array(d * d);
    for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) v[p * d + q] = M[i * d + p] * M[i * d + q];
    return v;
  });
}

/** Mean of sin^2 of the principal angles between two subspaces given by spanning rows; `dim` angles are averaged. */
export function meanSinSquared(a: readonly Float64Array[], b: readonly Float64Array[], dim: number): number {
  const Qa = orthonormalBasis(a);
  const Qb = orthonormalBasis(b);
  let frob = 0;
  for (const p of Qa) {
    for (const q of Qb) {
      let dot = 0;
      for (let j = 0; j < p.length; j++) dot += p[j] * q[j];
      frob += dot * dot;
    }
  }
  return Math.min(1, Math.max(0, 1 - frob / dim));
}

/** e(K1): K1 and W2 are k x d row-major. */
export function featureError(K1: Float64Array, W2: Float64Array, k: number, d: number): number {
  return meanSinSquared(outerProductVectors(K1, k, d), outerProductVectors(W2, k, d), k);
}

/** Mean sin^2 of the principal angles between the row spaces (the metric the catalog warns against; a diagnostic only). */
export function rowSpaceError(K1: Float64Array, W2: Float64Array, k: number, d: number): number {
  const rows = (M: Float64Array) => Array.from({ length: k }, (_, i) => M.subarray(i * d, (i + 1) * d));
  return meanSinSquared(rows(K1), rows(W2), k);
}

/**
 * K^T K (d x d, row-major) of a k x d row-major K: the quadratic form of the first block,
 * c1 Sum((K x)^2) = c1 x^T K^T K x. It is unchanged by K -> O K for any k x k orthogonal O.
 */
export function gramOfRows(K: Float64Array, k: number, d: number): Float64Array {
  const G = new Float64Array(d * d);
  for (let i = 0; i < k; i++) {
    for (let p = 0; p < d; p++) {
      const a = K[i * d + p];
      if (a === 0) continue;
      for (let q = 0; q < d; q++) G[p * d + q] += a * K[i * d + q];
    }
  }
  return G;
}

/**
 * Rotation-invariant lower-feature error (catalog correction of 2026-12-06): the relative
 * Frobenius distance between the trace-normalised quadratic forms of K1 and W2,
 *
 *   e_G(K1) = || K1^T K1 / tr(K1^T K1) - W2^T W2 / tr(W2^T W2) ||_F / || W2^T W2 / tr(W2^T W2) ||_F.
 *
 * The stage-1 model c1 x^T K1^T K1 x depends on K1 only through K1^T K1, so e_G sees exactly the
 * error of the feature the first block represents (its quadratic form), never the basis O of a
 * rotation K1 -> O K1 that leaves the model unchanged; the span metric `featureError` does (the
 * same stage-1 model scores 0.597 or 0.001 under it, catalog). With sigma(z) = z^2 the degree-2
 * part of P3 is a quadratic form x^T W2^T A W2 x with A not proportional to I, so the best
 * degree-2 fit (stage 1) has K1^T K1 proportional to W2^T (I + alpha3 A') W2: e_G measures that
 * alpha3-induced bias, the error backward feature correction removes. 0 iff K1^T K1 is a
 * multiple of W2^T W2 (K1 = signed permutation of a scaled W2 up to rotation). K1 may have more
 * rows than W2 (`kW2` < k: a wider learner).
 */
export function gramError(K1: Float64Array, W2: Float64Array, k: number, d: number, kW2 = k): number {
  const A = gramOfRows(K1, k, d),
    B = gramOfRows(W2, kW2, d);
  let ta = 0,
    tb = 0;
  for (let p = 0; p < d; p++) {
    ta += A[p * d + p];
    tb += B[p * d + p];
  }
  if (!(ta > 0)) return NaN;
  let num = 0,
    den = 0;
  for (let i = 0; i < d * d; i++) {
    num += (A[i] / ta - B[i] / tb) ** 2;
    den += (B[i] / tb) ** 2;
  }
  return Math.sqrt(num / den);
}

/**
 * O K1 for the orthogonal O (k x k) that best aligns K1 with W2 (orthogonal Procrustes: O
 * maximises tr(O K1 W2^T); with A = K1 W2^T = U S V^T, O = V U^T = A^T (A A^T)^{-1/2}). The
 * first block's model is unchanged (K1^T K1 is), only its basis moves onto the true features:
 * layer-wise training from O K1 is layer-wise training with the rotation removed, so only the
 * alpha3-induced bias of K1^T K1 is left to handicap it.
 */
export function procrustesAligned(K1: Float64Array, W2: Float64Array, k: number, d: number): Float64Array {
  const A: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let p = 0; p < d; p++) s += K1[i * d + p] * W2[j * d + p];
      return s;
    }),
  );
  const AAt = matMul(A, transpose(A));
  const { values, vectors } = symmetricEigen(AAt);
  // (A A^T)^{-1/2} = sum_j v_j v_j^T / sqrt(lambda_j); a zero eigenvalue means K1 is rank-deficient
  // against W2: leave that direction as it is (weight 0 in O would delete a row of K1).
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  values.forEach((lam, j) => {
    if (!(lam > 1e-300)) return;
    const v = vectors[j],
      w = 1 / Math.sqrt(lam);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) inv[a][b] += w * v[a] * v[b];
  });
  const O = matMul(transpose(A), inv);
  const out = new Float64Array(k * d);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let p = 0; p < d; p++) out[i * d + p] += O[i][j] * K1[j * d + p];
  return out;
}
