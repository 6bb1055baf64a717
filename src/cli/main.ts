import { isUserError } from '../claims/errors.js';
import { HELP, parseCli, type Args } from './args.js';

/**
 * Each command's module is imported only when it runs: `--help` loads no numerics, `report` no
 * TF.js, `verify` no mathjs or vega (see the start-up times in README, "Install").
 */
async function run(args: Args): Promise<number> {
  switch (args.command) {
    case 'help':
      console.log(HELP);
      return 0;
    case 'init':
      return (await import('./initCommand.js')).initCommand(args);
    case 'list':
      return (await import('./listCommand.js')).listCommand(args);
    case 'verify':
      return (await import('./verifyCommand.js')).verifyCommand(args);
    case 'replay':
      return (await import('./replayCommand.js')).replayCommand(args);
    case 'report':
      return (await import('./reportCommand.js')).reportCommand(args);
    case 'ci':
      return (await import('./ciCommand.js')).ciCommand(args);
    case 'baseline':
      return (await import('./baselineCommand.js')).baselineCommand(args);
    case 'coverage':
      return (await import('./coverageCommand.js')).coverageCommand(args);
    case 'false-alarms':
      return (await import('./falseAlarmsCommand.js')).falseAlarmsCommand(args);
  }
}

/** Runs one CLI invocation; returns the exit code. User mistakes are one line and exit 2. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseCli(argv));
  } catch (e) {
    if (isUserError(e)) {
      console.error(e.render());
      return 2;
    }
    throw e;
  }
}
