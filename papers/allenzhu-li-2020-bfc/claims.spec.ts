import { collectCheckables } from '../../src/claims/registry.js';
import * as bfc from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests(
  'allenzhu-li-2020-bfc claims hold',
  collectCheckables(bfc, 'allenzhu-li-2020-bfc').filter((c) => c.type === 'claim'),
);
