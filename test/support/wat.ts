/**
 * WebAssembly text of emitted kernels (wabt, which checks the binary while reading it), for the snapshot tests that make every change to
 * the emitters (src/core/wasm, bench/kernels/wasm) a reviewable text diff.
 */
import wabtInit from 'wabt';
import { encodeKernels, type KernelEmitter } from '../../src/core/wasm/kernels.js';

export async function kernelsAsWat(emit: KernelEmitter, fma: boolean): Promise<string> {
  const wabt = await wabtInit();
  const mod = wabt.readWasm(encodeKernels([emit], fma), { readDebugNames: false, simd: true, threads: true, relaxed_simd: true });
  try {
    mod.generateNames();
    mod.applyNames();
    return mod.toText({ foldExprs: false, inlineExport: true });
  } finally {
    mod.destroy();
  }
}
