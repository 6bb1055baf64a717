import * as fc from 'fast-check';

/** Fixed-length arrays and the plain-JSON guard every generated value passes through. */

export function vectorArb<T>(len: number, elem: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(elem, { minLength: len, maxLength: len });
}

/** rows x cols, row-major (number[][] like MlpSpec's W). */
export function matrixArb<T>(rows: number, cols: number, elem: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return vectorArb(rows, vectorArb(cols, elem));
}

export function zeros(len: number): number[] {
  return new Array<number>(len).fill(0);
}

export function zeroMatrix(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => zeros(cols));
}

/** Unit vector e_1: the simplest nonzero vector, used where a draw must not be 0. */
export function e1(len: number): number[] {
  const v = zeros(len);
  v[0] = 1;
  return v;
}

export function isZeroVector(v: readonly number[]): boolean {
  return v.every((x) => x === 0);
}

/**
 * Returns `value` with every -0 replaced by 0, after checking it is plain JSON data with finite
 * numbers. -0 matters: JSON turns it into 0, so a saved counterexample would not replay
 * bit-exactly. A non-finite number here is a generator bug, so it throws with the path.
 */
export function plain<T>(value: T, path = 'value'): T {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`hypotheses: ${path} is ${value}; generators must produce finite numbers`);
    return (value === 0 ? 0 : value) as T;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v, i) => plain(v, `${path}[${i}]`)) as T;
  // fc.record builds null-prototype objects; the copy below gets an ordinary prototype.
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = plain(v, `${path}.${k}`);
    return out as T;
  }
  throw new TypeError(`hypotheses: ${path} is not plain JSON data (${typeof value})`);
}
