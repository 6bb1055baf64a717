#!/usr/bin/env node
// Benchmark entry point (`npm run bench`): times the reference workloads of shared/bench/README.md
// and compares them with numpy measured in the same session. The bench is not compiled: it runs
// from its TypeScript sources (a development checkout only).
import { setFlagsFromString } from 'node:v8';
import { registerTypeScript } from './typescript.js';

// Relaxed-SIMD FMA (~1.1-1.2x on the GEMM kernels) is behind a V8 flag in Node 20; it must be set
// before any wasm is compiled. --no-fma leaves it off (the kernels then use mul + add).
if (!process.argv.includes('--no-fma')) setFlagsFromString('--experimental-wasm-relaxed-simd');
registerTypeScript({ sources: true });
const { main } = await import(new URL('../bench/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
