import { describe, expect, it } from 'vitest';
import { thm4Rate } from '../../../papers/shamir2018/index.js';
import { logScaleFits, seriesOf } from './series.js';
import { referencePoints, seriesSpec } from './seriesSpec.js';
import { slackSpec, slackTicks } from './slackSpec.js';
import { toSvg } from './toSvg.js';

describe('seriesOf', () => {
  it('groups name@x keys into sorted series, ignoring plain keys, lone points and bad x', () => {
    const s = seriesOf({
      'S@0.1': 0.05,
      'S@0.01': 0,
      'S@0.001': 0,
      'E@0.1': 1,
      slope: -0.4,
      'lone@3': 1,
      'bad@x': 1,
      'bad@2': 2,
      'nan@1': NaN,
      'nan@2': 1,
    });
    expect(s).toEqual([
      {
        name: 'S',
        points: [
          { x: 0.001, y: 0 },
          { x: 0.01, y: 0 },
          { x: 0.1, y: 0.05 },
        ],
      },
    ]);
  });

  it('uses log axes only for positive values spanning a decade', () => {
    expect(logScaleFits([100, 1000, 10000])).toBe(true);
    expect(logScaleFits([2.2, 3.1])).toBe(false);
    expect(logScaleFits([0, 1, 100])).toBe(false);
  });
});

describe('reference line', () => {
  it('is y0 (x/x0)^p through the first point, and absent when y0 <= 0', () => {
    const s = {
      name: 'Delta',
      points: [
        { x: 100, y: 0.2 },
        { x: 10000, y: 0.03 },
      ],
    };
    const ref = { series: 'Delta', exponent: -0.5, label: 'r' };
    const pts = referencePoints(s, ref);
    expect(pts.map((p) => p.x)).toEqual([100, 10000]);
    expect(pts[0].y).toBe(0.2);
    expect(pts[1].y).toBeCloseTo(0.02, 15);
    expect(
      referencePoints(
        {
          ...s,
          points: [
            { x: 100, y: -1 },
            { x: 1000, y: 1 },
          ],
        },
        ref,
      ),
    ).toEqual([]);
  });

  it('is declared on the thm4 rate claim', () => {
    expect(thm4Rate.plot?.references?.[0]).toMatchObject({ series: 'Delta', exponent: -0.5 });
  });
});

describe('slack plot', () => {
  it('ticks at 0 and signed powers of ten, spread so labels do not collide', () => {
    // Decades are far enough apart; 1e-3 sits in the linear zone next to 0 and is left unlabelled.
    expect(slackTicks([-2e-3, -3, -2e4], 1e-3)).toEqual([-1e5, -1e4, -1e3, -100, -10, -1, -0.1, -0.01, 0]);
    // The thm1 shape: 20 decades, and the closest calls inside the linear zone near 0.
    const slacks = [-6.9e-10, -3, -2.9e10];
    const ticks = slackTicks(slacks, 3.45e-10);
    expect(ticks[0]).toBe(-1e11);
    expect(ticks[ticks.length - 1]).toBe(0);
    expect(ticks).not.toContain(-1e-9); // too close to 0 to label
    expect(ticks.length).toBeGreaterThanOrEqual(6);
    expect(ticks.length).toBeLessThanOrEqual(13);
  });

  it('needs at least two finite slacks', () => {
    expect(slackSpec([-1])).toBeUndefined();
    expect(slackSpec([Infinity, -1])).toBeUndefined();
    expect(slackSpec([-1, -2])).toBeDefined();
  });

  it('renders to SVG in Node, with the boundary marked', async () => {
    const svg = await toSvg(slackSpec([-1e-9, -3, -2e4, 0.5]) as Record<string, unknown>, 'slacks');
    expect(svg).toMatch(/^<svg role="img" aria-label="slacks" /);
    expect(svg).toContain('boundary');
    const series = seriesSpec(seriesOf({ 'Delta@100': 0.2, 'Delta@1000': 0.1 }), thm4Rate.plot);
    expect(await toSvg(series as Record<string, unknown>, 'series')).toContain('∝ 1/√T');
  });
});
