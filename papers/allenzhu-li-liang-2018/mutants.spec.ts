import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLiLiang2018 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

claimTests(
  'allenzhu-li-liang-2018 mutants are refuted',
  collectCheckables(allenzhuLiLiang2018, 'allenzhu-li-liang-2018').filter((c) => c.type === 'mutant'),
);
