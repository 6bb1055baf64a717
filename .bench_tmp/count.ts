import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../src/core/backend.js';
import { mlp } from '../src/core/models/mlp.js';
import { tweakedUnit } from '../src/core/models/residual.js';
import { disposeParams } from '../src/core/models/Model.js';
import { keyFromSeed, Rng } from '../src/core/random.js';
import { projectedSgd } from '../src/core/train/projectedSgd.js';
import { sgd } from '../src/core/train/sgd.js';
import { randomMatrix } from '../src/core/tf/testing.js';
const d = 6, k = 5;
const model = tweakedUnit({ features: mlp({ inputDim: d, widths: [k], activation: 'tanh' }) });
await initBackend(process.argv[2] as 'cpu');
const { X } = randomMatrix(1, 1000, d, 0.4);
const y = tf.tensor1d(Float32Array.from(new Rng(keyFromSeed(2)).uniforms(1000), (u) => (u < 0.5 ? -1 : 1)));
const p0 = model.init(keyFromSeed(1));
for (const steps of [1, 2]) {
  const prof = await tf.profile(() => { const r = projectedSgd({ model, params: p0, X, y, loss: 'logistic', steps, lr: 0.1, key: keyFromSeed(3), logEvery: steps, trainable: ['w', 'v'], project: { names: ['w', 'v'], radius: 3 } }); disposeParams(r.params); });
  console.log(steps, prof.kernels.length, prof.kernelNames.join(' '));
}
// raw op cost
const a = tf.ones([1, 6]);
for (const name of ['add', 'matMul']) {
  const w = tf.ones([6, 1]);
  let t0 = performance.now();
  for (let i = 0; i < 20000; i++) tf.tidy(() => (name === 'add' ? tf.add(a, a) : tf.matMul(a, w)));
  console.log(name, ((performance.now() - t0) / 20000 * 1000).toFixed(1), 'us');
}
