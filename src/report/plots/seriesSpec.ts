import type { PlotHints, Reference } from './hints.js';
import { logScaleFits, type Series } from './series.js';

/** A Vega-Lite spec as plain data; toSvg compiles and checks it. */
export type Spec = Record<string, unknown>;

const MEASURED = '#1f5fa8';
const REFERENCE = '#b4530a';

/** Points of the reference y = y0 (x / x0)^p over the series' x range, or none if y0 <= 0. */
export function referencePoints(s: Series, ref: Reference): { x: number; y: number }[] {
  const first = s.points[0];
  if (!(first.y > 0) || !(first.x > 0)) return [];
  return s.points.map((p) => ({ x: p.x, y: first.y * Math.pow(p.x / first.x, ref.exponent) }));
}

function panel(s: Series, hints: PlotHints): Spec {
  const ref = hints.references?.find((r) => r.series === s.name);
  const refPts = ref ? referencePoints(s, ref) : [];
  const rows = [...s.points.map((p) => ({ ...p, line: `${s.name} (measured)` })), ...refPts.map((p) => ({ ...p, line: `${ref?.label}` }))];
  const xLog = logScaleFits(s.points.map((p) => p.x));
  // Log y only when every value (reference included) is positive; Delta < 0 is allowed by some
  // claims and a log axis would silently drop those points.
  const yLog = logScaleFits(rows.map((r) => r.y));
  const domain = [`${s.name} (measured)`, ...(refPts.length ? [ref?.label] : [])];
  return {
    title: { text: `${s.name} against ${hints.x ?? 'x'}`, fontSize: 12 },
    width: 260,
    height: 170,
    data: { values: rows },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: `${hints.x ?? 'x (from name@x)'}${xLog ? ', log scale' : ''}`,
        scale: xLog ? { type: 'log' } : { zero: false },
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: `${s.name}${yLog ? ', log scale' : ''}`,
        scale: yLog ? { type: 'log' } : { zero: false },
      },
      color: { field: 'line', type: 'nominal', title: null, scale: { domain, range: [MEASURED, REFERENCE] }, legend: { orient: 'bottom' } },
      // Same field, title and legend as color, so Vega-Lite merges them into one legend.
      strokeDash: {
        field: 'line',
        type: 'nominal',
        title: null,
        scale: {
          domain,
          range: [
            [1, 0],
            [5, 4],
          ],
        },
        legend: { orient: 'bottom' },
      },
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 45 }, transform: [{ filter: { field: 'line', equal: `${s.name} (measured)` } }] },
    ],
  };
}

/**
 * One small panel per series, two per row: series of one claim differ in scale (Delta vs
 * sqrt(T) Delta) and sign, so each gets its own axes. Returns undefined when there is nothing to
 * draw.
 */
export function seriesSpec(series: readonly Series[], hints: PlotHints = {}): Spec | undefined {
  if (series.length === 0) return undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    concat: series.map((s) => panel(s, hints)),
    columns: 2,
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    // Node has no canvas to measure text, so Vega over-estimates label widths and would truncate.
    config: { font: 'sans-serif', view: { stroke: '#ccc' }, legend: { labelLimit: 1000 } },
  };
}
