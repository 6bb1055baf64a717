import { describe, expect, it } from 'vitest';
import type { Verdict } from '../claims/Verdict.js';
import { testWords, verdictWords } from '../claims/Verdict.js';
import { mutantOutcome, verdictLabel, verdictShort } from './wording.js';

const stats = { cases: 1, skipped: 0, maxSlack: 0, seed: 1, slacks: [] };
const verified: Verdict = { status: 'verified', ...stats };
const consistent: Verdict = { status: 'consistent', ...stats, evidence: { conditions: [] }, strength: 'test' };
const cx = { value: 0, evidence: { conditions: [] }, violated: [], slack: 1, source: 'random' as const, seed: 1, shrinks: 0 };

describe('verdict wording', () => {
  it('says Verified/Refuted only for exact claims', () => {
    expect(verdictLabel('exact', verified)).toBe('Verified');
    expect(verdictLabel('exact', { status: 'refuted', ...stats, counterexample: cx })).toBe('Refuted');
    expect(verdictLabel('scaling', consistent)).toBe('consistent with the theorem at this scale');
    expect(verdictLabel('statistical', { status: 'inconsistent', ...stats, counterexample: cx, strength: 'test' })).toBe(
      'inconsistent with the theorem at this scale',
    );
    // Even a mislabelled status cannot make a statistical claim read as settled, nor as a test.
    expect(verdictLabel('statistical', verified)).toBe('screen passed, not significant');
  });

  it('speaks of the theorem only for a significant test; screens and replays say what they are', () => {
    const screen: Verdict = { ...consistent, strength: 'screen' };
    const replay: Verdict = { ...consistent, strength: 'replay' };
    expect(verdictLabel('statistical', screen)).toBe('screen passed, not significant');
    expect(verdictLabel('scaling', replay)).toBe('replay passed (regression check)');
    expect(verdictShort('statistical', { status: 'inconsistent', ...stats, counterexample: cx, strength: 'screen' })).toBe('screen failed');
    expect(verdictLabel('statistical', { status: 'consistent', ...stats, evidence: { conditions: [] } })).toBe(
      'screen passed, not significant',
    );
    expect(verdictWords('statistical', { status: 'consistent', ...stats, evidence: { conditions: [] } })).toMatch(/^screen passed/);
  });

  it('words a hypothesis the paper does not prove as a hypothesis, never as a theorem', () => {
    expect(verdictLabel('statistical', consistent, 'hypothesis')).toBe('consistent with the hypothesis at this scale');
    expect(verdictLabel('statistical', { status: 'inconsistent', ...stats, counterexample: cx, strength: 'test' }, 'hypothesis')).toBe(
      'inconsistent with the hypothesis at this scale',
    );
    expect(verdictShort('statistical', consistent, 'hypothesis')).toBe('consistent at this scale (hypothesis)');
    expect(verdictWords('statistical', consistent, 'hypothesis')).toBe('consistent with the hypothesis at this scale (statistical)');
    expect(verdictWords('statistical', consistent)).toBe('consistent with the theorem at this scale (statistical)');
  });

  it('never rounds a confidence level up to 100%', () => {
    expect(testWords({ name: 'z', interval: [-0.03, 0.03], confidence: 0.9999 })).toContain('99.99% interval');
    expect(testWords({ name: 't', interval: [1, 2], confidence: 0.95 })).toContain('95% interval');
  });

  it('calls a refuted mutant killed and a holding one survived', () => {
    expect(mutantOutcome({ status: 'refuted', ...stats, counterexample: cx })).toBe('killed');
    expect(mutantOutcome(consistent)).toBe('survived');
    expect(mutantOutcome({ status: 'inconclusive', ...stats, reason: 'no-cases', detail: '' })).toBe('inconclusive');
  });
});
