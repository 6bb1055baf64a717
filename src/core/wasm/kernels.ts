/**
 * The wasm module of the core kernels (GEMM and packers in f32 and f64, the sphere ReLU NTK map,
 * matvec and triangular solves), assembled on first use and shared by every team: one module
 * keeps a team to one instance per thread. A program with kernels of its own (the bench) adds
 * its emitters with `kernelModuleWith`, and gets one module holding both.
 */
import { ModuleBuilder, relaxedSimdSupported } from './emit.js';
import { emitGemm, emitGemmDynamic, emitPackers, gemmShape, type GemmShape } from './gemmKernel.js';
import { emitReluNtk } from './ntkKernel.js';
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

/** Adds functions to a module; `fma` says whether relaxed-SIMD FMA may be used. */
export type KernelEmitter = (mb: ModuleBuilder, fma: boolean) => void;

/** The core kernels, by group (each group's functions call only each other). */
export const CORE_KERNELS: Readonly<Record<string, KernelEmitter>> = {
  gemm_f64: (mb, fma) => {
    emitGemm(mb, { ...GEMM_F64, fma });
    emitGemmDynamic(mb, GEMM_F64);
  },
  gemm_f32: (mb, fma) => {
    emitGemm(mb, { ...GEMM_F32, fma });
    emitGemmDynamic(mb, GEMM_F32);
  },
  pack_f64: (mb) => emitPackers(mb, 'f64'),
  pack_f32: (mb) => emitPackers(mb, 'f32'),
  relu_ntk: (mb) => emitReluNtk(mb),
  vec: (mb) => emitVecKernels(mb),
};

/** The binary of a module holding the given emitters' functions (for snapshots and tools). */
export function encodeKernels(emitters: readonly KernelEmitter[], fma: boolean): Uint8Array<ArrayBuffer> {
  const mb = new ModuleBuilder();
  for (const emit of emitters) emit(mb, fma);
  return mb.encode(MAX_BYTES / 65536);
}

/** The core kernels' module (compiled once per FMA setting). */
export function kernelModule(opts: KernelOptions = {}): WebAssembly.Module {
  const fma = kernelsUseFma(opts);
  let mod = compiled.get(fma);
  if (!mod) {
    mod = kernelModuleWith([], opts);
    compiled.set(fma, mod);
  }
  return mod;
}

/** A module with the core kernels and `extra` emitters (not cached: keep the module). */
export function kernelModuleWith(extra: readonly KernelEmitter[], opts: KernelOptions = {}): WebAssembly.Module {
  const fma = kernelsUseFma(opts);
  return new WebAssembly.Module(encodeKernels([...Object.values(CORE_KERNELS), ...extra], fma));
}
