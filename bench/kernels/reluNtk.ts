/**
 * The infinite-width two-layer ReLU NTK on unit-norm inputs as a function of their cosine u:
 * NTK(u) = u k0(u) + k1(u) = (2u(pi - arccos u) + sqrt(1 - u^2)) / pi, with u clipped to
 * [-1, 1] (arc-cosine kernels of degree 0 and 1, Cho & Saul 2009; NTK(1) = 2). This is twice
 * the NTK of f(x) = m^-1/2 sum_j a_j relu(w_j.x) (see shared/bench/README.md W3).
 *
 * The same quantity as u*kappa0(u) + kappa1(u) from src/core/kernels/arcCosine.ts (its spec
 * checks that), fused so that each entry of a 2000 x 2000 Gram matrix costs one arccos, not two.
 */
export function reluNtk(u: number): number {
  const v = u > 1 ? 1 : u < -1 ? -1 : u;
  return (2 * v * (Math.PI - Math.acos(v)) + Math.sqrt(1 - v * v)) / Math.PI;
}

/** Applies reluNtk to a[off + i*ld + j] for i < rows and j < cols (j <= i when lower). */
export function reluNtkInPlace(a: Float64Array, off: number, rows: number, cols: number, ld: number, lower = false): void {
  for (let i = 0; i < rows; i++) {
    const base = off + i * ld;
    const end = lower ? Math.min(i + 1, cols) : cols;
    for (let j = 0; j < end; j++) a[base + j] = reluNtk(a[base + j]);
  }
}
