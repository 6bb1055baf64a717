import * as path from 'node:path';
import { writeFileAtomic } from '../claims/store.js';
import { loadSummary } from '../report/loadSummary.js';
import { loadAndMerge, mergeTimings } from '../report/mergeSummaries.js';
import { summaryJson } from '../report/Summary.js';
import { writeReport } from '../report/writeReport.js';
import type { ReportArgs } from './args.js';
import { outputFolder } from './checkInputs.js';

/**
 * `claimcheck report`: renders reports/summary.json (from verify) as HTML pages and Markdown.
 * With --merge, shard summaries are merged into <out>/summary.json first (and their timings into
 * <out>/timings.json), then rendered the same way.
 */
export async function reportCommand(args: ReportArgs): Promise<number> {
  outputFolder('--out', args.out);
  let summary;
  if (args.merge) {
    const merged = loadAndMerge(args.merge);
    summary = merged.summary;
    const file = path.join(args.out, 'summary.json');
    writeFileAtomic(file, summaryJson(summary));
    const timings = mergeTimings(merged.files);
    if (timings) writeFileAtomic(path.join(args.out, 'timings.json'), timings);
    console.log(`claimcheck report: merged ${merged.files.length} summaries (${summary.results.length} results) into ${file}`);
  } else {
    summary = loadSummary(args.summary);
  }
  const written = await writeReport(summary, args.out);
  const removed = written.removed.length
    ? ` (removed ${written.removed.length} stale file${written.removed.length === 1 ? '' : 's'} of earlier reports)`
    : '';
  console.log(`claimcheck report: ${written.pages.length} pages in ${args.out}${removed}`);
  console.log(`  open ${path.join(args.out, 'index.html')}`);
  console.log(`  pull-request summary: ${path.join(args.out, written.markdown)}`);
  return args.merge && !summary.ok ? 1 : 0;
}
