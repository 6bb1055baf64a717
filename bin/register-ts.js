// Registers ts-node's ESM loader (transpile-only) so the TypeScript sources and users' .ts claim
// files load directly. Imported first by every launcher in bin/ (and by worker threads, which do
// not inherit module hooks registered on the main thread).
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.TS_NODE_PROJECT ??= join(root, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
register('ts-node/esm', pathToFileURL(root + '/'));

/** Imports a TypeScript module of this package by its path from the package root. */
export function importTs(relative) {
  return import(pathToFileURL(join(root, relative)).href);
}
