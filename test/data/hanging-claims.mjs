// A claim file whose check never returns for some cases: the run must end Inconclusive
// (interrupted) with the claim's seed, and the other claims must still run. Before it spins, the
// hung case writes the file named by HANG_SIGNAL, so a test can stop it on that signal instead of
// after some number of seconds (no test depends on the machine's speed).
import * as fs from 'node:fs';
import { defineClaim, fc, le } from 'claimcheck';

const paper = { key: 'hang', title: 'Hanging', authors: 'Test', venue: 'test', confidence: 'high' };

export const hangs = defineClaim({
  id: 'hang/loop/never-returns',
  paper,
  theorem: 'loop',
  confidence: 'V',
  kind: 'exact',
  statement: 'a check that spins forever once x > 50',
  hypotheses: fc.record({ x: fc.integer({ min: 0, max: 100 }) }),
  check: ({ x }) => {
    if (x > 50) {
      if (process.env.HANG_SIGNAL) fs.writeFileSync(process.env.HANG_SIGNAL, String(x));
      for (;;);
    }
    return { conditions: [le('x', 0, 1)] };
  },
  tolerance: { rel: 0, abs: 0, reason: 'test' },
});

export const fine = defineClaim({
  id: 'hang/fine/holds',
  paper,
  theorem: 'fine',
  confidence: 'V',
  kind: 'exact',
  statement: 'holds',
  hypotheses: fc.record({ x: fc.integer({ min: 0, max: 100 }) }),
  check: () => ({ conditions: [le('x', 0, 1)] }),
  tolerance: { rel: 0, abs: 0, reason: 'test' },
});
