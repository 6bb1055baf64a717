/**
 * The learner's own (empirical, finite-width) neural tangent kernel of `bottleneckResNet` at its
 * initialisation, in closed form, for Allen-Zhu & Li 2019 thm3 ("any kernel method, including
 * the network's NTK"). Per-example gradients of a width-m network have ~m^2 entries (too many to
 * store for N = 3000), but the sum over parameters factorises into Gram matrices of N x m
 * feature maps. For output c, with P1 = x W + b1, S1 = 1[P1 > 0], H1 = relu(P1),
 * P2 = H1 U + b2, S2 = 1[P2 > 0], H = H1 + relu(P2):
 *
 *   d out_c / d A_{:,c} = H,    d out_c / d b2 = q_c := S2 * A_{:,c},  d out_c / d U = H1^T q_c,
 *   d out_c / d b1 = g_c := S1 * (A_{:,c} + U q_c),                    d out_c / d W = x^T g_c,
 *
 *   Theta_c(x, z) = <H(x), H(z)> + (1 + <x, z>) <g_c(x), g_c(z)> + (1 + <H1(x), H1(z)>) <q_c(x), q_c(z)>.
 *
 * Multi-output regression uses Theta_c of one output c (default the first) as the scalar kernel
 * shared by every output: the infinite-width NTK is the same for every output and diagonal
 * across outputs; at finite width the other outputs' kernels differ only through A_{:,c}
 * [R: a design choice; averaging over the k outputs costs k times more Gram products].
 *
 * Features are computed in TF.js float32 and the Gram products by one TF.js matMul each; the
 * spec compares against `kernels/empiricalNtk` (autodiff per-example gradients, float64 sums).
 */
import { allocGram, tf, type Gram, type Params } from 'claimcheck/core';

type NtkFeatures = {
  /** [n, m] */
  readonly H: tf.Tensor2D;
  readonly H1: tf.Tensor2D;
  /** [n, m]: g_c. */
  readonly G: tf.Tensor2D;
  /** [n, m]: q_c. */
  readonly Q: tf.Tensor2D;
  readonly X: tf.Tensor2D;
};

function features(p: Params, X: tf.Tensor2D, c: number): NtkFeatures {
  return tf.tidy(() => {
    const A = p.A as tf.Tensor2D;
    const m = A.shape[0];
    const P1 = tf.add(tf.matMul(X, p.W), p.b1) as tf.Tensor2D;
    const S1 = tf.step(P1);
    const H1 = tf.relu(P1) as tf.Tensor2D;
    const P2 = tf.add(tf.matMul(H1, p.U), p.b2);
    const S2 = tf.step(P2);
    const H = tf.add(H1, tf.relu(P2)) as tf.Tensor2D;
    // q[i, l] = S2[i, l] A[l, c]; g[i, j] = S1[i, j] (A[j, c] + sum_l U[j, l] q[i, l]).
    const a = tf.reshape(tf.slice(A, [0, c], [m, 1]), [1, m]);
    const q = tf.mul(S2, a) as tf.Tensor2D;
    const g = tf.mul(S1, tf.add(tf.matMul(q, tf.transpose(p.U)), a)) as tf.Tensor2D;
    return { H, H1, X, G: g, Q: q };
  });
}

/**
 * The empirical NTK Theta_c of output c between the rows of Xa and Xb (float32 inputs, row-major
 * n x d), as a float64-stored Gram. `p` are unbatched `bottleneckResNet` params with the skip
 * block (W, b1, U, b2, A). `blockEntries` bounds the entries of each row block computed at once.
 */
export function bottleneckNtkGram(
  p: Params,
  Xa: Float32Array,
  na: number,
  Xb: Float32Array,
  nb: number,
  c = 0,
  blockEntries = 2 ** 23,
): Gram {
  const d = p.W.shape[0] as number;
  const k = p.A.shape[1] as number;
  if (!Number.isInteger(c) || c < 0 || c >= k)
    throw new RangeError(`bottleneckNtkGram: output c must be an integer in [0, ${k}), got ${c}`);
  if (Xa.length !== na * d || Xb.length !== nb * d)
    throw new RangeError(`bottleneckNtkGram: Xa and Xb must hold na x ${d} and nb x ${d} entries`);
  const g = allocGram(na, nb);
  // Row blocks keep every live [rows, nb] float32 tensor near 2^23 entries: the wasm heap is
  // limited to a few GB, and a whole 1e4 x 1e4 product needs several 400 MB temporaries.
  const rows = Math.max(1, Math.min(na, Math.floor(blockEntries / nb)));
  const fb = tf.tidy(() => features(p, tf.tensor2d(Xb, [nb, d]), c));
  // Transposed once (wasm's transposed matMul is ~7x slower than a copy).
  const fbT = tf.tidy(() => ({
    H: tf.transpose(fb.H),
    H1: tf.transpose(fb.H1),
    G: tf.transpose(fb.G),
    Q: tf.transpose(fb.Q),
    X: tf.transpose(fb.X),
  }));
  try {
    for (let r0 = 0; r0 < na; r0 += rows) {
      const r1 = Math.min(na, r0 + rows);
      const block = tf.tidy(() => {
        const fa = features(p, tf.tensor2d(Xa.subarray(r0 * d, r1 * d), [r1 - r0, d]), c);
        const one = (a: tf.Tensor2D, bT: tf.Tensor) => tf.add(tf.matMul(a, bT), 1);
        return tf.add(
          tf.add(tf.matMul(fa.H, fbT.H), tf.mul(one(fa.X, fbT.X), tf.matMul(fa.G, fbT.G))),
          tf.mul(one(fa.H1, fbT.H1), tf.matMul(fa.Q, fbT.Q)),
        );
      });
      g.data.set(block.dataSync() as Float32Array, r0 * nb);
      block.dispose();
    }
  } finally {
    tf.dispose([...Object.values(fb), ...Object.values(fbT)]);
  }
  return g;
}
