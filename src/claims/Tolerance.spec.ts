import { describe, expect, it } from 'vitest';
import { eq, ge, le } from './Evidence.js';
import { conditionSlack, judgeCase } from './Tolerance.js';

describe('judgeCase', () => {
  const t = { rel: 1e-3, abs: 1e-6, reason: 'test' };
  it('holds within the relative tolerance and is violated just beyond it', () => {
    expect(judgeCase({ conditions: [le('a', 1.0009, 1)] }, t).outcome).toBe('holds');
    expect(judgeCase({ conditions: [le('a', 1.0011, 1)] }, t).outcome).toBe('violated');
    expect(judgeCase({ conditions: [ge('a', 0.9991, 1)] }, t).outcome).toBe('holds');
    expect(judgeCase({ conditions: [eq('a', 1.0011, 1)] }, t).outcome).toBe('violated');
  });
  it('reports every violated condition by name', () => {
    const j = judgeCase({ conditions: [le('a', 2, 1), le('b', 0, 1), ge('c', 0, 1)] }, t);
    expect(j.outcome === 'violated' && j.violated).toEqual(['a', 'c']);
  });
  it('never judges non-finite evidence as holding', () => {
    expect(judgeCase({ conditions: [le('a', NaN, 1)] }, t).outcome).toBe('non-finite');
    expect(judgeCase({ conditions: [le('a', 0, Infinity)] }, t).outcome).toBe('non-finite');
    expect(judgeCase({ conditions: [] }, t).outcome).toBe('non-finite');
  });
  it('uses per-condition tolerances', () => {
    const tt = { ...t, perCondition: { loose: { rel: 0.5, abs: 0, reason: 'x' } } };
    expect(judgeCase({ conditions: [le('loose', 1.4, 1)] }, tt).outcome).toBe('holds');
    expect(conditionSlack(le('x', 2, 1), { rel: 0, abs: 0, reason: '' })).toBe(1);
  });
});
