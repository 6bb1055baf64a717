#!/usr/bin/env node
// Entry point of the claimcheck CLI: the compiled CLI (see launch.js for a development checkout).
// A claim file may be TypeScript: the TypeScript loader is registered only when --file is given,
// so every other command starts at the speed of plain JavaScript.
import { moduleUrl } from './launch.js';
import { registerTypeScript } from './typescript.js';

const argv = process.argv.slice(2);
if (argv.some((a) => a === '--file' || a.startsWith('--file='))) registerTypeScript();
const { main } = await import(moduleUrl('src/cli/main'));
process.exitCode = await main(argv);
