/** The bench-only kernels as WebAssembly text (see src/core/wasm/kernels.wat.spec.ts). */
import { describe, expect, it } from 'vitest';
import { kernelsAsWat } from '../../../test/support/wat.js';
import { BENCH_KERNELS } from './benchModule.js';

describe('bench wasm kernels as text', () => {
  for (const [name, emit] of Object.entries(BENCH_KERNELS)) {
    for (const fma of [false, true]) {
      const file = `__snapshots__/${name}${fma ? '.fma' : ''}.wat`;
      it(`${file} is the emitted module, validated by wabt`, async () => {
        await expect(await kernelsAsWat(emit, fma)).toMatchFileSnapshot(file);
      });
    }
  }
});
