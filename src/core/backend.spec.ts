import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { currentBackend, initBackend } from './backend.js';
import { Rng, keyFromSeed } from './random.js';

// TF.js rejects Float64Array input: convert to Float32Array at the boundary.
function matmulOn(a: Float64Array, b: Float64Array, n: number): Float32Array {
  return tf.tidy(
    () => tf.matMul(tf.tensor2d(Float32Array.from(a), [n, n]), tf.tensor2d(Float32Array.from(b), [n, n])).dataSync() as Float32Array,
  );
}

describe('backend', () => {
  it('currentBackend throws before initialisation', () => {
    expect(() => currentBackend()).toThrow(/initBackend/);
  });

  it('auto picks the best available backend (wasm without tfjs-node)', async () => {
    const got = await initBackend();
    expect(['tensorflow', 'wasm']).toContain(got);
    expect(currentBackend()).toBe(got);
  });

  it('initialises wasm and cpu, and a matmul agrees between them', async () => {
    const n = 64;
    const rng = new Rng(keyFromSeed(1));
    const a = rng.normals(n * n);
    const b = rng.normals(n * n);
    expect(await initBackend('wasm')).toBe('wasm');
    expect(currentBackend()).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const onWasm = matmulOn(a, b, n);
    expect(await initBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const onCpu = matmulOn(a, b, n);
    for (let i = 0; i < n * n; i++) {
      // Sums of 64 products of N(0,1) entries: float32 rounding is ~1e-6 relative to sqrt(64).
      expect(Math.abs(onWasm[i] - onCpu[i])).toBeLessThan(1e-4 * (1 + Math.abs(onCpu[i])));
    }
  });

  it('is idempotent and auto keeps the initialised backend', async () => {
    await initBackend('wasm');
    const t0 = performance.now();
    expect(await initBackend('wasm')).toBe('wasm');
    expect(await initBackend('auto')).toBe('wasm');
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('explains how to install tfjs-node when tensorflow is requested but absent', async () => {
    let installed = true;
    try {
      await import(/* @vite-ignore */ ['@tensorflow', 'tfjs-node'].join('/'));
    } catch {
      installed = false;
    }
    if (installed) return; // nothing to check on a machine with the native backend
    await expect(initBackend('tensorflow')).rejects.toThrow(/not installed.*npm install @tensorflow\/tfjs-node.*--backend wasm/s);
  });

  it('rejects an unknown backend name', async () => {
    await expect(initBackend('gpu' as never)).rejects.toThrow(/unknown backend "gpu"/);
  });
});
