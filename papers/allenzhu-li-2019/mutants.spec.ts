import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLi2019 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

claimTests(
  'allenzhu-li-2019 mutants are refuted',
  collectCheckables(allenzhuLi2019, 'allenzhu-li-2019').filter((c) => c.type === 'mutant'),
);
