import { collectCheckables, type Checkable } from 'claimcheck';
import * as allenzhuLi2019 from './allenzhu-li-2019/index.js';
import * as allenzhuLi2020Bfc from './allenzhu-li-2020-bfc/index.js';
import * as allenzhuLiLiang2018 from './allenzhu-li-liang-2018/index.js';
import * as nichaniDamianLee2023 from './nichani-damian-lee-2023/index.js';
import * as shamir2018 from './shamir2018/index.js';

/** Every built-in paper file, in catalog order; each is loaded exactly like a user's claim file. */
export const BUILTIN: readonly Checkable[] = [
  ...collectCheckables(shamir2018, 'papers/shamir2018'),
  ...collectCheckables(allenzhuLi2019, 'papers/allenzhu-li-2019'),
  ...collectCheckables(allenzhuLi2020Bfc, 'papers/allenzhu-li-2020-bfc'),
  ...collectCheckables(allenzhuLiLiang2018, 'papers/allenzhu-li-liang-2018'),
  ...collectCheckables(nichaniDamianLee2023, 'papers/nichani-damian-lee-2023'),
];
