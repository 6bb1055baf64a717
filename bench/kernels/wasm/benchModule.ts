/**
 * The bench's wasm module: the core kernels plus the bench-only ones (two-layer GD, the Theorem 1
 * row pass), built once per FMA setting.
 */
import { kernelModuleWith, kernelsUseFma, type KernelEmitter, type KernelOptions } from '../../../src/core/wasm/kernels.js';
import { emitThm1Rows } from './thm1Kernel.js';
import { emitTwoLayerGd } from './twoLayerKernel.js';

export const BENCH_KERNELS: Readonly<Record<string, KernelEmitter>> = {
  two_layer_gd: (mb, fma) => emitTwoLayerGd(mb, fma),
  thm1_rows: (mb, fma) => emitThm1Rows(mb, fma),
};

const compiled = new Map<boolean, WebAssembly.Module>();

export function benchKernelModule(opts: KernelOptions = {}): WebAssembly.Module {
  const fma = kernelsUseFma(opts);
  let mod = compiled.get(fma);
  if (!mod) {
    mod = kernelModuleWith(Object.values(BENCH_KERNELS), opts);
    compiled.set(fma, mod);
  }
  return mod;
}
