import type { Checkable } from '../src/claims/Claim.js';
import { collectCheckables } from '../src/claims/registry.js';
import * as allenzhuLi2019 from './allenzhu-li-2019.js';
import * as allenzhuLi2020Bfc from './allenzhu-li-2020-bfc.js';
import * as allenzhuLiLiang2018 from './allenzhu-li-liang-2018.js';
import * as nichaniDamianLee2023 from './nichani-damian-lee-2023.js';
import * as shamir2018 from './shamir2018.js';

/** Every built-in paper file, in catalog order; each is loaded exactly like a user's claim file. */
export const BUILTIN: readonly Checkable[] = [
  ...collectCheckables(shamir2018, 'properties/shamir2018.ts'),
  ...collectCheckables(allenzhuLi2019, 'properties/allenzhu-li-2019.ts'),
  ...collectCheckables(allenzhuLi2020Bfc, 'properties/allenzhu-li-2020-bfc.ts'),
  ...collectCheckables(allenzhuLiLiang2018, 'properties/allenzhu-li-liang-2018.ts'),
  ...collectCheckables(nichaniDamianLee2023, 'properties/nichani-damian-lee-2023.ts'),
];
