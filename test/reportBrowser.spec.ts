import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPath } from '../src/report/paths.js';
import { SAMPLE_SUMMARY } from '../src/report/sampleSummary.js';
import { writeReport } from '../src/report/writeReport.js';

/**
 * The rendered report as a reader's browser shows it: headless Chromium (Debian's package, driven
 * by playwright-core, which downloads no browser) opens the pages from file://, and we check that
 * the math and plots are laid out and visible and that nothing failed: no console error, no page
 * error, no missing file (a wrong relative path to the KaTeX fonts shows up here and nowhere else).
 * Skips, saying so, where Chromium is not installed; CI installs it.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const executable = findChromium();
if (!executable) {
  console.warn('reportBrowser.spec.ts: SKIPPED, chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)');
}

describe.skipIf(!executable)('report in headless Chromium', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-browser-'));
    await writeReport(SAMPLE_SUMMARY, out);
    browser = await chromium.launch({
      executablePath: executable,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page and records everything that went wrong while it loaded. */
  async function open(rel: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed to load ${r.url()}: ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`network request ${r.url()}`);
    });
    await page.goto(pathToFileURL(path.join(out, rel)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, problems };
  }

  it('index.html renders its tables and links every claim page', async () => {
    const { page, problems } = await open('index.html');
    expect(await page.title()).toBe('claimcheck report');
    expect(await page.locator('table.results a').count()).toBe(SAMPLE_SUMMARY.results.length);
    await expect(page.locator('.badge').first().isVisible()).resolves.toBe(true);
    // Following a link works from file:// (relative paths, no server).
    await page.locator('table.results a', { hasText: 'shamir2018/thm4/sqrt-t-rate' }).first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain(claimPath('shamir2018/thm4/sqrt-t-rate'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a claim page shows KaTeX math in its fonts and visible SVG plots, with no errors', async () => {
    const { page, problems } = await open(claimPath('shamir2018/thm1/gradient-lower-bound'));
    const math = page.locator('.bound-math .katex-html');
    expect(await math.isVisible()).toBe(true);
    // KaTeX fonts were found and used (a missing font would fall back silently otherwise).
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math'))).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'))).toBe(true);
    const svg = page.locator('figure.slack-plot svg');
    const box = await svg.boundingBox();
    expect(box && box.width > 300 && box.height > 100, `slack plot box ${JSON.stringify(box)}`).toBe(true);
    expect(await page.locator('figure.slack-plot svg circle, figure.slack-plot svg path').count()).toBeGreaterThan(6);
    const shot = await page.screenshot({ fullPage: true, path: path.join(out, 'claim-page.png') });
    expect(shot.length).toBeGreaterThan(20_000);
    expect(await page.locator('body').innerText()).not.toMatch(/\bproved\b/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a scaling claim page draws its series plots (claim and mutant) and honest wording', async () => {
    const { page, problems } = await open(claimPath('shamir2018/thm4/sqrt-t-rate'));
    const plots = page.locator('figure.series-plot svg');
    expect(await plots.count()).toBe(2);
    for (const p of await plots.all()) {
      expect(await p.isVisible()).toBe(true);
      const box = await p.boundingBox();
      expect(box && box.width > 300 && box.height > 150, `series plot box ${JSON.stringify(box)}`).toBe(true);
    }
    expect(await page.locator('.verdict-box .badge').innerText()).toBe('consistent with the theorem at this scale');
    expect(problems).toEqual([]);
    await page.close();
  });
});
