/** Formats the benchmark results as an aligned text table (one row per workload). */
export interface Row {
  readonly workload: string;
  readonly backend: string;
  readonly seconds: number;
  readonly gflops: number;
  readonly check: number;
  readonly numpySeconds?: number;
  readonly numpyGflops?: number;
  readonly numpyCheck?: number;
}

const sig = (x: number, digits: number): string => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));
const fixed = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

export function formatTable(rows: readonly Row[], withReference: boolean): string {
  const header = ['workload', 'implementation', 'seconds', 'GFLOP/s', 'check'];
  if (withReference) header.push('numpy s', 'numpy GFLOP/s', 'numpy check', 'ratio');
  const body = rows.map((r) => {
    const cells = [r.workload, r.backend, fixed(r.seconds, 4), fixed(r.gflops, 2), sig(r.check, 10)];
    if (withReference) {
      const has = r.numpySeconds !== undefined;
      cells.push(
        has ? fixed(r.numpySeconds!, 4) : '-',
        has ? fixed(r.numpyGflops!, 2) : '-',
        has ? sig(r.numpyCheck!, 10) : '-',
        has ? `${fixed(r.seconds / r.numpySeconds!, 2)}x` : '-',
      );
    }
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)));
  const numeric = (i: number) => i >= 2;
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
