import type { MathNode } from 'mathjs';
import { compileBound, loadMathjs, type CompiledBound } from './boundEval.js';
import { defineMutant, type Checkable, type Claim } from './Claim.js';
import { skipCase, type Evidence } from './Evidence.js';
import { isExecutable, type ExecutableBound } from './ExecutableBound.js';
import { violationSize } from './margin.js';

/**
 * Bound mutants (issue "Verdicts a theorist can trust", section 3): from an exact claim's
 * executable bound, every single-edit weakening of the theorem's right-hand side: drop one
 * additive term, halve one positive constant, lower one exponent. Each runs the claim's own check
 * and judges the claim's bound condition with the edited bound, only on cases where the edit
 * makes the claim stronger (elsewhere it cannot refute anything and the case is skipped). A
 * refuted bound mutant shows that part of the bound necessary on the generator's cases; one that
 * survives is reported ("not shown necessary"), never failed: the term may be slack, or the
 * generator may not reach its corner.
 */
export interface BoundEdit {
  /** Kebab-case, unique per claim: the mutant id is `<claim id>~bound-<slug>`. */
  readonly slug: string;
  /** What changed, in words, e.g. "drop the term 2 * normW ^ 2". */
  readonly change: string;
  /** The part of the bound the edit removes or weakens (for the claim page's table). */
  readonly part: string;
  readonly expression: string;
}

type Node = MathNode & { op?: string; fn?: unknown; args?: MathNode[]; value?: unknown; name?: string };

/** Every single edit of the bound's expression tree, in tree order (deterministic). */
export async function boundEdits(expression: string): Promise<BoundEdit[]> {
  const m = await loadMathjs();
  const root = m.parse(expression) as Node;
  const edits: BoundEdit[] = [];
  const used = new Map<string, number>();
  const add = (kind: string, change: string, part: string, replaced: MathNode, by: MathNode) => {
    const text = root.transform((n) => (n === replaced ? by : n)).toString();
    const base = `${kind}-${kebab(part)}`.slice(0, 48).replace(/-+$/, '');
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    edits.push({ slug: k === 1 ? base : `${base}-${k}`, change, part, expression: text });
  };
  root.traverse((node, path, parent) => {
    const n = node as Node;
    if (n.type === 'OperatorNode' && n.op === '+' && n.args) {
      n.args.forEach((term, i) => {
        const rest = n.args!.filter((_, j) => j !== i);
        const by = rest.length === 1 ? rest[0] : new m.OperatorNode('+', 'add', rest);
        add('drop', `drop the term ${term.toString()}`, term.toString(), n, by);
      });
    }
    const p = parent as Node | null;
    const isExponent = p?.type === 'OperatorNode' && p.op === '^' && path === 'args[1]';
    if (n.type === 'ConstantNode' && typeof n.value === 'number' && n.value > 0 && !isExponent) {
      const where = p ? p.toString() : n.toString();
      add('halve', `halve the constant ${n.value} in ${where}`, `${n.value} in ${where}`, n, new m.ConstantNode(n.value / 2));
    }
    if (n.type === 'OperatorNode' && n.op === '^' && n.args?.[1]?.type === 'ConstantNode') {
      const e = Number((n.args[1] as Node).value);
      if (e > 0) {
        const lower = e > 1 ? e - 1 : e / 2;
        const by = new m.OperatorNode('^', 'pow', [n.args[0], new m.ConstantNode(lower)]);
        add('lower', `lower the exponent of ${n.toString()} to ${lower}`, n.toString(), n, by);
      }
    }
    if (n.type === 'FunctionNode' && (n as unknown as { fn: { name: string } }).fn.name === 'sqrt' && n.args?.length === 1) {
      const by = new m.OperatorNode('^', 'pow', [new m.ParenthesisNode(n.args[0]), new m.ConstantNode(0.25)]);
      add('lower', `lower the exponent of ${n.toString()} from 1/2 to 1/4`, n.toString(), n, by);
    }
  });
  return edits;
}

function kebab(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The mutants of one exact claim with an executable bound (none otherwise). */
export async function boundMutantsOf(claim: Claim): Promise<Checkable[]> {
  if (claim.kind !== 'exact' || !isExecutable(claim.bound)) return [];
  const spec = claim.bound;
  const out: Checkable[] = [];
  for (const edit of await boundEdits(spec.expression)) {
    const mutated: ExecutableBound = { ...spec, expression: edit.expression };
    let compiled: Promise<[CompiledBound, CompiledBound]> | undefined;
    const both = () => (compiled ??= Promise.all([compileBound(spec), compileBound(mutated)]));
    out.push(
      defineMutant({
        of: claim,
        id: `${claim.id}~bound-${edit.slug}`,
        change: `bound mutant: ${edit.change}, i.e. ${edit.expression}`,
        status: 'derived',
        purpose: 'bound',
        bound: mutated,
        // Skipped cases are the rule here (the edit weakens the bound on many cases), not a fault.
        maxSkipShare: 1,
        check: async (h, ctx): Promise<Evidence> => {
          const e = await claim.check(h, ctx);
          if (e.skip !== undefined || !e.quantities) return e;
          const [original, edited] = await both();
          const q = e.quantities;
          const before = original.condition(q, q[spec.quantity]);
          const value = edited.value(q);
          const after = edited.condition(q, value);
          if (!(violationSize(after) > violationSize(before))) return skipCase('the edit does not strengthen the bound on this case');
          return { conditions: [after], quantities: { ...q, [spec.quantity]: value } };
        },
      }) as Checkable,
    );
  }
  return out;
}

/** The checkables with the bound mutants of every exact claim inserted after that claim's own mutants. */
export async function withBoundMutants(checkables: readonly Checkable[]): Promise<Checkable[]> {
  const out: Checkable[] = [];
  const pending = new Map<string, Checkable[]>();
  for (const c of checkables) if (c.type === 'claim') pending.set(c.id, await boundMutantsOf(c));
  const flush = (claimId: string) => {
    out.push(...(pending.get(claimId) ?? []));
    pending.delete(claimId);
  };
  let current: string | undefined;
  for (const c of checkables) {
    const owner = c.type === 'claim' ? c.id : c.of.id;
    if (current !== undefined && owner !== current) flush(current);
    current = owner;
    out.push(c);
  }
  if (current !== undefined) flush(current);
  return out;
}
