import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../src/core/backend.js';
import { mlp } from '../src/core/models/mlp.js';
import { tweakedUnit } from '../src/core/models/residual.js';
import { disposeParams } from '../src/core/models/Model.js';
import { keyFromSeed, Rng } from '../src/core/random.js';
import { projectedSgd } from '../src/core/train/projectedSgd.js';
import { randomMatrix } from '../src/core/tf/testing.js';
const d = 6, k = 5;
const model = tweakedUnit({ features: mlp({ inputDim: d, widths: [k], activation: 'tanh' }) });
await initBackend('cpu');
const { X } = randomMatrix(1, 1000, d, 0.4);
const y = tf.tensor1d(Float32Array.from(new Rng(keyFromSeed(2)).uniforms(1000), (u) => (u < 0.5 ? -1 : 1)));
const p0 = model.init(keyFromSeed(1));
const names: string[][] = [];
for (const steps of [1, 2]) {
  const prof = await tf.profile(() => { const r = projectedSgd({ model, params: p0, X, y, loss: 'logistic', steps, lr: 0.1, key: keyFromSeed(3), logEvery: steps, trainable: ['w', 'v'], project: { names: ['w', 'v'], radius: 3 } }); disposeParams(r.params); });
  names.push(prof.kernels.map((k) => `${k.name}${JSON.stringify(k.inputShapes)}`));
}
// kernels of the second step: 2-step list minus 1-step list (the log calls are the same)
console.log(names[1].slice(names[0].length - 0).length);
const one = names[0];
console.log(one.join('\n'));
