import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { gramFromRows } from '../kernels/Gram.js';
import { CHOLESKY_MAX_N, pickSolver, solveRidgePath } from './solveRidge.js';

describe('solveRidgePath', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('picks float64 Cholesky up to CHOLESKY_MAX_N and CG above, unless told', () => {
    expect(pickSolver(CHOLESKY_MAX_N)).toBe('cholesky');
    expect(pickSolver(CHOLESKY_MAX_N + 1)).toBe('cg');
    expect(pickSolver(10, 'cg')).toBe('cg');
    expect(() => pickSolver(10, 'lu' as never)).toThrow(/solver must be 'auto', 'cholesky' or 'cg'/);
  });

  it('dispatches to the chosen solver', () => {
    const A = gramFromRows([
      [2, 1],
      [1, 2],
    ]);
    const B = gramFromRows([[1], [0]]);
    for (const solver of ['cholesky', 'cg'] as const) {
      const [s] = solveRidgePath(A, B, [1], solver);
      expect(s.solver).toBe(solver);
      // (A + I)^{-1} e1 = [3, -1] / 8.
      expect(s.X[0]).toBeCloseTo(3 / 8, 6);
      expect(s.X[1]).toBeCloseTo(-1 / 8, 6);
    }
  });
});
