/**
 * Shrinking for cases found by targeted search, which fast-check cannot shrink (they did not
 * come from its generator, so it has no shrink tree for them). Tries simpler numbers leaf by
 * leaf (0, integers, fewer significant digits) and keeps each change that still fails, so the
 * reported counterexample is readable. Structure (dimensions) is left as found.
 */
export async function simplifyNumbers<H>(
  value: H,
  stillFails: (h: H) => Promise<boolean>,
  opts: { maxEvaluations: number; deadline: number; fields?: readonly string[] },
): Promise<{ value: H; steps: number }> {
  let current = structuredClone(value);
  let steps = 0;
  let evaluations = 0;
  const paths = numericPaths(current, opts.fields);
  let changed = true;
  while (changed && evaluations < opts.maxEvaluations && Date.now() < opts.deadline) {
    changed = false;
    for (const p of paths) {
      const v = getAt(current, p) as number;
      for (const candidate of simplerNumbers(v)) {
        if (evaluations >= opts.maxEvaluations || Date.now() >= opts.deadline) break;
        const next = structuredClone(current);
        setAt(next, p, candidate);
        evaluations++;
        if (await stillFails(next)) {
          current = next;
          steps++;
          changed = true;
          break;
        }
      }
    }
  }
  return { value: current, steps };
}

/** Simpler candidates for v, simplest first; only ones strictly simpler than v. */
export function simplerNumbers(v: number): number[] {
  const out: number[] = [];
  const push = (c: number) => {
    if (c !== v && !out.includes(c) && complexity(c) < complexity(v)) out.push(c);
  };
  push(0);
  push(Math.sign(v));
  push(Math.round(v));
  for (let digits = 1; digits <= 6; digits++) push(Number(v.toPrecision(digits)));
  return out;
}

/** Length of the shortest decimal form: 0 < 1 < 0.5 < 0.25 < 1.7320508. */
function complexity(v: number): number {
  return String(Math.abs(v)).replace('.', '').replace(/^0+/, '').length + (v < 0 ? 0.5 : 0);
}

type PathKey = (string | number)[];

function numericPaths(v: unknown, fields?: readonly string[]): PathKey[] {
  const out: PathKey[] = [];
  const walk = (x: unknown, p: PathKey) => {
    if (typeof x === 'number') {
      if (!Number.isInteger(x)) out.push(p);
    } else if (Array.isArray(x)) x.forEach((e, i) => walk(e, [...p, i]));
    else if (typeof x === 'object' && x !== null) {
      for (const [k, e] of Object.entries(x)) if (p.length > 0 || !fields || fields.includes(k)) walk(e, [...p, k]);
    }
  };
  walk(v, []);
  return out;
}

function getAt(v: unknown, p: PathKey): unknown {
  return p.reduce((x: any, k) => x[k], v);
}

function setAt(v: unknown, p: PathKey, value: unknown): void {
  const parent = getAt(v, p.slice(0, -1)) as any;
  parent[p[p.length - 1]] = value;
}
