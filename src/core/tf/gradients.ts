/**
 * Gradient definitions for the kernels our models, losses and optimisers use.
 *
 * Why this file exists: `@tensorflow/tfjs-core`'s Node bundle ships no gradients; they are
 * registered by the `@tensorflow/tfjs` union package (or tfjs-node), which we do not depend on,
 * and tfjs-core's own `dist/register_all_gradients.js` is extensionless ESM that Node cannot load.
 * So `tf.grad` fails with "gradient function not found for Sum" unless we register them here.
 * The formulas follow tfjs-core's `src/gradients/*_grad.ts`; BatchMatMul additionally sums over
 * broadcast batch dimensions (x [n, d] times stacked weights [C, d, h]), which upstream does not.
 * `gradients.spec.ts` checks every entry against central finite differences.
 *
 * Imported for its side effect by `../backend.ts`, the models and the trainers.
 */
import * as tf from '@tensorflow/tfjs-core';

type Saved = tf.Tensor[];

/** Sums a broadcast gradient back to `shape` (the input's shape before broadcasting). */
function unbroadcast(g: tf.Tensor, shape: number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(shape, g.shape);
  const reduced = axes.length > 0 ? tf.sum(g, axes) : g;
  return tf.util.arraysEqual(reduced.shape, shape) ? reduced : tf.reshape(reduced, shape);
}

/** Gradient of a reduction (sum or mean) over `axis`: dy spread back over the reduced axes. */
function spread(dy: tf.Tensor, x: tf.Tensor, axis: unknown, scale: number): tf.Tensor {
  const axes = tf.util.parseAxisParam(axis as number | number[], x.shape);
  const kept = x.shape.slice();
  for (const a of axes) kept[a] = 1;
  return tf.mul(tf.reshape(dy, kept), tf.fill(x.shape, scale));
}

function binary(
  kernelName: string,
  da: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  db: (dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor) => tf.Tensor,
): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as Saved;
      const g = dy as tf.Tensor;
      return { a: () => unbroadcast(da(g, a, b), a.shape), b: () => unbroadcast(db(g, a, b), b.shape) };
    },
  };
}

/** Unary kernel whose derivative is a function of its input x. */
function unaryIn(kernelName: string, d: (dy: tf.Tensor, x: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return { kernelName, inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => d(dy as tf.Tensor, x) }) };
}

/** Unary kernel whose derivative is cheaper from its output y (sigmoid, tanh, exp). */
function unaryOut(kernelName: string, d: (dy: tf.Tensor, y: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return { kernelName, outputsToSave: [true], gradFunc: (dy, [y]) => ({ x: () => d(dy as tf.Tensor, y) }) };
}

function matMulGrad(): tf.GradConfig {
  return {
    kernelName: tf.BatchMatMul,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as Saved;
      const g = dy as tf.Tensor;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      // Thunks, not values: the tape only calls those of inputs on a path to a trainable
      // tensor, so x's gradient in x W is never computed.
      const da = () => (transposeA ? tf.matMul(b, g, transposeB, true) : tf.matMul(g, b, false, !transposeB));
      const db = () => (transposeB ? tf.matMul(g, a, true, transposeA) : tf.matMul(a, g, !transposeA, false));
      return { a: () => unbroadcast(da(), a.shape), b: () => unbroadcast(db(), b.shape) };
    },
  };
}

const GRADIENTS: tf.GradConfig[] = [
  binary(
    tf.Add,
    (dy) => dy,
    (dy) => dy,
  ),
  binary(
    tf.Sub,
    (dy) => dy,
    (dy) => tf.neg(dy),
  ),
  binary(
    tf.Multiply,
    (dy, _a, b) => tf.mul(dy, b),
    (dy, a) => tf.mul(dy, a),
  ),
  binary(
    tf.RealDiv,
    (dy, _a, b) => tf.div(dy, b),
    (dy, a, b) => tf.neg(tf.div(tf.mul(dy, a), tf.square(b))),
  ),
  binary(
    tf.SquaredDifference,
    (dy, a, b) => tf.mul(dy, tf.mul(2, tf.sub(a, b))),
    (dy, a, b) => tf.mul(dy, tf.mul(2, tf.sub(b, a))),
  ),
  binary(
    tf.Maximum,
    (dy, a, b) => tf.mul(dy, tf.cast(tf.greaterEqual(a, b), 'float32')),
    (dy, a, b) => tf.mul(dy, tf.cast(tf.less(a, b), 'float32')),
  ),
  binary(
    tf.Minimum,
    (dy, a, b) => tf.mul(dy, tf.cast(tf.lessEqual(a, b), 'float32')),
    (dy, a, b) => tf.mul(dy, tf.cast(tf.greater(a, b), 'float32')),
  ),
  matMulGrad(),
  { kernelName: tf.Neg, gradFunc: (dy) => ({ x: () => tf.neg(dy as tf.Tensor) }) },
  unaryIn(tf.Square, (dy, x) => tf.mul(dy, tf.mul(x, 2))),
  unaryIn(tf.Softplus, (dy, x) => tf.mul(dy, tf.sigmoid(x))),
  unaryIn(tf.Relu, (dy, x) => tf.mul(dy, tf.step(x))),
  unaryIn(tf.Abs, (dy, x) => tf.mul(dy, tf.sign(x))),
  unaryIn(tf.Log1p, (dy, x) => tf.div(dy, tf.add(x, 1))),
  unaryOut(tf.Sqrt, (dy, y) => tf.div(dy, tf.mul(y, 2))),
  unaryOut(tf.Exp, (dy, y) => tf.mul(dy, y)),
  unaryOut(tf.Sigmoid, (dy, y) => tf.mul(dy, tf.mul(y, tf.sub(1, y)))),
  unaryOut(tf.Tanh, (dy, y) => tf.mul(dy, tf.sub(1, tf.square(y)))),
  {
    kernelName: tf.Sum,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => spread(dy as tf.Tensor, x, attrs.axis, 1) }),
  },
  {
    kernelName: tf.Mean,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => spread(dy as tf.Tensor, x, attrs.axis, (dy as tf.Tensor).size / x.size) }),
  },
  { kernelName: tf.Reshape, inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.reshape(dy as tf.Tensor, x.shape) }) },
  {
    kernelName: tf.ExpandDims,
    inputsToSave: ['input'],
    gradFunc: (dy, [x]) => ({ input: () => tf.reshape(dy as tf.Tensor, x.shape) }),
  },
  {
    kernelName: tf.Transpose,
    gradFunc: (dy, _saved, attrs) => {
      const perm = attrs.perm as number[];
      return { x: () => tf.transpose(dy as tf.Tensor, tf.backend_util.getUndoAxesPermutation(perm)) };
    },
  },
  { kernelName: tf.Cast, gradFunc: (dy) => ({ x: () => tf.clone(dy as tf.Tensor) }) },
  { kernelName: tf.Identity, gradFunc: (dy) => ({ x: () => tf.cast(dy as tf.Tensor, 'float32') }) },
  {
    kernelName: tf.AddN,
    saveAllInputs: true,
    gradFunc: (dy, saved) => Object.fromEntries(saved.map((_, i) => [i, () => tf.clone(dy as tf.Tensor)])),
  },
];

/** Kernel names with a gradient from this file (tests iterate over it). */
export const GRADIENT_KERNELS: readonly string[] = GRADIENTS.map((g) => g.kernelName);

/**
 * (Re)registers every gradient above. Runs on import; `initBackend` calls it again after loading
 * tfjs-node, whose own registrations would otherwise replace ours (e.g. upstream BatchMatMul
 * without the batch-broadcast reduction).
 */
export function registerGradients(): void {
  for (const config of GRADIENTS) tf.registerGradient(config);
}

registerGradients();
