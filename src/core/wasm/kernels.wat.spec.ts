/**
 * Every core kernel as WebAssembly text (wabt), snapshotted under __snapshots__/: the emitters
 * build binary modules in memory, and these files are what a reviewer reads when one changes
 * (`npx vitest run -u src/core/wasm/kernels.wat.spec.ts` rewrites them; review the diff).
 * The GEMMs are snapshotted with and without FMA; the other kernels never use it.
 */
import { describe, expect, it } from 'vitest';
import { kernelsAsWat } from '../../../test/support/wat.js';
import { CORE_KERNELS } from './kernels.js';

describe('core wasm kernels as text', () => {
  for (const [name, emit] of Object.entries(CORE_KERNELS)) {
    for (const fma of name.startsWith('gemm') ? [false, true] : [false]) {
      const file = `__snapshots__/${name}${fma ? '.fma' : ''}.wat`;
      it(`${file} is the emitted module, validated by wabt`, async () => {
        await expect(await kernelsAsWat(emit, fma)).toMatchFileSnapshot(file);
      });
    }
  }
});
