import { collectCheckables } from '../../src/claims/registry.js';
import * as nichaniDamianLee2023 from '../../properties/nichani-damian-lee-2023.js';
import { claimTests } from './claimTests.js';

claimTests('nichani-damian-lee-2023 mutants are refuted', collectCheckables(nichaniDamianLee2023, 'nichani-damian-lee-2023').filter((c) => c.type === 'mutant'));
