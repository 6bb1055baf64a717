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
