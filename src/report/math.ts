import katex from 'katex';
import { parse, type MathNode } from 'mathjs';
import { esc } from './html.js';

/** Names that are Greek letters (mathjs knows the full names; claims also use short ones). */
const GREEK: Readonly<Record<string, string>> = {
  alpha: '\\alpha',
  beta: '\\beta',
  gamma: '\\gamma',
  Gamma: '\\Gamma',
  delta: '\\delta',
  Delta: '\\Delta',
  eps: '\\epsilon',
  epsilon: '\\epsilon',
  eta: '\\eta',
  theta: '\\theta',
  Theta: '\\Theta',
  kappa: '\\kappa',
  lam: '\\lambda',
  lambda: '\\lambda',
  Lambda: '\\Lambda',
  mu: '\\mu',
  nu: '\\nu',
  xi: '\\xi',
  pi: '\\pi',
  rho: '\\rho',
  sigma: '\\sigma',
  Sigma: '\\Sigma',
  tau: '\\tau',
  phi: '\\phi',
  Phi: '\\Phi',
  chi: '\\chi',
  psi: '\\psi',
  Psi: '\\Psi',
  omega: '\\omega',
  Omega: '\\Omega',
};

/**
 * TeX for a variable name as a claim's bound spells it. mathjs's own rendering prints names that
 * happen to be units (g, V, b, l, T: gram, volt, bit, litre, tesla) upright and camelCase names
 * letter by letter; the paper means italic variables, so: `wStar` -> w^*, `mu0` -> mu_0,
 * `Hww` -> H_{ww}, `lam` -> lambda.
 */
export function symbolTex(name: string): string {
  if (GREEK[name]) return GREEK[name];
  const star = /^(.+)Star$/.exec(name);
  if (star) return `${symbolTex(star[1])}^{*}`;
  const digits = /^([A-Za-z]+?)(\d+)$/.exec(name);
  if (digits) return `${symbolTex(digits[1])}_{${digits[2]}}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  const sub = /^([A-Z])([a-z]+)$/.exec(name);
  if (sub) return `${sub[1]}_{${sub[2]}}`;
  return `\\mathit{${name}}`;
}

function handler(node: MathNode): string | undefined {
  return node.type === 'SymbolNode' ? symbolTex((node as MathNode & { name: string }).name) : undefined;
}

/** The bound as TeX, or undefined when mathjs cannot parse it (the caller shows the text). */
export function boundTex(bound: string): string | undefined {
  try {
    return parse(bound).toTex({ parenthesis: 'auto', handler });
  } catch {
    return undefined;
  }
}

/**
 * Server-side KaTeX: the page needs only katex.min.css and its fonts, no script. A TeX string
 * KaTeX rejects falls back to the source text rather than a broken page.
 */
export function renderMath(tex: string, displayMode = true): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  } catch {
    return `<code>${esc(tex)}</code>`;
  }
}

/** The bound rendered as math, falling back to its text when it does not parse. */
export function renderBound(bound: string): string {
  const tex = boundTex(bound);
  if (tex === undefined) {
    return `<div class="bound-text"><code>${esc(bound)}</code> <span class="note">(shown as text: mathjs could not parse it)</span></div>`;
  }
  return `<div class="bound-math">${renderMath(tex)}</div>`;
}
