import { evidenceOf } from './evidenceHtml.js';
import { esc } from './html.js';
import { seriesOf } from './plots/series.js';
import { seriesSpec } from './plots/seriesSpec.js';
import { slackSpec } from './plots/slackSpec.js';
import { toSvg } from './plots/toSvg.js';
import type { SummaryResult } from './Summary.js';

async function figure(spec: Record<string, unknown>, caption: string, cls: string): Promise<string> {
  return `<figure class="plot ${cls}">${await toSvg(spec, caption)}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/**
 * The plots a result earns: the slack of every case for an exact claim (how close the generated
 * cases came to the bound), and any `name@x` series in its evidence (the trend a scaling claim is
 * about). A single case makes no plot: its numbers are in the tables.
 */
export async function resultPlots(r: SummaryResult): Promise<string> {
  const out: string[] = [];
  if (r.kind === 'exact') {
    const spec = slackSpec(r.verdict.slacks);
    if (spec) {
      out.push(await figure(spec, `Slack per generated case for ${r.id}: points left of the dashed boundary held.`, 'slack-plot'));
    }
  }
  const series = seriesOf(evidenceOf(r.verdict)?.quantities);
  const hints = r.plot ?? {};
  const spec = seriesSpec(series, hints);
  if (spec) {
    const refs = (hints.references ?? []).filter((h) => series.some((s) => s.name === h.series)).map((h) => h.label);
    const refText = refs.length ? ` Dashed: the theorem's rate (${refs.join('; ')}), drawn through the first measured point.` : '';
    out.push(await figure(spec, `${series.map((s) => s.name).join(', ')} across the grid for ${r.id}.${refText}`, 'series-plot'));
  }
  return out.join('\n');
}
