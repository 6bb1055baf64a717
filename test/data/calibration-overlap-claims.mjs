// A statistical claim whose drawn case reuses a calibration seed: verify must stop it as a
// definition error, in one line, exit 2 (calibration seeds are never verdict seeds).
import * as fc from 'fast-check';
import { defineClaim, ge } from '../../src/index.ts';

export const reused = defineClaim({
  id: 'bad/calibration/reused',
  paper: { key: 'bad', title: 'Bad', authors: 'Test', venue: 'test', confidence: 'high' },
  theorem: 'calibration',
  confidence: 'C',
  kind: 'statistical',
  statement: 'its only drawn seed is the one its thresholds were calibrated on',
  hypotheses: fc.record({ seed: fc.constant(777) }),
  check: () => ({ conditions: [ge('seeds passing', 5, 5)], test: { name: 'sign test', pValue: 0.03, units: 5 } }),
  tolerance: { rel: 0, abs: 0, reason: 'test' },
  design: { seeds: (h) => [h.seed], calibration: { seeds: [777], note: 'thresholds from seed 777' } },
});
