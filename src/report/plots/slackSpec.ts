import type { Spec } from './seriesSpec.js';

/** Position of x on a symlog axis with this constant (d3's transform). */
function symlog(x: number, constant: number): number {
  return Math.sign(x) * Math.log1p(Math.abs(x) / constant);
}

/**
 * Symlog axis ticks: 0 and signed powers of ten across the data. Vega's default symlog ticks are
 * linear (0, -5e9, -1e10, ...), useless for slacks that span 20 decades. Candidates are kept by
 * priority (0, the two ends so the domain covers the data, then from 0 outwards, since the cases
 * closest to the boundary matter most) while at least a twelfth of the axis from every kept one,
 * so labels never overlap.
 */
export function slackTicks(slacks: readonly number[], constant = 1e-300): number[] {
  const candidates: number[] = [];
  for (const sign of [-1, 1]) {
    const side = slacks.filter((s) => s * sign > 0).map(Math.abs);
    if (side.length === 0) continue;
    const lo = Math.ceil(Math.log10(Math.min(...side)));
    const hi = Math.ceil(Math.log10(Math.max(...side)));
    for (let e = Math.min(lo, hi); e <= hi; e++) candidates.push(sign * Number(`1e${e}`));
  }
  const pos = (x: number): number => symlog(x, constant);
  const ends = candidates.length ? [Math.min(...candidates), Math.max(...candidates)] : [];
  const gap = ends.length ? (pos(Math.max(0, ends[1])) - pos(Math.min(0, ends[0]))) / 12 : 0;
  const byPriority = [0, ...ends, ...[...candidates].sort((a, b) => Math.abs(pos(a)) - Math.abs(pos(b)))];
  const kept: number[] = [];
  for (const t of byPriority) {
    if (kept.includes(t)) continue;
    if (kept.every((k) => Math.abs(pos(k) - pos(t)) >= gap)) kept.push(t);
  }
  return kept.sort((a, b) => a - b);
}

/**
 * Strip plot of every judged case's slack (<= 0 holds; > 0 violates), on a symmetric log axis so
 * cases far inside the bound and those grazing it are both visible, with the 0 boundary drawn.
 * Points are spread vertically by a fixed jitter (from the case index) so the plot is the same
 * on every render.
 */
export function slackSpec(slacks: readonly number[]): Spec | undefined {
  const finite = slacks.filter((s) => Number.isFinite(s));
  if (finite.length < 2) return undefined;
  const nonzero = finite.filter((s) => s !== 0).map(Math.abs);
  // The symlog constant sets where the axis turns linear: just below the smallest |slack|.
  const constant = nonzero.length ? Math.max(Math.min(...nonzero) / 2, 1e-300) : 1;
  const rows = finite.map((slack, i) => ({
    slack,
    case: i + 1,
    jitter: ((i * 0.6180339887) % 1) * 0.8 + 0.1,
    outcome: slack <= 0 ? 'holds (slack ≤ 0)' : 'violated (slack > 0)',
  }));
  const ticks = slackTicks(finite, constant);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Slack of each of the ${finite.length} judged cases (0 is the boundary of the bound)`, fontSize: 12 },
    width: 560,
    height: 110,
    config: { font: 'sans-serif', view: { stroke: '#ccc' }, legend: { labelLimit: 1000 } },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'circle', size: 28, opacity: 0.7 },
        encoding: {
          x: {
            field: 'slack',
            type: 'quantitative',
            title: 'slack (symmetric log scale; ≤ 0 holds)',
            scale: { type: 'symlog', constant, domain: [ticks[0], ticks[ticks.length - 1]] },
            axis: { values: ticks, labelExpr: "datum.value === 0 ? '0' : format(datum.value, '.0e')", labelAngle: -30, grid: true },
          },
          y: { field: 'jitter', type: 'quantitative', axis: null, scale: { domain: [0, 1] } },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: null,
            scale: { domain: ['holds (slack ≤ 0)', 'violated (slack > 0)'], range: ['#1f5fa8', '#c0392b'] },
            legend: { orient: 'bottom' },
          },
        },
      },
      {
        data: { values: [{ slack: 0 }] },
        mark: { type: 'rule', color: '#c0392b', strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x: { field: 'slack', type: 'quantitative' } },
      },
      {
        data: { values: [{ slack: 0, label: 'boundary' }] },
        mark: { type: 'text', color: '#c0392b', align: 'left', dx: 4, dy: -46, fontSize: 11 },
        encoding: { x: { field: 'slack', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
