/**
 * The generic stax contract: for any architecture built from dense / relu / serial, `kernelFn`
 * equals the independent pair-by-pair recursion of reluNtk.ts, cross-Grams are blocks of the
 * joint Gram, and `staxModel` exposes the finite network as a core Model.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { symmetricEigenvalues } from '../linalg/dense.js';
import { disposeParams } from '../models/Model.js';
import { Rng, keyFromSeed } from '../random.js';
import { dense } from './dense.js';
import { gramToRows, relativeFrobeniusError, subGram } from './Gram.js';
import { inputKernel, kernelFn, staxModel, type StaxLayer } from './layer.js';
import { relu } from './relu.js';
import { reluNetworkKernels, type ReluNetworkOptions } from './reluNtk.js';
import { serial } from './serial.js';

/** serial(dense(s1, b), relu, [dense(s, b), relu]^(L-1), dense(1, s, b)): the net of ReluNetworkOptions. */
function reluNet(o: Required<ReluNetworkOptions>, width: number): StaxLayer {
  const sb = Math.sqrt(o.biasVariance);
  const layers: StaxLayer[] = [dense({ width, sigmaW: Math.sqrt(o.firstWeightVariance), sigmaB: sb }), relu()];
  for (let h = 1; h < o.hiddenLayers; h++) layers.push(dense({ width, sigmaW: Math.sqrt(o.weightVariance), sigmaB: sb }), relu());
  layers.push(dense({ width: 1, sigmaW: Math.sqrt(o.weightVariance), sigmaB: sb }));
  return serial(...layers);
}

const ARCHITECTURES: Required<ReluNetworkOptions>[] = [
  { hiddenLayers: 1, firstWeightVariance: 1, weightVariance: 2, biasVariance: 0 },
  { hiddenLayers: 1, firstWeightVariance: 2, weightVariance: 1, biasVariance: 0.3 },
  { hiddenLayers: 2, firstWeightVariance: 1, weightVariance: 2, biasVariance: 0 },
  { hiddenLayers: 2, firstWeightVariance: 1.5, weightVariance: 2, biasVariance: 0.09 },
  { hiddenLayers: 4, firstWeightVariance: 1, weightVariance: 2, biasVariance: 0.05 },
];

describe('stax layers: {describe, init, apply, kernel}', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const rng = new Rng(keyFromSeed(12));
  const X = Array.from({ length: 9 }, () => Array.from(rng.normals(4)).map((v, i) => v * (i + 1) * 0.5));
  const Z = Array.from({ length: 4 }, () => Array.from(rng.normals(4)));

  it.each(ARCHITECTURES)('kernelFn matches the independent recursion: %j', (o) => {
    const layer = reluNet(o, 16);
    const got = kernelFn(layer, X, Z);
    const want = reluNetworkKernels(X, Z, o);
    expect(relativeFrobeniusError(got.nngp, want.nngp)).toBeLessThan(1e-13);
    expect(relativeFrobeniusError(got.ntk, want.ntk)).toBeLessThan(1e-13);
  });

  it('cross-Grams are blocks of the joint Gram, which is symmetric PSD', () => {
    const layer = reluNet(ARCHITECTURES[3], 8);
    const XZ = [...X, ...Z];
    const joint = kernelFn(layer, XZ).ntk;
    const rowsX = X.map((_, i) => i);
    const rowsZ = Z.map((_, j) => X.length + j);
    expect(relativeFrobeniusError(kernelFn(layer, X, Z).ntk, subGram(joint, rowsX, rowsZ))).toBeLessThan(1e-14);
    expect(symmetricEigenvalues(gramToRows(joint))[0]).toBeGreaterThan(-1e-10);
  });

  it('inputKernel is <x, z> / d with zero NTK', () => {
    const k = inputKernel([
      [1, 2],
      [3, -1],
    ]);
    expect(Array.from(k.nngp)).toEqual([2.5, 0.5, 0.5, 5]);
    expect(Array.from(k.ntk)).toEqual([0, 0, 0, 0]);
  });

  it('staxModel is a core Model over the same parameters', () => {
    const model = staxModel(reluNet(ARCHITECTURES[1], 5), 4);
    expect(model.outputDim).toBe(1);
    expect(model.shapes).toEqual({ '0.W': [4, 5], '0.b': [5], '2.W': [5, 1], '2.b': [1] });
    const p = model.init(keyFromSeed(3));
    const before = tf.memory().numTensors;
    const y = tf.tidy(() =>
      model.apply(
        p,
        tf.tensor2d(
          X.map((r) => Float32Array.from(r)).flatMap((r) => Array.from(r)),
          [9, 4],
        ),
      ),
    );
    expect(y.shape).toEqual([9, 1]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => model.apply(p, tf.zeros([2, 3]) as tf.Tensor2D)).toThrow(/x must be \[n, 4\]/);
    disposeParams(p);
  });
});
