import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../claims/errors.js';
import { readBaseline } from '../report/baselineFile.js';

/**
 * Checks of path arguments made before any work starts, so that a typo costs a second, not a
 * whole run: each failure is one line naming the flag and the fix (exit 2).
 */

/** A folder the command writes into: absent (it is created) or a folder, never a file. */
export function outputFolder(flag: string, dir: string): void {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new UserError(`${flag} ${dir} is a file, not a folder`, `pass a folder for ${flag}`);
}

/** A file the command writes: absent or a file, and not inside something that is a file. */
export function outputFile(flag: string, file: string): void {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new UserError(`${flag} ${file} is a folder`, `pass the file to write, e.g. ${path.join(file, 'junit.xml')}`);
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  if (!fs.statSync(dir).isDirectory()) throw new UserError(`${flag} ${file} cannot be written: ${dir} is a file`);
}

/** `ci` compares with recorded baselines: the folder must exist and every file in it must parse. */
export function checkBaselines(dir: string, flags: string): void {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st) {
    throw new UserError(
      `--baselines ${dir} does not exist`,
      `pass the folder \`claimcheck baseline --update\` wrote (default fixtures/baselines), or record one: claimcheck baseline --update${flags}`,
    );
  }
  if (!st.isDirectory())
    throw new UserError(`--baselines ${dir} is a file, not a folder`, 'pass the folder that holds <backend>/<paper>.json');
  for (const backend of fs.readdirSync(dir)) {
    const sub = path.join(dir, backend);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub)) if (f.endsWith('.json')) readBaseline(path.join(sub, f));
  }
}
