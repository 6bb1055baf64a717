/**
 * `npm run bench`: times the five reference workloads of shared/bench/README.md in this
 * project and, when python3 with numpy and shared/ are present, runs shared/bench/reference.py
 * for the same workload just before ours, so that ratio = ours / numpy is taken in one session
 * under the same load. Prints a table, or one JSON line per workload with --json.
 */
import { endianness } from 'node:os';
import { loadArraySet } from './arrays.js';
import { USAGE, parseOptions, type BenchOptions } from './options.js';
import { locateReference, runReference, type ReferenceLine } from './reference.js';
import { formatTable, type Row } from './table.js';
import { timeRuns } from './timing.js';
import { timeCholeskyTiers } from './choleskyTiers.js';
import { WORKLOADS } from './workloads.js';
import type { PrepareContext, Workload, WorkloadName } from './workload.js';
import { WasmTeam } from '../src/core/wasm/WasmTeam.js';
import { kernelsUseFma, MAX_BYTES } from '../src/core/wasm/kernels.js';
import { benchKernelModule } from './kernels/wasm/benchModule.js';

export interface BenchResult {
  readonly workload: WorkloadName;
  readonly seconds: number;
  readonly flops: number;
  readonly gflops: number;
  readonly check: number;
  readonly dtype: string;
  readonly backend: string;
  readonly best_lambda?: number;
  readonly threads: number;
  readonly numpy?: { readonly seconds: number; readonly gflops: number; readonly check: number; readonly best_lambda?: number };
  readonly ratio?: number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv);
  if ('error' in parsed) {
    process.stderr.write(`bench: ${parsed.error}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.inputs !== undefined && endianness() !== 'LE') {
    process.stderr.write('bench: --inputs reads little-endian files; this machine is big-endian\n');
    return 2;
  }
  try {
    if (parsed.choleskyTiers) return timeCholeskyTiers(parsed.runs);
    return await runBench(parsed);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    return 1;
  }
}

async function runBench(opts: BenchOptions): Promise<number> {
  const notes: string[] = [];
  const note = (s: string) => {
    notes.push(s);
    if (opts.json) process.stderr.write(`# ${s}\n`);
  };
  const located = opts.reference ? locateReference() : undefined;
  if (located && !located.ok) note(`numpy reference skipped: ${located.reason}`);
  let team: WasmTeam | undefined;
  const fma = kernelsUseFma({ fma: opts.fma });
  const ctx: PrepareContext = {
    backend: opts.backend,
    fma,
    team: () => (team ??= WasmTeam.create(benchKernelModule({ fma }), { threads: opts.threads, maxBytes: MAX_BYTES })),
  };
  const results: BenchResult[] = [];
  try {
    for (const name of opts.only) {
      const workload = WORKLOADS[name] as Workload<unknown>;
      let seed = opts.seed;
      let inputs: unknown;
      if (opts.inputs !== undefined) {
        const set = loadArraySet(opts.inputs, name);
        seed = set.seed;
        inputs = workload.fromArrays(set);
      } else {
        inputs = workload.draw(opts.seed);
      }
      // numpy first, in the same session and just before ours, so both see the same machine load.
      let ref: ReferenceLine | undefined;
      if (located?.ok) {
        try {
          const out = runReference(located.script, { seed, runs: opts.runs, only: [name] });
          ref = out.lines.find((l) => l.workload === name);
          for (const l of out.header.split('\n')) if (l.includes('varies')) note(`numpy: ${l.replace(/^# /, '')}`);
          if (results.length === 0 && out.header) note(`reference: ${out.header.split('\n')[0].replace(/^# /, '')}`);
        } catch (e) {
          note(`numpy reference for ${name} failed: ${(e as Error).message}`);
        }
      }
      const prepared = await workload.prepare(inputs, ctx);
      let timing;
      try {
        timing = await timeRuns(prepared, opts.runs);
      } finally {
        await prepared.dispose();
      }
      if (timing.varied.length > 0) note(`${name}: check varies between runs (${timing.result.check} vs ${timing.varied.join(', ')})`);
      const r: BenchResult = {
        workload: name,
        seconds: round(timing.seconds, 6),
        flops: workload.flops,
        gflops: round(workload.flops / timing.seconds / 1e9, 3),
        check: timing.result.check,
        dtype: workload.dtype,
        backend: prepared.backend,
        ...(timing.result.extra ?? {}),
        threads: /\d+ threads?/.test(prepared.backend) ? opts.threads : 1,
        ...(ref
          ? {
              numpy: {
                seconds: ref.seconds,
                gflops: ref.gflops,
                check: ref.check,
                ...(ref.best_lambda !== undefined ? { best_lambda: ref.best_lambda } : {}),
              },
              ratio: round(timing.seconds / ref.seconds, 3),
            }
          : {}),
      };
      if (opts.inputs !== undefined && ref) {
        const rel = Math.abs(r.check - ref.check) / Math.max(Math.abs(ref.check), Number.MIN_VALUE);
        note(`${name}: same inputs as numpy, check relative difference ${rel.toExponential(2)}`);
      }
      results.push(r);
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    }
  } finally {
    await team?.close();
  }
  if (!opts.json) {
    const rows: Row[] = results.map((r) => ({
      workload: r.workload,
      backend: r.backend,
      seconds: r.seconds,
      gflops: r.gflops,
      check: r.check,
      numpySeconds: r.numpy?.seconds,
      numpyGflops: r.numpy?.gflops,
      numpyCheck: r.numpy?.check,
    }));
    const src = opts.inputs !== undefined ? `inputs from ${opts.inputs}` : `seed ${opts.seed}, own RNG`;
    process.stdout.write(
      `claimcheck bench: median of ${opts.runs} runs after 1 warm-up; ${src}; ${opts.threads} thread(s) for wasm kernels\n`,
    );
    process.stdout.write(
      `${formatTable(
        rows,
        results.some((r) => r.numpy),
      )}\n`,
    );
    for (const r of results)
      if (r.best_lambda !== undefined)
        notes.push(
          `${r.workload}: best_lambda ${r.best_lambda}${r.numpy?.best_lambda !== undefined ? ` (numpy ${r.numpy.best_lambda})` : ''}`,
        );
    if (results.some((r) => r.numpy) && opts.inputs === undefined) {
      notes.push('checks come from different random draws (numpy PCG64 vs our Rng); use --inputs DIR for an exact comparison');
    }
    for (const n of notes) process.stdout.write(`note: ${n}\n`);
  }
  return 0;
}
