/**
 * Packing for the wasm GEMM kernel (wasm/gemmKernel.ts) in JS, for small or irregular blocks
 * (partial tiles are zero-padded here; the wasm packers pack_rows_* / pack_cols_* need whole
 * tiles): copies a block of a row-major matrix into the panel layout the micro-kernel streams
 * through, zero-padding the k dimension up to a multiple of the unroll factor.
 */
export type Floats = Float64Array | Float32Array;

/**
 * Row panels: dst[t][p][r] = src[(row0 + t*R + r)*ld + col0 + p] for t < ceil(rows/R), p < kcPad,
 * r < R, zero where the row is >= rows or p >= kc. This is the A-role layout (R = MR), and also
 * the B-role layout when B is given as the rows of its transpose (R = NR).
 */
export function packRowPanels(
  dst: Floats,
  dstOff: number,
  src: Floats,
  ld: number,
  row0: number,
  col0: number,
  rows: number,
  kc: number,
  R: number,
  kcPad: number,
): void {
  const tiles = Math.ceil(rows / R);
  let o = dstOff;
  for (let t = 0; t < tiles; t++) {
    for (let r = 0; r < R; r++) {
      const row = t * R + r;
      const base = (row0 + row) * ld + col0;
      let q = o + r;
      if (row < rows) {
        for (let p = 0; p < kc; p++, q += R) dst[q] = src[base + p];
      } else for (let p = 0; p < kc; p++, q += R) dst[q] = 0;
      for (let p = kc; p < kcPad; p++, q += R) dst[q] = 0;
    }
    o += R * kcPad;
  }
}
