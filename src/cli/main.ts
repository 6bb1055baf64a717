import { isUserError } from '../claims/errors.js';
import { HELP, parseCli } from './args.js';
import { baselineCommand } from './baselineCommand.js';
import { ciCommand } from './ciCommand.js';
import { coverageCommand } from './coverageCommand.js';
import { falseAlarmsCommand } from './falseAlarmsCommand.js';
import { listCommand } from './listCommand.js';
import { replayCommand } from './replayCommand.js';
import { reportCommand } from './reportCommand.js';
import { verifyCommand } from './verifyCommand.js';

/** Runs one CLI invocation; returns the exit code. User mistakes are one line and exit 2. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        console.log(HELP);
        return 0;
      case 'list':
        return await listCommand(args);
      case 'verify':
        return await verifyCommand(args);
      case 'replay':
        return await replayCommand(args);
      case 'report':
        return await reportCommand(args);
      case 'ci':
        return await ciCommand(args);
      case 'baseline':
        return await baselineCommand(args);
      case 'coverage':
        return await coverageCommand(args);
      case 'false-alarms':
        return await falseAlarmsCommand(args);
    }
  } catch (e) {
    if (isUserError(e)) {
      console.error(e.render());
      return 2;
    }
    throw e;
  }
}
