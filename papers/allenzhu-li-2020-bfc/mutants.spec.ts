import { collectCheckables } from '../../src/claims/registry.js';
import * as bfc from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

claimTests(
  'allenzhu-li-2020-bfc mutants are refuted',
  collectCheckables(bfc, 'allenzhu-li-2020-bfc').filter((c) => c.type === 'mutant'),
);
