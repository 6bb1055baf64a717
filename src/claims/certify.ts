import { Decimal } from 'decimal.js';
import { CERTIFY_DIGITS, exactDigits, type CompiledBound } from './boundEval.js';
import type { Checkable, DecimalCondition } from './Claim.js';
import type { Evidence } from './Evidence.js';
import type { Certificate } from './Verdict.js';

/**
 * A counterexample re-evaluated at high precision (issue "Verdicts a theorist can trust",
 * section 4), strongest first:
 * 1. the claim's own `certify` (its conditions at >= 40 digits from the case's inputs);
 * 2. the executable bound's condition at 40 digits from the case's quantities (their exact binary
 *    values): certifies the bound's arithmetic, not the float64 computation of the quantities;
 * 3. otherwise it says why it could not be certified.
 */
export async function certifyCounterexample(
  c: Checkable,
  value: unknown,
  e: Evidence,
  violated: readonly string[],
  bound: CompiledBound | undefined,
): Promise<Certificate> {
  if (c.kind !== 'exact') {
    return {
      certified: false,
      detail: 'not certified: statistical evidence (a pass rule over seeds), not an inequality between exact quantities',
    };
  }
  if (c.certify) {
    let conditions: readonly DecimalCondition[];
    try {
      conditions = await c.certify(value as never);
    } catch (err) {
      return { certified: false, detail: `not certified: the claim's high-precision evaluation threw (${(err as Error).message})` };
    }
    return decimalCertificate(c, conditions, violated);
  }
  if (bound && violated.includes(bound.spec.condition.name) && e.quantities) {
    const cert = bound.certify(e.quantities, c.tolerance);
    return { certified: cert.certified, digits: CERTIFY_DIGITS, detail: cert.detail };
  }
  return {
    certified: false,
    detail: 'not certified: the check has no executable bound over its quantities and no high-precision evaluation (certify)',
  };
}

const D = Decimal.clone({ precision: CERTIFY_DIGITS });

function decimalCertificate(c: Checkable, conditions: readonly DecimalCondition[], violated: readonly string[]): Certificate {
  const parts: string[] = [];
  for (const name of violated) {
    const dc = conditions.find((x) => x.name === name);
    if (!dc) return { certified: false, detail: `not certified: the high-precision evaluation has no condition "${name}"` };
    const lhs = new D(dc.lhs);
    const rhs = new D(dc.rhs);
    const diff = lhs.minus(rhs);
    const size = dc.op === '<=' ? diff : dc.op === '>=' ? diff.neg() : diff.abs();
    const t = c.tolerance.perCondition?.[name] ?? c.tolerance;
    const allowed = new D(exactDigits(t.rel)).times(D.max(lhs.abs(), rhs.abs())).plus(new D(exactDigits(t.abs)));
    if (!size.gt(allowed)) {
      return {
        certified: false,
        digits: CERTIFY_DIGITS,
        detail: `not certified: at ${CERTIFY_DIGITS} digits "${name}" holds (lhs - rhs = ${size.toSignificantDigits(7).toString()})`,
      };
    }
    parts.push(`${name}: lhs - rhs = ${size.toSignificantDigits(7).toString()}`);
  }
  return {
    certified: true,
    digits: CERTIFY_DIGITS,
    detail: `certified at ${CERTIFY_DIGITS} digits from the case's inputs (${parts.join('; ')})`,
  };
}
