import type { Evidence } from './Evidence.js';
import { violationSize } from './margin.js';

/**
 * The score targeted search climbs by default: the scale-free slack (lhs - rhs) / (|lhs| + |rhs|)
 * of the tightest condition (in the violating direction), so a case is ranked by how close it is
 * relative to its own magnitudes, not by absolute slack, which favours cases where everything is
 * tiny. Conditions whose sides both vanish (|lhs| + |rhs| <= DEGENERATE) are degenerate ties
 * (e.g. a constant loss: bound 0, slack -1e-12) and are not scored; a case with only such
 * conditions is not climbed from at all.
 */
export const DEGENERATE = 1e-12;

export function scaleFreeScore(e: Evidence): number | undefined {
  let best: number | undefined;
  for (const c of e.conditions) {
    const scale = Math.abs(c.lhs) + Math.abs(c.rhs);
    if (!(scale > DEGENERATE)) continue;
    const s = violationSize(c) / scale;
    if (best === undefined || s > best) best = s;
  }
  return best;
}
