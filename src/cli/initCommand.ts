import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../claims/errors.js';
import { writeFileAtomic } from '../claims/store.js';
import type { InitArgs } from './args.js';
import { STARTER_CLAIMS, STARTER_TSCONFIG } from './starter.js';

/**
 * `claimcheck init [dir]`: a starter claim file (claims.ts) and a tsconfig.json that type-checks
 * it. Never overwrites: an existing claims.ts is an error, an existing tsconfig.json is kept.
 */
export async function initCommand(args: InitArgs): Promise<number> {
  const dir = path.resolve(args.dir);
  const claims = path.join(dir, 'claims.ts');
  const tsconfig = path.join(dir, 'tsconfig.json');
  const shown = (f: string) => path.relative(process.cwd(), f) || '.';
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new UserError(`init: ${shown(dir)} is not a folder`, 'pass the folder to write claims.ts into, e.g. claimcheck init my-claims');
  }
  if (fs.existsSync(claims)) {
    throw new UserError(
      `init: ${shown(claims)} already exists`,
      'init never overwrites; pass another folder, e.g. claimcheck init my-claims',
    );
  }
  writeFileAtomic(claims, STARTER_CLAIMS);
  console.log(`wrote ${shown(claims)}`);
  if (fs.existsSync(tsconfig)) {
    console.log(`kept ${shown(tsconfig)} (claims.ts type-checks with "module": "nodenext")`);
  } else {
    writeFileAtomic(tsconfig, STARTER_TSCONFIG);
    console.log(`wrote ${shown(tsconfig)}`);
  }
  const file = shown(claims);
  console.log(
    `next: npx claimcheck verify --file ${file}    (type-check: npx tsc --noEmit${dir === process.cwd() ? '' : ` -p ${shown(dir)}`})`,
  );
  return 0;
}
