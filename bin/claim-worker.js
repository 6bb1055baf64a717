// Worker-thread entry: registers the TypeScript loader in this thread, then runs the worker.
import { importTs } from './register-ts.js';

await importTs('src/cli/workerMain.ts');
