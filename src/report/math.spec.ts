import { describe, expect, it } from 'vitest';
import { boundTex, renderBound, symbolTex } from './math.js';

describe('bound rendering', () => {
  it('spells variable names as the paper does', () => {
    expect(symbolTex('wStar')).toBe('w^{*}');
    expect(symbolTex('mu0')).toBe('\\mu_{0}');
    expect(symbolTex('Hww')).toBe('H_{ww}');
    expect(symbolTex('lam')).toBe('\\lambda');
    expect(symbolTex('g')).toBe('g'); // not \mathrm{g} (gram)
    expect(symbolTex('minFLin')).toBe('\\mathit{minFLin}');
  });

  it('turns a mathjs bound into TeX, or undefined when it does not parse', () => {
    expect(boundTex('norm(g) / sqrt(T)')).toBe('\\frac{\\left\\|g\\right\\|}{\\sqrt{T}}');
    expect(boundTex('1 +* 2')).toBeUndefined();
  });

  it('renders KaTeX markup, or the text with a note', () => {
    expect(renderBound('eps^(1/4)')).toContain('class="katex-display"');
    expect(renderBound('1 +* 2')).toContain('<code>1 +* 2</code>');
  });
});
