/**
 * The one wasm module of fused kernels, assembled on first use and shared by every team.
 * One module keeps a team to one instance per thread.
 */
import { ModuleBuilder, relaxedSimdSupported } from './emit.js';
import { emitGemm, emitGemmDynamic, emitPackers, gemmShape, type GemmShape } from './gemmKernel.js';
import { emitReluNtk } from './ntkKernel.js';
import { emitThm1Rows } from './thm1Kernel.js';
import { emitTwoLayerGd } from './twoLayerKernel.js';
import { emitVecKernels } from './vecKernel.js';

/** Register blocking measured best on x64 V8 (see gemmKernel.ts): 4 rows x 2 vectors. */
export const GEMM_F64: GemmShape = gemmShape('f64', 4, 2);
export const GEMM_F32: GemmShape = gemmShape('f32', 4, 2);

/** The memory a team may grow to: 2 GiB of address space (reserved lazily by the engine). */
export const MAX_BYTES = 2 ** 31;

const compiled = new Map<boolean, WebAssembly.Module>();

export interface KernelOptions {
  /**
   * Fused multiply-add (relaxed SIMD) in the GEMM and two-layer GD kernels: ~1.2x on GEMM-bound work, and
   * results that may differ in the last bits. Default: when the engine supports it (Node >= 22,
   * or Node 20 with V8's --experimental-wasm-relaxed-simd, which bin/bench.js sets).
   */
  readonly fma?: boolean;
}

/** True when kernelModule(opts) would use FMA. */
export function kernelsUseFma(opts: KernelOptions = {}): boolean {
  const want = opts.fma ?? true;
  return want && relaxedSimdSupported();
}

export function kernelModule(opts: KernelOptions = {}): WebAssembly.Module {
  const fma = kernelsUseFma(opts);
  let mod = compiled.get(fma);
  if (!mod) {
    const mb = new ModuleBuilder();
    emitGemm(mb, { ...GEMM_F64, fma });
    emitGemm(mb, { ...GEMM_F32, fma });
    emitGemmDynamic(mb, GEMM_F64);
    emitGemmDynamic(mb, GEMM_F32);
    emitPackers(mb, 'f64');
    emitPackers(mb, 'f32');
    emitTwoLayerGd(mb, fma);
    emitThm1Rows(mb, fma);
    emitReluNtk(mb);
    emitVecKernels(mb);
    mod = new WebAssembly.Module(mb.encode(MAX_BYTES / 65536));
    compiled.set(fma, mod);
  }
  return mod;
}
