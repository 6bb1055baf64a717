import { collectCheckables } from '../../src/claims/registry.js';
import * as shamir2018 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

claimTests(
  'shamir2018 mutants are refuted',
  collectCheckables(shamir2018, 'shamir2018').filter((c) => c.type === 'mutant'),
);
