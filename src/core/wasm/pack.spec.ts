import { afterAll, describe, expect, it } from 'vitest';
import { packRowPanels } from './pack.js';
import { kernelModule, MAX_BYTES } from './kernels.js';
import { packHere } from './calls.js';
import { WasmTeam } from './WasmTeam.js';

const team = WasmTeam.create(kernelModule(), { threads: 1, maxBytes: MAX_BYTES });
afterAll(() => team.close());

describe('GEMM packing', () => {
  const rows = 8,
    cols = 6,
    R = 4,
    kcPad = 8;
  const src = Float64Array.from({ length: rows * cols }, (_, i) => i + 1);
  /** dst[t][q][r] = src[(t*R + r)*cols + q], zero for q >= kc or rows past the end. */
  const rowPanel = (t: number, q: number, r: number, nRows: number, kc: number) =>
    q < kc && t * R + r < nRows ? src[(t * R + r) * cols + q] : 0;

  it('packRowPanels (JS) lays out row tiles and zero-pads partial tiles and k', () => {
    const nRows = 6,
      kc = 5; // a partial second tile and padded k
    const dst = new Float64Array(2 * R * kcPad).fill(NaN);
    packRowPanels(dst, 0, src, cols, 0, 0, nRows, kc, R, kcPad);
    for (let t = 0; t < 2; t++)
      for (let q = 0; q < kcPad; q++)
        for (let r = 0; r < R; r++) {
          expect(dst[t * R * kcPad + q * R + r]).toBe(rowPanel(t, q, r, nRows, kc));
        }
  });

  it('pack_rows_f64 and pack_cols_f32 (wasm) match the layout formulas', () => {
    const mark = team.mark();
    const s = team.alloc(8 * rows * cols);
    team.f64(s, rows * cols).set(src);
    const d = team.alloc(8 * 2 * R * kcPad);
    packHere(team, 'rows', { precision: 'f64', dstAddr: d, srcAddr: s, ld: cols, tile: R, kc: cols, kcPad, tile0: 0, tile1: 2 });
    const got = team.f64(d, 2 * R * kcPad);
    for (let t = 0; t < 2; t++)
      for (let q = 0; q < kcPad; q++)
        for (let r = 0; r < R; r++) {
          expect(got[t * R * kcPad + q * R + r]).toBe(rowPanel(t, q, r, rows, cols));
        }
    // columns: B is k x n = 3 x 16 floats, tiles of 8 columns, k padded to 4
    const k = 3,
      n = 16,
      NR = 8,
      kp = 4;
    const b = team.alloc(4 * k * n);
    team.f32(b, k * n).set(Float32Array.from({ length: k * n }, (_, i) => i + 1));
    const bp = team.alloc(4 * kp * n);
    packHere(team, 'cols', { precision: 'f32', dstAddr: bp, srcAddr: b, ld: n, tile: NR, kc: k, kcPad: kp, tile0: 0, tile1: 2 });
    const B = team.f32(b, k * n);
    const P = team.f32(bp, kp * n);
    for (let t = 0; t < 2; t++)
      for (let q = 0; q < kp; q++)
        for (let c = 0; c < NR; c++) {
          expect(P[(t * kp + q) * NR + c]).toBe(q < k ? B[q * n + t * NR + c] : 0);
        }
    team.release(mark);
  });
});
