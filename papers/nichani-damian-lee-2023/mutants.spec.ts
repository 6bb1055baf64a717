import { collectCheckables } from '../../src/claims/registry.js';
import * as nichaniDamianLee2023 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

claimTests(
  'nichani-damian-lee-2023 mutants are refuted',
  collectCheckables(nichaniDamianLee2023, 'nichani-damian-lee-2023').filter((c) => c.type === 'mutant'),
);
