import { collectCheckables } from '../../src/claims/registry.js';
import * as bfc from '../../properties/allenzhu-li-2020-bfc.js';
import { claimTests } from './claimTests.js';

// Claims and mutants in separate files so vitest runs them on both cores.
claimTests('allenzhu-li-2020-bfc claims hold', collectCheckables(bfc, 'allenzhu-li-2020-bfc').filter((c) => c.type === 'claim'));
