import { linkFrom, INDEX } from './paths.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function link(fromPath: string, toPath: string, text: string): string {
  return `<a href="${esc(linkFrom(fromPath, toPath))}">${esc(text)}</a>`;
}

export interface Crumb {
  readonly text: string;
  readonly path?: string;
}

/**
 * The page shell. Stylesheets are local files (KaTeX's CSS and fonts are copied beside the
 * pages) because the report must open offline from file://. No script: plots are inline SVG.
 * No timestamp either, so the same summary renders to byte-identical pages.
 */
export function page(opts: { path: string; title: string; crumbs: readonly Crumb[]; body: string; footer: string }): string {
  const css = (p: string): string => `<link rel="stylesheet" href="${esc(linkFrom(opts.path, p))}">`;
  const nav = [{ text: 'claimcheck report', path: INDEX }, ...opts.crumbs]
    .map((c) => (c.path ? link(opts.path, c.path, c.text) : `<span>${esc(c.text)}</span>`))
    .join(' <span class="sep">/</span> ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
${css('assets/katex/katex.min.css')}
${css('assets/claimcheck.css')}
</head>
<body>
<nav class="crumbs">${nav}</nav>
<main>
${opts.body}
</main>
<footer>${opts.footer}</footer>
</body>
</html>
`;
}
