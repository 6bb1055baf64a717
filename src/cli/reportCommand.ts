import * as path from 'node:path';
import { loadSummary } from '../report/loadSummary.js';
import { writeReport } from '../report/writeReport.js';
import type { ReportArgs } from './args.js';

/** `claimcheck report`: renders reports/summary.json (from verify) as HTML pages and Markdown. */
export async function reportCommand(args: ReportArgs): Promise<number> {
  const summary = loadSummary(args.summary);
  const written = await writeReport(summary, args.out);
  console.log(`claimcheck report: ${written.pages.length} pages in ${args.out}`);
  console.log(`  open ${path.join(args.out, 'index.html')}`);
  console.log(`  pull-request summary: ${path.join(args.out, written.markdown)}`);
  return 0;
}
