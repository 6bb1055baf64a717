import { describe, expect, it } from 'vitest';
import { sphereReluNtk } from '../kernels/reluNtk.js';
import { reluNtkInPlace } from './calls.js';
import { kernelModule, MAX_BYTES } from './kernels.js';
import { WasmTeam } from './WasmTeam.js';

describe('relu_ntk_f64 (wasm kernel on a team)', () => {
  it('matches sphereReluNtk (kernels/reluNtk.ts, Math.acos) within a few ulps, full blocks and lower triangles, odd widths', async () => {
    for (const threads of [1, 2]) {
      const team = WasmTeam.create(kernelModule({ fma: false }), { threads, maxBytes: MAX_BYTES });
      const rows = 41,
        cols = 37,
        ld = 39;
      const base = team.alloc(8 * rows * ld);
      const M = team.f64(base, rows * ld);
      // cosines across the three ranges of the arccos approximation, the endpoints, and out-of-range values
      for (let i = 0; i < M.length; i++)
        M[i] = i % 97 === 0 ? 1 : i % 89 === 0 ? -1 : i % 83 === 0 ? 1.0000001 : Math.cos(i * 0.7311) * (1 + 1e-3 * Math.sin(i));
      const before = Float64Array.from(M);
      for (const lowerTriangle of [false, true]) {
        M.set(before);
        reluNtkInPlace(team, { chunk: 3, addr: base, rows, cols, ld, lowerTriangle });
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < ld; j++) {
            const inside = j < cols && (!lowerTriangle || j <= i);
            const want = inside ? sphereReluNtk(before[i * ld + j]) : before[i * ld + j];
            expect(Math.abs(M[i * ld + j] - want)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(want)));
          }
      }
      await team.close();
    }
  });
});
