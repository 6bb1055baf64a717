import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { mlp } from '../models/mlp.js';
import { disposeParams, paramsToArrays } from '../models/Model.js';
import { Rng, keyFromSeed } from '../random.js';
import { dense } from './dense.js';
import { featureRidgeRegression } from '../ridge/featureRegression.js';
import { gramToRows } from './Gram.js';
import { lastLayerRegression, modelFeatures } from './lastLayer.js';
import { staxModel } from './layer.js';
import { relu } from './relu.js';
import { serial } from './serial.js';

describe('last-layer-only regression', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  const rng = new Rng(keyFromSeed(17));
  const X = Array.from({ length: 50 }, () => Array.from(Float32Array.from(rng.normals(3))));
  const y = X.map((x) => [Math.tanh(x[0] + x[1]), x[2] ** 2]);

  it("fits the read-out on an mlp's penultimate features (the full model's own W0, b0)", () => {
    const full = mlp({ inputDim: 3, widths: [16, 2], activation: 'relu', activateLast: false, biasStd: 0.5 });
    const params = full.init(keyFromSeed(1));
    const features = mlp({ inputDim: 3, widths: [16], activation: 'relu', biasStd: 0.5 });
    const before = tf.memory().numTensors;
    const r = lastLayerRegression({ features, params, X, y, X_test: X.slice(0, 4), lambdas: [1e-3] });
    expect(tf.memory().numTensors).toBe(before);
    // Features by hand: relu(x W0 + b0) in float64 from the same parameters.
    const { W0, b0 } = paramsToArrays(params) as { W0: number[][]; b0: number[] };
    const phi = X.map((x) =>
      b0.map((b, o) =>
        Math.max(
          0,
          x.reduce((s, v, i) => s + v * W0[i][o], b),
        ),
      ),
    );
    const manual = featureRidgeRegression({
      features: { rows: 50, cols: 16, data: Float64Array.from(phi.flat()) },
      y,
      testFeatures: { rows: 4, cols: 16, data: Float64Array.from(phi.slice(0, 4).flat()) },
      lambdas: [1e-3],
    });
    gramToRows(r.predictions!).forEach((row, i) => row.forEach((v, c) => expect(v).toBeCloseTo(manual.predictions!.data[i * 2 + c], 4)));
    disposeParams(params);
  });

  it('works with a stax network cut before its read-out', () => {
    const body = serial(dense({ width: 32 }), relu());
    const model = staxModel(body, 3);
    const params = model.init(keyFromSeed(2));
    const phi = modelFeatures(model, params, X);
    expect([phi.rows, phi.cols]).toEqual([50, 32]);
    const r = lastLayerRegression({ features: model, params, X, y, lambdas: [1e-4, 1e-2] });
    expect(r.form).toBe('primal');
    expect([1e-4, 1e-2]).toContain(r.lambda);
    disposeParams(params);
  });
});
