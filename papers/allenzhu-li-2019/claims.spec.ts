import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLi2019 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests(
  'allenzhu-li-2019 claims hold',
  collectCheckables(allenzhuLi2019, 'allenzhu-li-2019').filter((c) => c.type === 'claim'),
);
