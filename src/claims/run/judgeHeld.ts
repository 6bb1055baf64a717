import type { Evidence } from '../Evidence.js';
import { isViolated } from '../evaluateCase.js';
import type { ClaimRun } from '../runClaim.js';
import { decideStrength, withoutPValues } from '../strength.js';
import type { CaseSource, Confirmation, Stage } from '../Verdict.js';
import { confirmStage } from './confirmStage.js';
import { counterexampleVerdict } from './counterexampleVerdict.js';
import type { Found } from './Found.js';
import type { RunContext } from './RunContext.js';

/**
 * The verdict when no violation stands. After an unconfirmed first-stage failure, `decisive` is
 * the confirmation's case, which the verdict then reports; otherwise the worst case that held.
 */
export async function judgeHeld(
  rc: RunContext,
  confirmation: Confirmation | undefined,
  decisive?: { value: unknown; evidence: Evidence; source: CaseSource },
): Promise<ClaimRun> {
  if (rc.state.threw)
    return rc.inconclusive(rc.state.threw.interrupted ? 'interrupted' : 'check-threw', rc.state.threw.detail, rc.state.threw.value);
  if (rc.state.nonFinite) return rc.inconclusive('non-finite', rc.state.nonFinite.detail, rc.state.nonFinite.value);
  const seen = rc.state.cases + rc.state.skipped;
  if (rc.state.cases === 0 && rc.state.skipped > 0) {
    return rc.inconclusive(
      'cannot-generate',
      `all ${rc.state.skipped} generated cases were skipped (first reason: "${rc.state.firstSkip}"); the hypotheses cannot produce a case the check accepts`,
    );
  }
  const maxSkip = rc.c.maxSkipShare ?? 0.5;
  if (seen > 0 && rc.state.skipped / seen > maxSkip) {
    return rc.inconclusive(
      'too-many-skips',
      `${rc.state.skipped} of ${seen} generated cases did not meet the hypotheses (limit ${Math.round(maxSkip * 100)}%); bias the generator toward valid cases`,
    );
  }
  // Interrupted before enough cases were judged: say which budget ran out, not "no cases".
  const minCases = Math.min(rc.requested, 20);
  if ((rc.interrupted || Date.now() >= rc.deadline) && rc.state.cases < minCases) {
    const which =
      rc.deadline < rc.started + rc.budgetMs
        ? "the whole run's time budget (--budget)"
        : `the claim's time budget of ${rc.budgetMs / 1000} s (profile ${rc.opts.profile.name})`;
    return rc.inconclusive('interrupted', `${which} ran out after ${rc.state.cases} judged cases (wanted ${rc.requested})`);
  }
  const worst = decisive ?? rc.state.worst;
  if (rc.state.cases === 0 || !worst) return rc.inconclusive('no-cases', 'no case was judged');
  const uncovered = rc.state.coverage?.results().filter((r) => !r.ok) ?? [];
  if (uncovered.length > 0) {
    const list = uncovered
      .map((r) => `"${r.label}" ${r.hits}/${r.total} (${(100 * r.share).toFixed(1)}%, need ${(100 * r.minShare).toFixed(1)}%)`)
      .join('; ');
    return rc.inconclusive('coverage', `required regions not reached often enough: ${list}; bias the generator toward them`);
  }
  if (rc.c.kind === 'exact') return rc.finish({ status: 'verified', ...rc.base() });

  // A mutant that held everywhere is confirmed on independent seeds before it reads SURVIVED.
  if (rc.c.type === 'mutant' && !confirmation) {
    rc.progress('confirming');
    const second = await confirmStage(rc.ev, rc.state, worst.value, { claimSeed: rc.seed, arbitrary: rc.arbitrary });
    if (rc.state.halt) return rc.halted()!;
    const first: Stage = { outcome: 'holds', source: worst.source, value: worst.value, evidence: worst.evidence };
    if (second.stage.outcome === 'violated' && isViolated(second.outcome)) {
      const killed: Found = { value: second.value, outcome: second.outcome, source: 'confirmation' };
      return rc.finish(await counterexampleVerdict(rc, killed, { first, second: second.stage, confirmed: false }));
    }
    confirmation = { first, second: second.stage, confirmed: second.stage.outcome === 'holds' };
  }
  const decided = decideStrength(rc.c, worst.source, worst.evidence, true);
  if (decided.kind === 'too-wide') return rc.inconclusive('interval-too-wide', decided.detail, worst.value);
  const evidence = decided.strength === 'replay' ? withoutPValues(worst.evidence) : worst.evidence;
  return rc.finish({
    status: 'consistent',
    ...rc.base(),
    strength: decided.strength,
    evidence,
    source: worst.source,
    ...(confirmation ? { confirmation } : {}),
  });
}
