/**
 * Specialised row pass for thm1Batch64: for fixed small (d, h, k) it generates a JS function
 * with every inner loop unrolled and every weight held in a local, so V8 keeps them in
 * registers or stack slots with no bounds checks or loop overhead. Measured ~2-3x faster than
 * the generic loops at d = h = k = 8. The generated code computes exactly the same sums in the
 * same order as `genericRows` in thm1Batch64.ts (tested for equality to the last bit).
 *
 * Output layout of acc (length rowAccLength): [rr, gw(d), fr(k), xty(d), G lower (d(d+1)/2)].
 */
export type RowKernel = (
  X: Float64Array,
  y: Float64Array,
  A: Float64Array,
  c: Float64Array,
  B: Float64Array,
  w: Float64Array,
  V: Float64Array,
  n: number,
  inst: number,
  acc: Float64Array,
) => void;

export const rowAccLength = (d: number, k: number): number => 1 + d + k + d + (d * (d + 1)) / 2;

/** sum_i (x_i . ws - y_i)^2 over the rows of one instance. */
export type ResidualKernel = (X: Float64Array, y: Float64Array, n: number, inst: number, ws: Float64Array) => number;

const cache = new Map<string, RowKernel>();
const residualCache = new Map<number, ResidualKernel>();

/** The specialised least-squares residual pass for dimension d (undefined when d is large). */
export function residualKernel(d: number): ResidualKernel | undefined {
  if (d > 64) return undefined;
  let fn = residualCache.get(d);
  if (!fn) {
    const L: string[] = [`const xo = inst * n * ${d}, yo = inst * n;`];
    for (let a = 0; a < d; a++) L.push(`const ws${a} = ws[${a}];`);
    L.push(`let rl = 0;`, `for (let i = 0, xi = xo; i < n; i++, xi += ${d}) {`, `let s = -y[yo + i];`);
    for (let a = 0; a < d; a++) L.push(`s += X[xi + ${a}] * ws${a};`);
    L.push('rl += s * s;', '}', 'return rl;');
    fn = new Function('X', 'y', 'n', 'inst', 'ws', L.join('\n')) as ResidualKernel;
    residualCache.set(d, fn);
  }
  return fn;
}

/** The specialised kernel, or undefined when the sizes are too large to unroll sensibly. */
export function rowKernel(d: number, h: number, k: number): RowKernel | undefined {
  if (d * h + h * k + d * k > 768) return undefined;
  const key = `${d},${h},${k}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = new Function('X', 'y', 'A', 'c', 'B', 'w', 'V', 'n', 'inst', 'acc', source(d, h, k)) as RowKernel;
    cache.set(key, fn);
  }
  return fn;
}

/**
 * Reductions (over d, h and k) are unrolled with the row's inputs in locals; the loops over
 * outputs stay loops. Unrolling everything (all 200+ weights in locals) ran ~20% faster once
 * optimised, but TurboFan then needed ~0.5 s to compile it, longer than the whole workload.
 */
function source(d: number, h: number, k: number): string {
  const L: string[] = [];
  const range = (m: number) => Array.from({ length: m }, (_, i) => i);
  const sum = (init: string, terms: string[]) =>
    terms
      .map((t) => `s += ${t};`)
      .join(' ')
      .replace(/^/, `let s = ${init}; `);
  L.push(
    `const xo = inst * n * ${d}, yo = inst * n, ao = inst * ${h * d}, co = inst * ${h}, bo = inst * ${k * h}, wo = inst * ${d}, vo = inst * ${d * k};`,
  );
  L.push(`const hid = new Float64Array(${h}), f = new Float64Array(${k});`);
  L.push(`acc.fill(0, 0, ${rowAccLength(d, k)});`);
  L.push('let rr = 0;');
  L.push(`for (let i = 0, xi = xo; i < n; i++, xi += ${d}) {`);
  for (const a of range(d)) L.push(`const x${a} = X[xi + ${a}];`);
  L.push(
    `for (let j = 0, o = ao; j < ${h}; j++, o += ${d}) { ${sum(
      'c[co + j]',
      range(d).map((a) => `A[o + ${a}] * x${a}`),
    )} hid[j] = s > 0 ? s : 0; }`,
  );
  for (const j of range(h)) L.push(`const h${j} = hid[${j}];`);
  L.push(
    `for (let q = 0, o = bo; q < ${k}; q++, o += ${h}) { ${sum(
      '0',
      range(h).map((j) => `B[o + ${j}] * h${j}`),
    )} f[q] = s; }`,
  );
  for (const q of range(k)) L.push(`const f${q} = f[${q}];`);
  L.push('let p = 0;');
  // z_a = x_a + V_a . f, written into acc's gw slot after the residual is known: keep z in locals.
  for (const a of range(d))
    L.push(
      `let z${a}; { const o = vo + ${a * k}; ${sum(
        `x${a}`,
        range(k).map((q) => `V[o + ${q}] * f${q}`),
      )} z${a} = s; p += s * w[wo + ${a}]; }`,
    );
  L.push('const yi = y[yo + i]; const r = p - yi; rr += r * r;');
  for (const a of range(d)) L.push(`acc[${1 + a}] += z${a} * r;`);
  for (const q of range(k)) L.push(`acc[${1 + d + q}] += f${q} * r;`);
  let g = 1 + d + k + d;
  for (const a of range(d)) {
    L.push(`acc[${1 + d + k + a}] += x${a} * yi;`);
    for (const b of range(a + 1)) L.push(`acc[${g++}] += x${a} * x${b};`);
  }
  L.push('}');
  L.push('acc[0] = rr;');
  return L.join('\n');
}
