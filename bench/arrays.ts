/**
 * Loads the inputs written by `python3 reference.py --export DIR`: DIR/<workload>.json holds the
 * result line, the seed and `arrays: name -> {file, dtype, shape}`; each array is raw
 * little-endian C-order data in DIR/<file>.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NamedArray {
  readonly dtype: 'float32' | 'float64';
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array;
}

export interface ArraySet {
  readonly workload: string;
  /** The numpy result line stored beside the arrays (check, seconds, ...). */
  readonly result: Readonly<Record<string, unknown>>;
  readonly seed: number;
  get(name: string, dtype: 'float32' | 'float64', shape: readonly number[]): NamedArray;
}

interface Meta {
  readonly seed: number;
  readonly arrays: Record<string, { file: string; dtype: string; shape: number[] }>;
  readonly [k: string]: unknown;
}

export function loadArraySet(dir: string, workload: string): ArraySet {
  const metaPath = join(dir, `${workload}.json`);
  let meta: Meta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
  } catch (e) {
    throw new Error(`--inputs: cannot read ${metaPath} (${(e as Error).message}); write it with \`python3 reference.py --export ${dir}\``);
  }
  if (typeof meta.arrays !== 'object' || meta.arrays === null) throw new Error(`--inputs: ${metaPath} has no "arrays" map`);
  const { arrays, seed, ...result } = meta;
  return {
    workload,
    result,
    seed,
    get(name, dtype, shape) {
      const entry = arrays[name];
      if (!entry) throw new Error(`--inputs: ${metaPath} lists no array "${name}" (has: ${Object.keys(arrays).join(', ')})`);
      if (entry.dtype !== dtype) throw new Error(`--inputs: ${workload}.${name} is ${entry.dtype}, expected ${dtype}`);
      if (entry.shape.length !== shape.length || entry.shape.some((s, i) => s !== shape[i])) {
        throw new Error(`--inputs: ${workload}.${name} has shape [${entry.shape}], expected [${shape}]`);
      }
      const bytes = readFileSync(join(dir, entry.file));
      const count = shape.reduce((a, b) => a * b, 1);
      const size = dtype === 'float32' ? 4 : 8;
      if (bytes.byteLength !== count * size) {
        throw new Error(`--inputs: ${entry.file} has ${bytes.byteLength} bytes, expected ${count * size}`);
      }
      // Copy into an aligned buffer; the file's bytes are little-endian, as is every platform Node runs on here.
      const buf = new ArrayBuffer(count * size);
      new Uint8Array(buf).set(bytes);
      return { dtype, shape, data: dtype === 'float32' ? new Float32Array(buf) : new Float64Array(buf) };
    },
  };
}
