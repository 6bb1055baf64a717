/**
 * NNGP and NTK of fully connected ReLU networks with L hidden layers (L = 1: "two-layer",
 * L = 2: "three-layer"), by the layer recursion of Jacot et al. 2018 (Thm 1) in the notation of
 * Arora et al. 2019 ("On Exact Computation with an Infinitely Wide Neural Net", eqs. (4)-(9)),
 * written pair by pair as an independent reference for the stax layers:
 *
 *   Sigma^0(x, z) = s1 <x, z> / d + b                     (first-layer pre-activations)
 *   Theta^0 = Sigma^0
 *   for h = 1..L, with Lambda = [[Sigma^{h-1}(x, x), Sigma^{h-1}(x, z)], [., Sigma^{h-1}(z, z)]]:
 *     Sigma^h   = s E_{(u,v)~N(0,Lambda)}[relu(u) relu(v)] + b
 *     SigmaDot^h = s E[step(u) step(v)]
 *     Theta^h  = Theta^{h-1} SigmaDot^h + Sigma^h
 *   NNGP = Sigma^L, NTK = Theta^L (one scalar output).
 *
 * s1 = sigma_w^2 of the first layer, s = sigma_w^2 of the layers after a ReLU (Arora et al.'s
 * c_sigma = 2 by default, which keeps Sigma^h(x, x) = ||x||^2 / d), b = sigma_b^2 (default 0).
 * This is the network serial(dense(m, sqrt s1, sigma_b), relu, dense(m, sqrt s, sigma_b), relu,
 * ..., dense(1, sqrt s, sigma_b)) in the NTK parameterisation of `dense.ts`.
 */
import { assertMatrix, type Mat, type Vec } from '../linalg/dense.js';
import { clampCosine, kappa0, kappa1 } from './arcCosine.js';
import { allocGram, dotProductGram, type DotKernelOptions, type Gram } from './Gram.js';
import type { KernelPair } from './layer.js';

export interface ReluNetworkOptions {
  /** Number of hidden ReLU layers L (1 = two-layer network, 2 = three-layer). */
  readonly hiddenLayers: number;
  /** sigma_w^2 of the first layer; default 1. */
  readonly firstWeightVariance?: number;
  /** sigma_w^2 of every layer acting on ReLU outputs; default 2 (c_sigma of Arora et al.). */
  readonly weightVariance?: number;
  /** sigma_b^2 of every layer; default 0. */
  readonly biasVariance?: number;
}

/** NNGP and NTK of one pair (x, z) by the recursion above. */
export function reluNetworkKernel(x: Vec, z: Vec, options: ReluNetworkOptions): { nngp: number; ntk: number } {
  const L = options.hiddenLayers;
  if (!Number.isInteger(L) || L < 1) throw new RangeError(`hiddenLayers must be an integer >= 1, got ${L}`);
  const s1 = options.firstWeightVariance ?? 1;
  const s = options.weightVariance ?? 2;
  const b = options.biasVariance ?? 0;
  const d = x.length;
  if (z.length !== d) throw new RangeError(`x and z must have the same length, got ${d} and ${z.length}`);
  let xx = 0,
    zz = 0,
    xz = 0;
  for (let t = 0; t < d; t++) {
    xx += x[t] * x[t];
    zz += z[t] * z[t];
    xz += x[t] * z[t];
  }
  let sxx = (s1 * xx) / d + b;
  let szz = (s1 * zz) / d + b;
  let sxz = (s1 * xz) / d + b;
  let theta = sxz;
  for (let h = 1; h <= L; h++) {
    const norms = Math.sqrt(sxx * szz);
    const rho = norms > 0 ? sxz / norms : 0;
    // E[relu(u) relu(v)] = sqrt(ab) kappa1(rho) / 2, E[step step] = kappa0(rho) / 2 (Cho & Saul 2009).
    const sigmaDot = (s * kappa0(rho)) / 2;
    sxz = (s * norms * kappa1(rho)) / 2 + b;
    sxx = (s * sxx) / 2 + b;
    szz = (s * szz) / 2 + b;
    theta = theta * sigmaDot + sxz;
  }
  return { nngp: sxz, ntk: theta };
}

/** Gram matrices of `reluNetworkKernel` (plain float64 loops: a reference, not a fast path). */
export function reluNetworkKernels(X: Mat, Z: Mat | undefined, options: ReluNetworkOptions): KernelPair {
  const [n1, d] = assertMatrix(X, 'X');
  const Zm = Z ?? X;
  const [n2] = assertMatrix(Zm, 'Z', undefined, d);
  const nngp = allocGram(n1, n2);
  const ntk = allocGram(n1, n2);
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      const k = reluNetworkKernel(X[i], Zm[j], options);
      nngp.data[i * n2 + j] = k.nngp;
      ntk.data[i * n2 + j] = k.ntk;
    }
  }
  return { nngp, ntk };
}

/**
 * The catalog's two-layer ReLU NTK on the sphere (allenzhu-li-2019 small-scale instance):
 *   u = <x, x'> / d, t = arccos u, K = u (pi - t) / pi + (sin t + (pi - t) u) / pi
 *     = u kappa0(u) + kappa1(u).
 * It is `reluNetworkKernel` with L = 1, s1 = 1, s = 2, b = 0 when ||x||^2 = ||x'||^2 = d (e.g.
 * x in {-1, 1}^d); off the sphere the two differ, the catalog formula ignores the norms.
 */
export function sphereReluNtk(u: number): number {
  // = u kappa0(u) + kappa1(u), with one arccos instead of two (this runs 25M times at N = 5000).
  const c = clampCosine(u);
  const piMinusT = Math.PI - Math.acos(c);
  return (2 * c * piMinusT + Math.sqrt(1 - c * c)) / Math.PI;
}

/**
 * Gram of `sphereReluNtk` with u = <x_i, z_j> / d. Large problems take one TF.js matMul for the
 * inner products and the elementwise map in float64 JS (see `dotProductGram`): measured faster
 * than TF.js elementwise ops (wasm's acos/sin run at ~25-60 M entries/s).
 */
export function sphereReluNtkGram(X: Mat, Z?: Mat, options: DotKernelOptions = {}): Gram {
  const d = X[0]?.length ?? 0;
  return dotProductGram((_a, _b, xz) => sphereReluNtk(xz / d), X, Z, options);
}
