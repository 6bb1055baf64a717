import { describe, expect, it } from 'vitest';
import { referenceEnv } from './reference.js';

describe('referenceEnv', () => {
  it('drops OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for the numpy child only, keeping everything else', () => {
    const env = { PATH: '/bin', OPENBLAS_CORETYPE: 'Haswell', OPENBLAS_L2_SIZE: '512', OPENBLAS_NUM_THREADS: '2' };
    expect(referenceEnv(env)).toEqual({ PATH: '/bin', OPENBLAS_NUM_THREADS: '2' });
    expect(env.OPENBLAS_CORETYPE).toBe('Haswell');
  });
});
