import { describe, expect, it } from 'vitest';
import { kappa0, kappa1 } from '../../src/core/kernels/arcCosine.js';
import { reluNtk, reluNtkInPlace } from './reluNtk.js';

describe('reluNtk (two-layer ReLU NTK of the cosine)', () => {
  it('is u kappa0(u) + kappa1(u) with the arc-cosine kernels of src/core/kernels, clipped to [-1, 1]', () => {
    for (const u of [-1.5, -1, -0.7, -0.2, 0, 0.3, 0.9, 1, 1.2]) {
      expect(reluNtk(u)).toBeCloseTo(Math.min(Math.max(u, -1), 1) * kappa0(u) + kappa1(u), 14);
    }
    expect(reluNtk(1)).toBe(2);
    expect(reluNtk(1 + 1e-12)).toBe(2);
    expect(reluNtk(-1 - 1e-12)).toBe(reluNtk(-1));
  });

  it('applies to a full block or its lower triangle only', () => {
    const a = Float64Array.from([1, 0.5, 0.5, 1]);
    reluNtkInPlace(a, 0, 2, 2, 2, true);
    expect([a[0], a[1], a[2], a[3]]).toEqual([2, 0.5, reluNtk(0.5), 2]);
  });
});

describe('relu_ntk_f64 (wasm kernel on a team)', () => {
  it('matches reluNtk within a few ulps, on full blocks and lower triangles, odd widths included', async () => {
    const { kernelModule, MAX_BYTES } = await import('../../src/core/wasm/kernels.js');
    const { WasmTeam } = await import('../../src/core/wasm/WasmTeam.js');
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
      for (const lower of [0, 1]) {
        M.set(before);
        team.runShared('relu_ntk_f64', [3, base, rows, cols, ld, lower]);
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < ld; j++) {
            const inside = j < cols && (lower === 0 || j <= i);
            const want = inside ? reluNtk(before[i * ld + j]) : before[i * ld + j];
            expect(Math.abs(M[i * ld + j] - want)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(want)));
          }
      }
      await team.close();
    }
  });
});
