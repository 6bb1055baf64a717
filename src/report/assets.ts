import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { SITE_CSS } from './siteCss.js';

/** katex's dist folder, found through node's resolver so any install layout works. */
function katexDist(): string {
  return path.dirname(createRequire(import.meta.url).resolve('katex'));
}

/**
 * Copies KaTeX's stylesheet and its fonts beside the pages (the CSS refers to fonts/... relative
 * to itself), and writes the report's own stylesheet. Local copies, not a CDN: the report is
 * read offline and on machines without internet.
 */
export function writeAssets(out: string): string[] {
  const dist = katexDist();
  const katexOut = path.join(out, 'assets', 'katex');
  fs.mkdirSync(path.join(katexOut, 'fonts'), { recursive: true });
  fs.copyFileSync(path.join(dist, 'katex.min.css'), path.join(katexOut, 'katex.min.css'));
  const written = [path.join(katexOut, 'katex.min.css')];
  for (const f of fs.readdirSync(path.join(dist, 'fonts'))) {
    fs.copyFileSync(path.join(dist, 'fonts', f), path.join(katexOut, 'fonts', f));
    written.push(path.join(katexOut, 'fonts', f));
  }
  const css = path.join(out, 'assets', 'claimcheck.css');
  fs.writeFileSync(css, SITE_CSS.trimStart());
  written.push(css);
  return written;
}
