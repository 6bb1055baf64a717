import { UserError } from '../claims/errors.js';
import type { ReportArgs } from './args.js';

// Scaffolding for the reports work in progress this session (issue 6); replaced by the renderer.
export async function reportCommand(_args: ReportArgs): Promise<number> {
  throw new UserError('report is not available in this build', 'run `claimcheck verify --json` for machine-readable results');
}
