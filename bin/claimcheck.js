#!/usr/bin/env node
// Entry point of the claimcheck CLI.
import { importTs } from './register-ts.js';

const { main } = await importTs('src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
