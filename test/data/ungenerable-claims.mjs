// A claim whose every case misses its own hypotheses: verify must say so in one line, exit 2.
import { defineClaim, fc, le, skipCase } from 'claimcheck';

export const never = defineClaim({
  id: 'bad/skip/always',
  paper: { key: 'bad', title: 'Bad', authors: 'Test', venue: 'test', confidence: 'high' },
  theorem: 'skip',
  confidence: 'V',
  kind: 'exact',
  statement: 'needs x > 100 but draws x <= 10',
  hypotheses: fc.record({ x: fc.integer({ min: 0, max: 10 }) }),
  check: ({ x }) => (x > 100 ? { conditions: [le('x', 0, 1)] } : skipCase('x must exceed 100')),
  tolerance: { rel: 0, abs: 0, reason: 'test' },
});
