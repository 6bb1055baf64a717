import { collectCheckables } from '../../src/claims/registry.js';
import * as bfc from '../../properties/allenzhu-li-2020-bfc.js';
import { claimTests } from './claimTests.js';

claimTests('allenzhu-li-2020-bfc mutants are refuted', collectCheckables(bfc, 'allenzhu-li-2020-bfc').filter((c) => c.type === 'mutant'));
