/**
 * Series hidden in evidence quantities: a key `name@x` (e.g. `Delta@1000`, `S@0.1`) is the value
 * of `name` at grid point x. Checks record sweeps this way because evidence quantities are a flat
 * record of numbers; the report regroups them so a reader can see the trend instead of reading it.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Series {
  readonly name: string;
  /** Sorted by x; finite values only. */
  readonly points: readonly Point[];
}

const KEY = /^(.+)@([^@]+)$/;

/** Series with at least two finite points, in the order their names first appear. */
export function seriesOf(quantities: Readonly<Record<string, number>> | undefined): Series[] {
  if (!quantities) return [];
  const byName = new Map<string, Point[]>();
  for (const [key, y] of Object.entries(quantities)) {
    const m = KEY.exec(key);
    if (!m) continue;
    const x = Number(m[2]);
    if (m[2].trim() === '' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) continue;
    const pts = byName.get(m[1]) ?? [];
    pts.push({ x, y });
    byName.set(m[1], pts);
  }
  return [...byName.entries()]
    .filter(([, pts]) => pts.length >= 2)
    .map(([name, pts]) => ({ name, points: [...pts].sort((a, b) => a.x - b.x) }));
}

/** Keys that belong to a plotted series, so tables can list them once, grouped. */
export function isSeriesKey(key: string, series: readonly Series[]): boolean {
  const m = KEY.exec(key);
  return m !== null && series.some((s) => s.name === m[1]);
}

/**
 * A log axis needs positive values; a wide positive range (a decade or more) is what makes it
 * worth using, as for grids like T in {1e2, 1e3, 1e4} or eps in {1e-1, ..., 1e-4}.
 */
export function logScaleFits(values: readonly number[]): boolean {
  if (values.length < 2 || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) >= 10;
}
