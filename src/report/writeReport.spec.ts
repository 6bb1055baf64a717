import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimPath, mutantAnchor, mutantPath } from './paths.js';
import { SAMPLE_SUMMARY } from './sampleSummary.js';
import { writeReport } from './writeReport.js';

let out: string;
let pages: Record<string, string>;
const read = (rel: string): string => fs.readFileSync(path.join(out, rel), 'utf8');

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-report-'));
  const written = await writeReport(SAMPLE_SUMMARY, out);
  pages = Object.fromEntries(written.pages.map((p) => [p, read(p)]));
});

/** href targets of a page, resolved against the output folder (fragment kept apart). */
function links(from: string, html: string): { file: string; hash?: string }[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => {
    const [rel, hash] = m[1].replace(/&amp;/g, '&').split('#');
    return { file: path.normalize(path.join(path.dirname(from), rel)), hash };
  });
}

describe('writeReport', () => {
  it('writes the index, one page per paper and one per claim', () => {
    expect(Object.keys(pages).sort()).toEqual([
      'claims/shamir2018__thm1__gradient-lower-bound.html',
      'claims/shamir2018__thm4__sqrt-t-rate.html',
      'claims/toy2024__lem1__pipe_claim.html',
      'claims/toy2024__thm2__sgd-stat.html',
      'index.html',
      'papers/shamir2018.html',
      'papers/toy2024.html',
    ]);
  });

  it('links every claim and every mutant from the index, and every link resolves offline', () => {
    const index = pages['index.html'];
    for (const r of SAMPLE_SUMMARY.results) {
      const target = r.role === 'claim' ? claimPath(r.id) : mutantPath(r.of as string, r.id);
      expect(index).toContain(`href="${target.replace(/&/g, '&amp;')}"`);
    }
    for (const [from, html] of Object.entries(pages)) {
      for (const l of links(from, html)) {
        expect(l.file.startsWith('http'), `${from} links to the network: ${l.file}`).toBe(false);
        expect(fs.existsSync(path.join(out, l.file)), `${from} -> ${l.file}`).toBe(true);
        if (l.hash) expect(read(l.file)).toContain(`id="${l.hash}"`);
      }
    }
  });

  it('shows mutants on their claim page', () => {
    const page = pages[claimPath('shamir2018/thm1/gradient-lower-bound')];
    expect(page).toContain(`id="${mutantAnchor('shamir2018/thm1/gradient-lower-bound~nonconvex-loss')}"`);
    expect(page).toContain('a non-convex loss');
    expect(page).toContain('n = 1, saturating loss, w = [3]');
    expect(page).toContain('npx claimcheck replay fixtures/counterexamples/shamir2018/thm1/gradient-lower-bound~nonconvex-loss/abc.json');
    expect(page).toContain('killed: Refuted');
    expect(pages[claimPath('toy2024/thm2/sgd-stat')]).toContain('survived: screen passed, not significant');
  });

  it('renders bounds as KaTeX and falls back to text when mathjs cannot parse them', () => {
    const thm1 = pages[claimPath('shamir2018/thm1/gradient-lower-bound')];
    expect(thm1).toMatch(/<span class="katex-display">/);
    expect(thm1).toContain('<math');
    expect(thm1).toContain('w^{*}'); // the TeX annotation: wStar rendered as w*
    const bad = pages[claimPath('toy2024/thm2/sgd-stat')];
    expect(bad).not.toContain('class="katex');
    expect(bad).toContain('<code>(1 +* 2</code>');
  });

  it('inlines SVG plots: slacks for exact claims, name@x series with the rate reference', () => {
    const thm1 = pages[claimPath('shamir2018/thm1/gradient-lower-bound')];
    expect(thm1).toMatch(/<figure class="plot slack-plot"><svg /);
    const rate = pages[claimPath('shamir2018/thm4/sqrt-t-rate')];
    expect(rate).toMatch(/<figure class="plot series-plot"><svg /);
    expect(rate).toContain('∝ 1/√T');
    expect(rate).toContain('Delta against T (SGD steps)');
    // The mutant's counterexample series is drawn too, against the same reference.
    expect(rate.match(/series-plot/g)?.length).toBe(2);
    expect(rate).not.toContain('slack-plot'); // not exact: no slack plot
  });

  it('uses honest wording: never "proved"; only exact claims are Verified or Refuted', () => {
    for (const html of [...Object.values(pages), read('summary.md')]) expect(html).not.toMatch(/\bprov(ed|en)\b/i);
    const rate = pages[claimPath('shamir2018/thm4/sqrt-t-rate')];
    expect(rate).toContain('consistent with the theorem at this scale');
    expect(rate).not.toMatch(/>(Verified|Refuted)</);
    const stat = pages[claimPath('toy2024/thm2/sgd-stat')];
    expect(stat).toContain('Inconclusive');
    expect(stat).toContain('too-many-skips');
  });

  it('shows evidence, tolerance, reproduction and escapes text', () => {
    const lem = pages[claimPath('toy2024/lem1/pipe|claim')];
    expect(lem).toContain('x &lt;= 1 for &lt;all&gt; x &amp; more');
    expect(lem).toContain('✗ violated');
    expect(lem).toContain('Infinity');
    const rate = pages[claimPath('shamir2018/thm4/sqrt-t-rate')];
    expect(rate).toContain('pass rule fixed before the run');
    expect(rate).toContain('npx claimcheck verify --claim shamir2018/thm4/sqrt-t-rate --profile quick --seed 7 --backend cpu');
    expect(rate).toMatch(/<td>sqrt\(T\) Delta grows at most 1.5x<\/td><td class="num">3.1<\/td><td class="op">≤<\/td>/);
  });

  it('copies KaTeX CSS and fonts for offline use and names the run on the index', () => {
    expect(fs.existsSync(path.join(out, 'assets/katex/katex.min.css'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'assets/katex/fonts')).some((f) => f.endsWith('.woff2'))).toBe(true);
    expect(read('assets/katex/katex.min.css')).not.toMatch(/url\((["']?)https?:/);
    const index = pages['index.html'];
    expect(index).toContain('NOT as expected');
    expect(index).toMatch(/seed<\/dt><dd><code>7<\/code>/);
    expect(index).toContain('<code>cpu</code>');
    expect(index).not.toMatch(/<script/);
  });

  it('is deterministic: the same summary renders byte-identical pages', async () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-report-'));
    const written = await writeReport(SAMPLE_SUMMARY, again);
    for (const p of written.pages) expect(fs.readFileSync(path.join(again, p), 'utf8')).toBe(pages[p]);
  });

  it('gives a mutant run without its claim a page, and a paper missing from "papers" its own', async () => {
    const mutant = SAMPLE_SUMMARY.results[1];
    const only = { ...SAMPLE_SUMMARY, papers: [], results: [mutant] };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-report-'));
    const written = await writeReport(only, dir);
    expect(written.pages).toEqual(['index.html', 'papers/shamir2018.html', claimPath(mutant.of as string)]);
    const page = fs.readFileSync(path.join(dir, claimPath(mutant.of as string)), 'utf8');
    expect(page).toContain('This claim was not run');
    expect(page).toContain(`id="${mutantAnchor(mutant.id)}"`);
  });
});
