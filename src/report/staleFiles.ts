import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The files an earlier `claimcheck report` wrote into `out` that this one did not: pages of
 * claims or papers no longer in the summary, KaTeX files of another version. A page is the
 * report's own when it links the report's stylesheet (every page claimcheck writes does); under
 * assets/katex everything is the report's copy of KaTeX. Nothing else in `out` (summary.json,
 * coverage/, shards/, a user's own files) is ever listed.
 */
export function staleReportFiles(out: string, written: ReadonlySet<string>): string[] {
  const stale: string[] = [];
  for (const dir of ['papers', 'claims']) {
    for (const name of list(path.join(out, dir))) {
      const rel = `${dir}/${name}`;
      if (!name.endsWith('.html') || written.has(rel)) continue;
      const text = fs.readFileSync(path.join(out, rel), 'utf8');
      if (text.includes('href="../assets/claimcheck.css"')) stale.push(rel);
    }
  }
  const katex = (rel: string): string[] =>
    list(path.join(out, rel)).flatMap((name) => {
      const r = `${rel}/${name}`;
      return fs.statSync(path.join(out, r)).isDirectory() ? katex(r) : written.has(r) ? [] : [r];
    });
  return [...stale, ...katex('assets/katex')];
}

function list(dir: string): string[] {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).sort() : [];
}
