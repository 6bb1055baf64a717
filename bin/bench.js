#!/usr/bin/env node
// Benchmark entry point (`npm run bench`): registers ts-node's ESM loader (transpile-only), like
// bin/claimcheck.js, then runs bench/main.ts, which times the reference workloads of
// shared/bench/README.md and compares them with numpy measured in the same session.
import { register } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Relaxed-SIMD FMA (~1.1-1.2x on the GEMM kernels) is behind a V8 flag in Node 20; it must be set
// before any wasm is compiled. --no-fma leaves it off (the kernels then use mul + add).
if (!process.argv.includes('--no-fma')) setFlagsFromString('--experimental-wasm-relaxed-simd');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.TS_NODE_PROJECT ??= join(root, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
process.env.CLAIMCHECK_TS_LOADER = '1';
register('ts-node/esm', pathToFileURL(root + '/'));
const { main } = await import(pathToFileURL(join(root, 'bench/main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
