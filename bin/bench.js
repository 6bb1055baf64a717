#!/usr/bin/env node
// Benchmark entry point (`npm run bench`): times the reference workloads of shared/bench/README.md
// and compares them with numpy measured in the same session.
import { setFlagsFromString } from 'node:v8';
import { importTs } from './register-ts.js';

// Relaxed-SIMD FMA (~1.1-1.2x on the GEMM kernels) is behind a V8 flag in Node 20; it must be set
// before any wasm is compiled. --no-fma leaves it off (the kernels then use mul + add).
if (!process.argv.includes('--no-fma')) setFlagsFromString('--experimental-wasm-relaxed-simd');
const { main } = await importTs('bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
