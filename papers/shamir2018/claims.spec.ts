import { collectCheckables } from '../../src/claims/registry.js';
import * as shamir2018 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests(
  'shamir2018 claims hold',
  collectCheckables(shamir2018, 'shamir2018').filter((c) => c.type === 'claim'),
);
