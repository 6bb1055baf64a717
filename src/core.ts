/**
 * `claimcheck/core`: the paper-agnostic numeric toolkit a claim's check uses. float64 references
 * for every number a verdict rests on (linear algebra, losses, residual objectives, ridge and
 * kernel regression, statistics and scaling fits) and TF.js (float32) models and trainers.
 * Built-in paper folders use exactly this surface.
 *
 * @packageDocumentation
 */
export * as tf from '@tensorflow/tfjs-core';
export * from './core/backend.js';
export * from './core/random.js';
export * from './core/stats.js';
export * from './core/pairedSeeds.js';
export * from './core/losses.js';
export * from './core/linear.js';

// Linear algebra (float64).
export * from './core/linalg/dense.js';
export * from './core/linalg/cholesky.js';
export * from './core/linalg/flatMatMul.js';

// Kernels: arc-cosine, NNGP/NTK as stax-style layers, RBF, polynomial, random features, empirical NTK.
export * from './core/kernels/Gram.js';
export * from './core/kernels/arcCosine.js';
export * from './core/kernels/layer.js';
export * from './core/kernels/dense.js';
export * from './core/kernels/relu.js';
export * from './core/kernels/serial.js';
export * from './core/kernels/reluNtk.js';
export * from './core/kernels/rbf.js';
export * from './core/kernels/polynomial.js';
export * from './core/kernels/randomFeatures.js';
export * from './core/kernels/empiricalNtk.js';
export * from './core/kernels/lastLayer.js';

// Ridge and kernel ridge regression, with ridge selection.
export * from './core/ridge/solveRidge.js';
export * from './core/ridge/choleskyRidge.js';
export * from './core/ridge/cgRidge.js';
export * from './core/ridge/selectRidge.js';
export * from './core/ridge/krr.js';
export * from './core/ridge/ridgeResidual.js';
export * from './core/ridge/featureRegression.js';
export * from './core/ridge/primalRidge.js';

// Models: TF.js {init, apply} models and their float64 references.
export * from './core/models/Model.js';
export * from './core/models/linear.js';
export * from './core/models/mlp.js';
export * from './core/models/mlp64.js';
export * from './core/models/residual.js';
export * from './core/models/residualObjective.js';
export * from './core/models/bottleneckResNet.js';

// Optimisation and training.
export * from './core/optim/criticalPoints.js';
export * from './core/optim/adam.js';
export * from './core/optim/schedules.js';
export type * from './core/train/Trainer.js';
export * from './core/train/adam.js';
export * from './core/train/sgd.js';
export * from './core/train/gd.js';
export * from './core/train/projectedSgd.js';
export * from './core/train/loop.js';
export * from './core/train/minibatch.js';
export * from './core/train/data.js';
export * from './core/tf/tfLosses.js';
export * from './core/tf/leakCheck.js';

// WebAssembly SIMD kernels shared by a team of threads (GEMM, packing).
export { WasmTeam, type Call } from './core/wasm/WasmTeam.js';
export { sharedTeam } from './core/wasm/sharedTeam.js';
export { kernelModule, kernelsUseFma, MAX_BYTES, GEMM_F32, GEMM_F64, type KernelOptions } from './core/wasm/kernels.js';
export { packRowPanels, type Floats } from './core/wasm/pack.js';
export type { GemmShape, Precision } from './core/wasm/gemmKernel.js';
export * from './core/wasm/calls.js';
