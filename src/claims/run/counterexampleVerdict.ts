import { certifyCounterexample } from '../certify.js';
import { evaluateCase, isViolated } from '../evaluateCase.js';
import { FIXTURE_SCHEMA } from '../Fixture.js';
import { keepsMargin } from '../margin.js';
import { simplifyNumbers } from '../simplify.js';
import { isReplaySource, type Confirmation, type Counterexample, type Verdict } from '../Verdict.js';
import type { Found } from './Found.js';
import type { RunContext } from './RunContext.js';

/** Simplifies (exact claims), certifies and saves a violated case, and builds its verdict. */
export async function counterexampleVerdict(rc: RunContext, f: Found, confirmation?: Confirmation): Promise<Verdict> {
  let { value, outcome } = f;
  let simplified = 0;
  const fields = rc.c.simplify ?? rc.c.target?.fields;
  if (rc.c.kind === 'exact' && fields && !isReplaySource(f.source) && f.shrink) {
    rc.progress('simplifying');
    const margin = f.shrink.firstViolation;
    const s = await simplifyNumbers(
      value,
      async (h) => {
        const o = await evaluateCase(rc.ev, h);
        return isViolated(o) && keepsMargin(o.evidence, rc.c.tolerance, margin);
      },
      { maxEvaluations: rc.opts.profile.simplifyEvaluations, deadline: Math.max(rc.deadline, Date.now() + 10_000), fields },
    );
    if (s.steps > 0) {
      const o = await evaluateCase(rc.ev, s.value);
      if (isViolated(o)) {
        value = s.value;
        outcome = o;
        simplified = s.steps;
      }
    }
  }
  const j = outcome.judgement;
  const certificate = await certifyCounterexample(rc.c, value, outcome.evidence, j.violated, rc.ev.bound);
  const record: Omit<Counterexample, 'value' | 'fixture'> = {
    evidence: outcome.evidence,
    violated: j.violated,
    slack: j.slack,
    source: f.source,
    seed: rc.seed,
    path: f.path,
    shrinks: (f.shrink?.steps ?? f.shrinks ?? 0) + simplified,
    description: rc.c.describe?.(value as never),
    ...(f.shrink ? { shrink: f.shrink } : {}),
    ...(simplified ? { simplified } : {}),
    certificate,
  };
  const status = rc.c.kind === 'exact' ? 'refuted' : 'inconsistent';
  // A fixture is the counterexample's own record plus what identifies and replays it.
  const fixture =
    f.fixture ??
    rc.opts.store?.save({
      schema: FIXTURE_SCHEMA,
      id: rc.c.id,
      role: rc.c.type,
      outcome: status,
      counterexample: value,
      backend: rc.opts.backend,
      ...record,
    });
  const counterexample: Counterexample = { value, ...record, fixture };
  const stats = { ...rc.base(), maxSlack: Math.max(rc.state.maxSlack, j.slack) };
  if (status === 'refuted') return { status, ...stats, counterexample };
  // Mutants: a refutation by the declared rule; claims: a failure, confirmed before it is one.
  const strength =
    isReplaySource(f.source) && !confirmation ? 'replay' : rc.c.type === 'mutant' || confirmation?.confirmed ? 'test' : 'screen';
  return { status, ...stats, counterexample, strength, ...(confirmation ? { confirmation } : {}) };
}
