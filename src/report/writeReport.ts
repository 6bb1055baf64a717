import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAssets } from './assets.js';
import { claimPage, type CoverageLink } from './claimPage.js';
import { readCoverageIndex } from './coverageIndex.js';
import { indexPage } from './indexPage.js';
import { summaryMarkdown } from './markdown.js';
import { paperPage } from './paperPage.js';
import { claimPath, INDEX, paperPath } from './paths.js';
import { groupSummary } from './reportModel.js';
import { staleReportFiles } from './staleFiles.js';
import type { Summary } from './Summary.js';

export interface WrittenReport {
  /** Pages relative to the output folder: index, papers, claims. */
  readonly pages: readonly string[];
  readonly markdown: string;
  /** Files of earlier reports that this one removed (relative to the output folder). */
  readonly removed: readonly string[];
}

function write(out: string, rel: string, text: string): void {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Renders a summary into `out`: index.html, papers/<key>.html, claims/<claim>.html (mutants on
 * their claim's page), assets/ (styles, KaTeX fonts) and summary.md for pull requests. Pages an
 * earlier report wrote for claims no longer in the summary are removed, so the folder shows this
 * run only; other files in `out` are never touched (see staleReportFiles).
 */
export async function writeReport(s: Summary, out: string): Promise<WrittenReport> {
  const papers = groupSummary(s);
  // `claimcheck coverage` writes <out>/coverage; link a claim's c8 report only where it exists.
  const coverage = readCoverageIndex(path.join(out, 'coverage', 'index.json'));
  const coverageOf = (id: string): CoverageLink | undefined => {
    const c = coverage?.claims[id];
    return c && fs.existsSync(path.join(out, 'coverage', c.report)) ? { ...c, href: `coverage/${c.report}` } : undefined;
  };
  const pages: string[] = [];
  const assets = writeAssets(out).map((f) => path.relative(out, f).split(path.sep).join('/'));
  for (const p of papers) {
    write(out, paperPath(p.ref.key), paperPage(s, p));
    pages.push(paperPath(p.ref.key));
    for (const e of p.claims) {
      write(out, claimPath(e.id), await claimPage(s, p, e, coverageOf(e.id)));
      pages.push(claimPath(e.id));
    }
  }
  write(out, INDEX, indexPage(s, papers));
  write(out, 'summary.md', summaryMarkdown(s));
  const removed = staleReportFiles(out, new Set([INDEX, ...pages, ...assets]));
  for (const rel of removed) fs.rmSync(path.join(out, rel));
  return { pages: [INDEX, ...pages], markdown: 'summary.md', removed };
}
