import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Spec } from './seriesSpec.js';

/**
 * Vega-Lite -> Vega -> SVG entirely in Node (renderer 'none': no canvas, no DOM), so the page
 * carries the finished picture inline and needs no script to show it.
 */
export async function toSvg(spec: Spec, ariaLabel: string): Promise<string> {
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    // Vega's SVG has no text alternative; screen readers get the figure's caption as its label.
    return svg.replace('<svg ', `<svg role="img" aria-label="${ariaLabel.replace(/[&"<>]/g, '')}" `);
  } finally {
    view.finalize();
  }
}
