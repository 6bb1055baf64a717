import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';

describe('bfcAdam', () => {
  it('minimises a quadratic and leaves masked entries untouched', () => {
    const target = [3, -2, 5];
    const theta = Float64Array.from([0, 0, 7]);
    const mask = Uint8Array.from([1, 1, 0]);
    const seen: number[] = [];
    const res = adam(
      theta,
      mask,
      (th, g) => {
        let loss = 0;
        for (let i = 0; i < 3; i++) {
          g[i] = 2 * (th[i] - target[i]);
          loss += (th[i] - target[i]) ** 2;
        }
        return loss;
      },
      { lr: 0.05, steps: 2000, checkpoints: [10, 2000], onCheckpoint: (s) => seen.push(s) },
    );
    expect(res.diverged).toBe(false);
    expect(theta[0]).toBeCloseTo(3, 3);
    expect(theta[1]).toBeCloseTo(-2, 3);
    expect(theta[2]).toBe(7);
    expect(seen).toEqual([10, 2000]);
  });

  it('the first step moves every trainable entry by lr against the sign of its gradient (bias-corrected Adam)', () => {
    const theta = Float64Array.from([1, 1]);
    adam(
      theta,
      Uint8Array.from([1, 1]),
      (_th, g) => {
        g[0] = 4;
        g[1] = -0.01;
        return 1;
      },
      { lr: 0.1, steps: 1 },
    );
    expect(theta[0]).toBeCloseTo(0.9, 6);
    expect(theta[1]).toBeCloseTo(1.1, 6);
  });

  it('reports divergence on a non-finite loss', () => {
    const theta = Float64Array.from([1]);
    const res = adam(theta, Uint8Array.from([1]), () => NaN, { lr: 0.1, steps: 5 });
    expect(res.diverged).toBe(true);
  });
});
