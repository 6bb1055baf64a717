import { collectCheckables } from '../../src/claims/registry.js';
import * as allenzhuLiLiang2018 from '../../properties/allenzhu-li-liang-2018.js';
import { claimTests } from './claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests('allenzhu-li-liang-2018 claims hold', collectCheckables(allenzhuLiLiang2018, 'allenzhu-li-liang-2018').filter((c) => c.type === 'claim'));
