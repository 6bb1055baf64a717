import type { EvalFunction, MathJsInstance } from 'mathjs';
import type { Condition, Evidence, Relation } from './Evidence.js';
import type { ExecutableBound } from './ExecutableBound.js';
import { allowance } from './margin.js';
import type { Tolerance } from './Tolerance.js';

/**
 * Evaluates an executable bound (ExecutableBound.ts) with mathjs: in float64 on every judged case
 * (the drift check: the formula on the claim page is the formula the check codes), and with
 * 40-digit BigNumbers on a counterexample (its certificate). mathjs is loaded on first use: a run
 * without executable bounds never pays for it.
 */
export const CERTIFY_DIGITS = 40;

/** Coded and declared bound agree to this relative distance (they may sum in another order). */
export const DRIFT_REL = 1e-10;
export const DRIFT_ABS = 1e-300;

type Scope = Record<string, unknown>;

interface Compiled {
  readonly bound: EvalFunction;
  readonly lhs: EvalFunction;
  readonly rhs: EvalFunction;
}

export interface CompiledBound {
  readonly spec: ExecutableBound;
  /** The bound's value on a case's quantities (float64). */
  value(q: Readonly<Record<string, number>>): number;
  /** The asserted condition, with B = `b` (default: the declared bound), in float64. */
  condition(q: Readonly<Record<string, number>>, b?: number): Condition;
  /** Why the coded evidence does not match the declared bound, or undefined when it does. */
  drift(e: Evidence): string | undefined;
  /** The condition at 40 digits from the quantities' exact binary values. */
  certify(q: Readonly<Record<string, number>>, t: Tolerance): Certificate;
}

export interface Certificate {
  readonly certified: boolean;
  /** lhs - rhs (in the violating direction) at 40 digits, 7 significant digits shown. */
  readonly violation: string;
  readonly detail: string;
}

let mathjs: typeof import('mathjs') | undefined;
let big: MathJsInstance | undefined;

/** Loads mathjs once (a dynamic import keeps it off every start-up path that does not need it). */
export async function loadMathjs(): Promise<typeof import('mathjs')> {
  mathjs ??= await import('mathjs');
  return mathjs;
}

function bigMath(m: typeof import('mathjs')): MathJsInstance {
  big ??= m.create(m.all, { number: 'BigNumber', precision: CERTIFY_DIGITS });
  return big;
}

function compileIn(m: Pick<MathJsInstance, 'compile'>, spec: ExecutableBound): Compiled {
  return { bound: m.compile(spec.expression), lhs: m.compile(spec.condition.lhs), rhs: m.compile(spec.condition.rhs) };
}

/** Variables the expressions read (function names excluded); a case's quantities take precedence over mathjs constants. */
function variablesOf(m: typeof import('mathjs'), spec: ExecutableBound): string[] {
  const names = new Set<string>();
  for (const text of [spec.expression, spec.condition.lhs, spec.condition.rhs]) {
    m.parse(text).traverse((n, path) => {
      if (n.type === 'SymbolNode' && path !== 'fn') names.add((n as unknown as { name: string }).name);
    });
  }
  return [...names];
}

/** Compiles a bound once per claim run. Throws a TypeError naming the expression that does not parse. */
export async function compileBound(spec: ExecutableBound): Promise<CompiledBound> {
  const m = await loadMathjs();
  let f64: Compiled;
  let f40: Compiled;
  let variables: string[];
  try {
    f64 = compileIn(m, spec);
    f40 = compileIn(bigMath(m), spec);
    variables = variablesOf(m, spec);
  } catch (e) {
    throw new TypeError(`executable bound "${spec.expression}" does not parse: ${(e as Error).message}`);
  }
  const num = (x: unknown): number => (typeof x === 'number' ? x : Number(x));
  const scope = (q: Readonly<Record<string, number>>, b?: number): Scope => {
    const gone = variables.filter((v) => v !== 'B' && !(v in q) && !(v in m));
    if (gone.length) throw new TypeError(`the bound refers to quantities the check does not report: ${gone.join(', ')}`);
    return { ...q, B: b ?? num(f64.bound.evaluate({ ...q })) };
  };
  const value = (q: Readonly<Record<string, number>>) => num(f64.bound.evaluate(scope(q, 0)));
  const condition = (q: Readonly<Record<string, number>>, b?: number): Condition => {
    const s = scope(q, b ?? value(q));
    return { name: spec.condition.name, lhs: num(f64.lhs.evaluate(s)), op: spec.condition.op, rhs: num(f64.rhs.evaluate(s)) };
  };
  const far = (a: number, b: number) => !(Math.abs(a - b) <= DRIFT_REL * Math.max(Math.abs(a), Math.abs(b)) + DRIFT_ABS);
  return {
    spec,
    value,
    condition,
    drift(e) {
      const q = e.quantities ?? {};
      if (!(spec.quantity in q)) return `the check reports no quantity "${spec.quantity}" (the bound it uses)`;
      let declared: number;
      try {
        declared = value(q);
      } catch (err) {
        return (err as Error).message;
      }
      const coded = q[spec.quantity];
      if (far(declared, coded)) return `declared bound ${spec.expression} = ${declared} but the check used ${spec.quantity} = ${coded}`;
      const c = e.conditions.find((x) => x.name === spec.condition.name);
      if (!c) return `the check reports no condition named "${spec.condition.name}"`;
      const d = condition(q, coded);
      if (c.op !== d.op || far(c.lhs, d.lhs) || far(c.rhs, d.rhs)) {
        return `declared condition ${spec.condition.lhs} ${spec.condition.op} ${spec.condition.rhs} = ${d.lhs} ${d.op} ${d.rhs} but the check asserts ${c.lhs} ${c.op} ${c.rhs}`;
      }
      return undefined;
    },
    certify(q, t) {
      const B = bigMath(m);
      // Each float64 quantity is a dyadic rational; 60 significant digits carry it beyond 40.
      const s: Scope = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, B.bignumber(exactDigits(v))]));
      const b = f40.bound.evaluate(s);
      s.B = b;
      const lhs = f40.lhs.evaluate(s);
      const rhs = f40.rhs.evaluate(s);
      const size = bigViolation(B, lhs, rhs, spec.condition.op);
      const cond = { name: spec.condition.name, lhs: Number(lhs), op: spec.condition.op, rhs: Number(rhs) };
      const allowed = B.bignumber(exactDigits(allowance(cond, t)));
      const certified = B.larger(size, allowed) as boolean;
      const violation = B.format(size, { precision: 7 });
      return {
        certified,
        violation,
        detail: certified
          ? `certified at ${CERTIFY_DIGITS} digits on the bound expression's quantities: lhs - rhs = ${violation} beyond the tolerance`
          : `not certified: at ${CERTIFY_DIGITS} digits lhs - rhs = ${violation}, within the tolerance`,
      };
    },
  };
}

/** The exact decimal expansion of a double, to 60 significant digits (toPrecision is exact up to 100). */
export function exactDigits(x: number): string {
  return Number.isFinite(x) ? (x === 0 ? '0' : x.toPrecision(60)) : String(x);
}

function bigViolation(B: MathJsInstance, lhs: unknown, rhs: unknown, op: Relation): any {
  const d = B.subtract(lhs as any, rhs as any);
  return op === '<=' ? d : op === '>=' ? B.unaryMinus(d) : B.abs(d);
}
