/**
 * Largest eigenvalue of a small symmetric matrix in float64: Householder reduction to
 * tridiagonal form, then bisection with Sturm counts. Used for spectral norms
 * (||V||_2^2 = lambda_max(V^T V)) inside fused batch loops, where calling a general SVD per
 * instance would dominate. Bisection stops when the bracket is within a few ulps, so the result
 * is accurate to ~eps * ||S|| (relative accuracy for lambda_max, which equals ||S||_2 for PSD S).
 */

/**
 * lambda_max of the symmetric m x m matrix in S (row-major; only the lower triangle is read).
 * S is overwritten (it is the work array); `diag` and `off` are scratch of length >= m.
 */
export function symmetricMaxEigInPlace(S: Float64Array, m: number, diag: Float64Array, off: Float64Array): number {
  // Householder tridiagonalisation (Numerical Recipes tred2 without eigenvectors), lower triangle.
  for (let i = m - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let kk = 0; kk <= l; kk++) scale += Math.abs(S[i * m + kk]);
      if (scale === 0) {
        off[i] = S[i * m + l];
      } else {
        for (let kk = 0; kk <= l; kk++) {
          S[i * m + kk] /= scale;
          h += S[i * m + kk] * S[i * m + kk];
        }
        const f = S[i * m + l];
        const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        off[i] = scale * g;
        h -= f * g;
        S[i * m + l] = f - g;
        let ff = 0;
        for (let j = 0; j <= l; j++) {
          let gg = 0;
          for (let kk = 0; kk <= j; kk++) gg += S[j * m + kk] * S[i * m + kk];
          for (let kk = j + 1; kk <= l; kk++) gg += S[kk * m + j] * S[i * m + kk];
          diag[j] = gg / h; // diag used as scratch p here
          ff += diag[j] * S[i * m + j];
        }
        const hh = ff / (h + h);
        for (let j = 0; j <= l; j++) {
          const fj = S[i * m + j];
          const gj = diag[j] - hh * fj;
          diag[j] = gj;
          for (let kk = 0; kk <= j; kk++) S[j * m + kk] -= fj * diag[kk] + gj * S[i * m + kk];
        }
      }
    } else {
      off[i] = S[i * m + l];
    }
    // keep h unused otherwise; the diagonal is read below
  }
  for (let i = 0; i < m; i++) diag[i] = S[i * m + i];
  return tridiagonalMaxEig(diag, off, m);
}

/**
 * Largest eigenvalue of the symmetric tridiagonal matrix with diagonal a[0..m) and
 * off-diagonal b[1..m) (b[i] couples i-1 and i).
 *
 * Bisection on the Sturm count narrows a Gershgorin bracket to 1e-3 relative; then Newton's
 * method on det(T - xI) runs from the bracket's upper end. For a polynomial with only real
 * roots, Newton started right of the largest root decreases monotonically onto it, so it
 * cannot overshoot; it stops when a step no longer decreases x (a few steps when lambda_max is
 * separated, more when it is clustered, where bisection would need ~50 halvings anyway).
 */
export function tridiagonalMaxEig(a: Float64Array, b: Float64Array, m: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const r = (i > 0 ? Math.abs(b[i]) : 0) + (i + 1 < m ? Math.abs(b[i + 1]) : 0);
    lo = Math.min(lo, a[i] - r);
    hi = Math.max(hi, a[i] + r);
  }
  const tiny = Number.MIN_VALUE * 4;
  for (let it = 0; it < 200; it++) {
    if (hi - lo <= 1e-3 * Math.max(Math.abs(lo), Math.abs(hi))) break;
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    // count of eigenvalues < mid (negative pivots of T - mid I)
    let count = 0;
    let q = a[0] - mid;
    if (q < 0) count++;
    for (let i = 1; i < m; i++) {
      if (q === 0) q = tiny;
      q = a[i] - mid - (b[i] * b[i]) / q;
      if (q < 0) count++;
    }
    if (count === m)
      hi = mid; // all eigenvalues below mid
    else lo = mid;
  }
  let x = hi;
  for (let it = 0; it < 200; it++) {
    // f'/f for f(x) = prod_i q_i(x), with the pivots q_i of T - xI and their derivatives.
    let q = a[0] - x;
    let dq = -1;
    if (q === 0) return x;
    let s = dq / q;
    for (let i = 1; i < m; i++) {
      const b2 = b[i] * b[i];
      const qn = a[i] - x - b2 / q;
      dq = -1 + (b2 * dq) / (q * q);
      q = qn;
      if (q === 0) return x;
      s += dq / q;
    }
    const next = x - 1 / s;
    if (!(next < x) || next < lo) break;
    x = next;
  }
  return x;
}
