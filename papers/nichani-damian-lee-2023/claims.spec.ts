import { collectCheckables } from '../../src/claims/registry.js';
import * as nichaniDamianLee2023 from './index.js';
import { claimTests } from '../../test/support/claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests(
  'nichani-damian-lee-2023 claims hold',
  collectCheckables(nichaniDamianLee2023, 'nichani-damian-lee-2023').filter((c) => c.type === 'claim'),
);
