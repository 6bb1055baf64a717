import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../src/core/backend.js';
import { mlp } from '../src/core/models/mlp.js';
import { tweakedUnit } from '../src/core/models/residual.js';
import { disposeParams, stackParams } from '../src/core/models/Model.js';
import { keyFromSeed, Rng } from '../src/core/random.js';
import { projectedSgd } from '../src/core/train/projectedSgd.js';
import { sgd } from '../src/core/train/sgd.js';
import { randomMatrix } from '../src/core/tf/testing.js';

const d = 6, k = 5;
const model = tweakedUnit({ features: mlp({ inputDim: d, widths: [k], activation: 'tanh' }) });
for (const be of ['wasm', 'cpu'] as BackendName[]) {
  await initBackend(be);
  for (const pool of [20000]) {
    const { X } = randomMatrix(1, pool, d, 0.4);
    const y = tf.tensor1d(Float32Array.from(new Rng(keyFromSeed(2)).uniforms(pool), (u) => (u < 0.5 ? -1 : 1)));
    for (const chains of [undefined, 20]) {
      const p0 = chains ? tf.tidy(() => stackParams(Array.from({ length: chains }, (_, c) => model.init(keyFromSeed(c))))) : model.init(keyFromSeed(1));
      const theta = (t: number) => {
        const r = new Rng(keyFromSeed(1000 + t));
        const shape = chains ? [chains, d, k] : [d, k];
        return { 'theta.W0': tf.tensor(Float32Array.from(r.normals((chains ?? 1) * d * k, 3)), shape) };
      };
      const steps = 2000;
      const cases: [string, () => { params: Record<string, tf.Tensor> }][] = [
        ['sgd', () => sgd({ model, params: p0, X, y, loss: 'logistic', steps, lr: 0.1, key: keyFromSeed(3), logEvery: steps, chains, trainable: ['w', 'v'] })],
        ['projSgd+theta', () => projectedSgd({ model, params: p0, X, y, loss: 'logistic', steps, lr: 0.1, key: keyFromSeed(3), logEvery: steps, chains, trainable: ['w', 'v'], project: { names: ['w', 'v'], radius: 3 }, onStep: (t) => theta(t) })],
        ['projSgd+theta+meanF', () => projectedSgd({ model, params: p0, X, y, loss: 'logistic', steps, lr: 0.1, key: keyFromSeed(3), logEvery: steps, chains, trainable: ['w', 'v'], project: { names: ['w', 'v'], radius: 3 }, onStep: (t) => theta(t), trackMeanLoss: true })],
      ];
      for (const [name, f] of cases) {
        disposeParams(f().params); // warm-up
        const t0 = performance.now();
        const r = f();
        const us = ((performance.now() - t0) / steps) * 1000;
        disposeParams(r.params);
        console.log(`${be} pool=${pool} chains=${chains ?? 1} ${name}: ${us.toFixed(0)} us/step`);
      }
      disposeParams(p0);
    }
    tf.dispose([X, y]);
  }
  console.log('tensors', tf.memory().numTensors);
}
