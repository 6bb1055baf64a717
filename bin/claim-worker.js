// Worker-thread entry: each worker registers ts-node's loader itself, then runs the TypeScript
// worker (module hooks registered on the main thread are not inherited by workers).
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.TS_NODE_PROJECT ??= join(root, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
register('ts-node/esm', pathToFileURL(root + '/'));
await import(pathToFileURL(join(root, 'src/cli/workerMain.ts')).href);
