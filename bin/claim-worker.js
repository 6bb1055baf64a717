// Worker-thread entry of `verify --workers N`: threads do not inherit module hooks, so a worker
// that loads a user's claim file registers the TypeScript loader itself.
import { workerData } from 'node:worker_threads';
import { moduleUrl } from './launch.js';
import { registerTypeScript } from './typescript.js';

if (workerData?.source?.kind === 'file') registerTypeScript();
await import(moduleUrl('src/cli/workerMain'));
