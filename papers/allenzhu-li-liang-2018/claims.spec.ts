import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLiLiang2018 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests(
  'allenzhu-li-liang-2018 claims hold',
  collectCheckables(allenzhuLiLiang2018, 'allenzhu-li-liang-2018').filter((c) => c.type === 'claim'),
);
