// A claim file whose check never returns for some cases: the run must end Inconclusive
// (interrupted) with the claim's seed, and the other claims must still run.
import * as fc from 'fast-check';
import { defineClaim, le } from '../../src/index.ts';

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
    if (x > 50) for (;;);
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
