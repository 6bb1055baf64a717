import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLiLiang2018 from '../../properties/allenzhu-li-liang-2018.js';
import { claimTests } from './claimTests.js';

claimTests('allenzhu-li-liang-2018 mutants are refuted', collectCheckables(allenzhuLiLiang2018, 'allenzhu-li-liang-2018').filter((c) => c.type === 'mutant'));
