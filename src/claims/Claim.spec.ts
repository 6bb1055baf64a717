import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineClaim, defineMutant, type PaperRef } from './Claim.js';
import { ge } from './Evidence.js';
import { exactThreshold } from './Tolerance.js';

const paper: PaperRef = { key: 'toy', title: 'Toy', authors: 'Nobody', venue: 'test', confidence: 'high' };
const base = {
  paper,
  theorem: 'open question',
  confidence: 'C',
  statement: 's',
  hypotheses: fc.constant(1),
  check: (h: number) => ({ conditions: [ge('h', h, 0)] }),
  tolerance: exactThreshold('fixed before the run'),
};

describe('defineClaim subject', () => {
  it('lets a statistical claim declare itself a hypothesis, and its mutants inherit that', () => {
    const c = defineClaim({ ...base, id: 'toy/open/hyp', kind: 'statistical', subject: 'hypothesis' });
    expect(c.subject).toBe('hypothesis');
    const m = defineMutant({ of: c, id: 'toy/open/hyp~negated', change: 'negated', status: 'hypothesis' });
    expect(m.subject).toBe('hypothesis');
  });

  it('rejects an exact hypothesis: exact claims are Verified or Refuted, which a hypothesis cannot be', () => {
    expect(() => defineClaim({ ...base, id: 'toy/open/exact-hyp', kind: 'exact', subject: 'hypothesis' })).toThrow(
      /must be statistical or scaling/,
    );
  });
});
