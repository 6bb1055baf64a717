#!/usr/bin/env node
// Entry point: registers ts-node's ESM loader (transpile-only) so the TypeScript sources and
// users' .ts claim files load directly, then runs the CLI.
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.TS_NODE_PROJECT ??= join(root, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
process.env.CLAIMCHECK_TS_LOADER = '1';
register('ts-node/esm', pathToFileURL(root + '/'));
const { main } = await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
