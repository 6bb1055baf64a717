/**
 * The last step of every counterexample (after fast-check's shrinking, or for cases found by
 * targeted search, which fast-check cannot shrink): real numbers are rounded, leaf by leaf, to the
 * simplest value that still fails with the margin the caller's `stillFails` keeps (0, +-1,
 * integers, halves, powers of two, then the fewest significant digits), so the counterexample
 * reads like a worked example. Integers and structure (dimensions) are left as found.
 */
export async function simplifyNumbers<H>(
  value: H,
  stillFails: (h: H) => Promise<boolean>,
  opts: { maxEvaluations: number; deadline: number; fields?: readonly string[] },
): Promise<{ value: H; steps: number; evaluations: number }> {
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
  return { value: current, steps, evaluations };
}

/** Simpler candidates for v, simplest first; only ones strictly simpler than v. */
export function simplerNumbers(v: number): number[] {
  const out: number[] = [];
  const push = (c: number) => {
    if (Number.isFinite(c) && c !== v && !out.includes(c) && complexity(c) < complexity(v)) out.push(c);
  };
  push(0);
  push(Math.sign(v));
  push(Math.round(v));
  push(Math.round(2 * v) / 2);
  if (v !== 0) {
    // The nearest powers of two (1/8, 4, 2^-20...) keep float arithmetic exact and read well.
    const e = Math.log2(Math.abs(v));
    for (const p of [Math.round(e), Math.floor(e), Math.ceil(e)]) push(Math.sign(v) * 2 ** p);
  }
  for (let digits = 1; digits <= 6; digits++) push(Number(v.toPrecision(digits)));
  return out.sort((a, b) => complexity(a) - complexity(b));
}

/**
 * How hard a number is to read, in digits: integers count their digits, halves one more (0.5,
 * 2.5), powers of two their exponent's digits plus two ("2^-20", not 9.5367431640625e-7) or their
 * decimal form if shorter, anything else its significant digits plus one. A sign adds half.
 */
export function complexity(v: number): number {
  const sign = v < 0 ? 0.5 : 0;
  const a = Math.abs(v);
  if (Number.isInteger(a)) return String(a).length + sign;
  if (Number.isInteger(2 * a)) return String(Math.floor(a)).length + 1 + sign;
  const e = Math.log2(a);
  const decimal = decimalLength(a) + 1;
  if (Number.isInteger(e)) return Math.min(String(Math.abs(e)).length + 2, decimal) + sign;
  return decimal + sign;
}

function decimalLength(a: number): number {
  return String(a).replace('.', '').replace(/^0+/, '').length;
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
