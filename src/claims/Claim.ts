import type { ClaimBaselineTolerance } from './baselineTolerance.js';
import type * as fc from 'fast-check';
import type { StatisticalDesign, MutantPurpose } from './Design.js';
import { MUTANT_PURPOSES } from './Design.js';
import type { Evidence, Relation } from './Evidence.js';
import type { BoundSpec } from './ExecutableBound.js';
import { isExecutable } from './ExecutableBound.js';
import type { Tolerance } from './Tolerance.js';

export type ClaimKind = 'exact' | 'statistical' | 'scaling';
export type ProfileName = 'quick' | 'ci' | 'thorough';
/**
 * What a statistical or scaling verdict speaks about: a theorem of the paper (the default), or a
 * hypothesis the paper states without proof (e.g. "layer-wise training fails"), whose verdicts
 * must read "consistent with the hypothesis", never as evidence for or against a theorem.
 */
export type ClaimSubject = 'theorem' | 'hypothesis';
/**
 * Catalog status of a mutant (claims/README.md): how sure we are that it is false. `derived`: a
 * bound mutant, generated from an executable bound; it may be true (the edited part may be slack).
 */
export type MutantStatus = 'safe' | 'safe [C]' | 'expected' | 'hypothesis' | 'derived';

export interface PaperRef {
  readonly key: string;
  readonly title: string;
  readonly authors: string;
  readonly venue: string;
  readonly arxiv?: string;
  /** The catalog's overall confidence for the paper (e.g. "high"). */
  readonly confidence: string;
}

export interface CheckContext {
  /** Numeric backend in use, recorded with every result. */
  readonly backend: string;
  /** Absolute time (ms since epoch) after which a long check should stop and throw. */
  readonly deadline: number;
}

/**
 * Targeted search (Hypothesis' `target()`): the runner climbs the slack of the best cases seen.
 * `perturb` proposes a neighbour inside the hypothesis space; `scale` shrinks as climbing
 * converges. Claims whose hypothesis space has constraints a generic jitter could break must
 * supply their own perturb, or disable targeting.
 */
export interface Targeting<H> {
  readonly perturb: (h: H, rand: () => number, scale: number) => H;
  /** Top-level fields whose numbers may be moved (by climbing) and simplified (after it). */
  readonly fields?: readonly string[];
}

/**
 * A region the hypotheses must reach (QuickCheck's cover/checkCoverage): mutants fail in corners,
 * so a claim is only trusted if its generator demonstrably visits them.
 */
export interface CoverRequirement<H> {
  readonly label: string;
  /** Minimum share of generated cases inside the region. */
  readonly minShare: number;
  readonly when: (h: H) => boolean;
}

/** A rate the theorem predicts, drawn as a reference line on a `name@x` series of the evidence. */
export interface PlotReference {
  /** The series the reference is drawn on (the `name` of `name@x` quantities). */
  readonly series: string;
  /** y proportional to x^exponent, anchored at the series' first point. */
  readonly exponent: number;
  readonly label: string;
}

/** How reports should draw a claim's `name@x` quantities: facts about the theorem. */
export interface PlotHints {
  /** Axis title for the x in `name@x`. */
  readonly x?: string;
  readonly references?: readonly PlotReference[];
}

export interface ClaimBody<H> {
  readonly statement: string;
  /**
   * The bound: a mathjs expression rendered on the claim page, or an executable bound over the
   * case's quantities that the runner evaluates on every case (drift check), renders, certifies
   * counterexamples with, and derives bound mutants from (ExecutableBound.ts).
   */
  readonly bound?: BoundSpec;
  readonly hypotheses: fc.Arbitrary<H>;
  /** A pure function of the hypothesis: the same h gives the same evidence (replayability). */
  readonly check: (h: H, ctx: CheckContext) => Evidence | Promise<Evidence>;
  readonly tolerance: Tolerance;
  /** Cases per profile; statistical claims run few, expensive cases. */
  readonly runs?: Partial<Record<ProfileName, number>>;
  /**
   * Wall-clock budget of one run of this claim per profile, in seconds, where the profile's default
   * (60 s at quick) is too short for its cases: a statistical claim whose one case trains many
   * networks cannot be interrupted inside that case, so a budget below its cost on a loaded machine
   * makes a true claim Inconclusive. Declared with the measured cost it covers.
   */
  readonly budgetSeconds?: Partial<Record<ProfileName, number>>;
  /** Pinned examples: always run first, never shrunk (Hypothesis' @example). */
  readonly examples?: readonly H[];
  readonly target?: Targeting<H>;
  /** Readable one-line rendering of a case, for counterexample reports. */
  readonly describe?: (h: H) => string;
  /** Where the check depends on [M]/[R] items or deviates from the catalog, and why. */
  readonly notes?: string;
  /** Largest share of cases that may be skipped before the run is Inconclusive. */
  readonly maxSkipShare?: number;
  /** Regions of the hypothesis space the generator must reach, with minimum shares. */
  readonly cover?: readonly CoverRequirement<H>[];
  /** Plot hints for reports; mutants inherit their claim's, drawn against the rate they break. */
  readonly plot?: PlotHints;
  /** Default 'theorem'; 'hypothesis' for statements the paper does not prove (not for exact claims). */
  readonly subject?: ClaimSubject;
  /** Statistical and scaling claims: the pre-declared design of the test (Design.ts). */
  readonly design?: StatisticalDesign<H>;
  /**
   * The score targeted search climbs (higher = closer to a violation). Default: the scale-free
   * slack (lhs - rhs) / (|lhs| + |rhs| + tiny) of the tightest condition, with cases whose sides
   * both vanish skipped as degenerate ties. Return undefined for a case not worth climbing from.
   */
  readonly score?: (e: Evidence) => number | undefined;
  /**
   * Re-evaluates a case's conditions at high precision (>= 40 significant digits, e.g. with
   * decimal.js), returning each side as a decimal string: the strongest certificate of a
   * counterexample. Without it, counterexamples are certified on the executable bound's quantities.
   */
  readonly certify?: (h: H) => readonly DecimalCondition[] | Promise<readonly DecimalCondition[]>;
  /** Top-level fields whose real numbers a counterexample may round (default: `target.fields`). */
  readonly simplify?: readonly string[];
  /**
   * How far this result's numbers may move before `claimcheck ci` calls it drift, where the
   * default (float64, rel 1e-9) is too tight: e.g. `{ default: FLOAT32_TRAINED_BASELINE }` for
   * numbers that pass through float32 training. Data with a reason, like `tolerance`. A mutant does
   * not inherit its claim's: it declares its own (so a new float64 mutant is never judged loosely).
   */
  readonly baselineTolerance?: ClaimBaselineTolerance;
}

/** One condition evaluated at high precision: sides as decimal strings. */
export interface DecimalCondition {
  readonly name: string;
  readonly lhs: string;
  readonly op: Relation;
  readonly rhs: string;
}

export interface Claim<H = any> extends ClaimBody<H> {
  readonly type: 'claim';
  readonly id: string;
  readonly paper: PaperRef;
  readonly theorem: string;
  /** Catalog labels, e.g. "V2, C". */
  readonly confidence: string;
  readonly kind: ClaimKind;
}

export interface Mutant<H = any> extends ClaimBody<H> {
  readonly type: 'mutant';
  readonly id: string;
  readonly of: Claim;
  /** What was changed to make the statement false. */
  readonly change: string;
  readonly status: MutantStatus;
  /** The catalog's description of the shrunk counterexample, to compare with ours. */
  readonly expected?: string;
  readonly kind: ClaimKind;
  /** Why the mutant exists (Design.ts); only assumption, power and bound mutants count in the mutation score. */
  readonly purpose: MutantPurpose;
}

export type Checkable = Claim | Mutant;

const CLAIM_ID = /^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/;

/** Definition order: module namespaces list exports alphabetically, reports want file order. */
let definitions = 0;
const ORDER = new WeakMap<object, number>();

export function definitionOrder(c: object): number {
  return ORDER.get(c) ?? Number.MAX_SAFE_INTEGER;
}

function ordered<T extends object>(c: T): T {
  ORDER.set(c, definitions++);
  return c;
}

export function defineClaim<H>(spec: Omit<Claim<H>, 'type'>): Claim<H> {
  if (!CLAIM_ID.test(spec.id)) {
    throw new TypeError(`defineClaim: id "${spec.id}" must look like <paperKey>/<theorem>/<slug> in lower-case kebab-case`);
  }
  if (!spec.id.startsWith(`${spec.paper.key}/`)) {
    throw new TypeError(`defineClaim: id "${spec.id}" must start with its paper key "${spec.paper.key}/"`);
  }
  if (!spec.tolerance?.reason) {
    throw new TypeError(`defineClaim(${spec.id}): tolerance needs a stated reason`);
  }
  validateBody(spec.id, spec.kind, spec);
  if (spec.subject === 'hypothesis' && spec.kind === 'exact') {
    throw new TypeError(
      `defineClaim(${spec.id}): an exact claim is Verified or Refuted; a hypothesis the paper does not prove must be statistical or scaling`,
    );
  }
  return ordered(Object.freeze({ ...spec, type: 'claim' as const }));
}

/**
 * A deliberately false variant. It inherits everything from the claim it mutates except what it
 * overrides; a mutant that changes the hypothesis type must override `hypotheses` and `check`.
 */
export function defineMutant<H, H2 = H>(
  spec: {
    readonly of: Claim<H>;
    readonly id: string;
    readonly change: string;
    readonly status: MutantStatus;
    readonly expected?: string;
    readonly kind?: ClaimKind;
    /** Default 'assumption' (a dropped hypothesis); 'power', 'bound' or 'sanity' otherwise. */
    readonly purpose?: MutantPurpose;
  } & Partial<ClaimBody<H2>>,
): Mutant<H2> {
  const { of } = spec;
  if (!spec.id.startsWith(`${of.id}~`) || !/^[a-z0-9-]+$/.test(spec.id.slice(of.id.length + 1))) {
    throw new TypeError(`defineMutant: id "${spec.id}" must be "${of.id}~<slug>" in kebab-case`);
  }
  const merged = { ...(of as unknown as ClaimBody<H2>), ...spec } as Record<string, unknown>;
  // Pinned examples and targeting belong to the original hypothesis space; never inherit them
  // silently into a mutant with its own space.
  if (spec.hypotheses !== undefined) {
    if (spec.examples === undefined) delete merged.examples;
    if (spec.target === undefined) delete merged.target;
    if (spec.describe === undefined) delete merged.describe;
    if (spec.cover === undefined) delete merged.cover;
  }
  // The bound, its score and its certificate describe the claim's own check; a mutant with a check
  // of its own (not the claim's function) does not silently inherit them.
  if (spec.check !== undefined && spec.check !== (of.check as unknown)) {
    if (spec.bound === undefined) delete merged.bound;
    if (spec.score === undefined) delete merged.score;
    if (spec.certify === undefined) delete merged.certify;
  }
  if (spec.baselineTolerance === undefined) delete merged.baselineTolerance;
  delete merged.type;
  delete merged.paper;
  delete merged.theorem;
  delete merged.confidence;
  const purpose = spec.purpose ?? 'assumption';
  if (!MUTANT_PURPOSES.includes(purpose)) {
    throw new TypeError(`defineMutant(${spec.id}): purpose must be one of ${MUTANT_PURPOSES.join(', ')}, got "${String(purpose)}"`);
  }
  const kind = spec.kind ?? of.kind;
  validateBody(spec.id, kind, merged as Partial<ClaimBody<H2>>);
  return ordered(Object.freeze({ ...merged, kind, purpose, type: 'mutant' as const }) as Mutant<H2>);
}

export function isCheckable(x: unknown): x is Checkable {
  return (
    typeof x === 'object' &&
    x !== null &&
    ((x as Checkable).type === 'claim' || (x as Checkable).type === 'mutant') &&
    typeof (x as Checkable).id === 'string' &&
    typeof (x as Checkable).check === 'function'
  );
}

export function paperOf(c: Checkable): PaperRef {
  return c.type === 'claim' ? c.paper : c.of.paper;
}

/**
 * Checks a claim's or mutant's declarations when it is defined, so a mistake is reported where it
 * is made: a design on an exact claim, an alpha outside (0, 1), a calibration without seeds or
 * note, a pinned example that reuses a calibration seed (calibration seeds are never verdict seeds).
 */
function validateBody(id: string, kind: ClaimKind, b: Partial<ClaimBody<any>>): void {
  const fail = (what: string): never => {
    throw new TypeError(`${id}: ${what}`);
  };
  const d = b.design;
  if (isExecutable(b.bound)) {
    const { expression, quantity, condition } = b.bound;
    if (!expression || !quantity || !condition?.name || !condition.lhs || !condition.rhs) {
      fail('an executable bound needs expression, quantity and condition {name, lhs, op, rhs}');
    }
  }
  if (d === undefined) return;
  if (kind === 'exact') fail('design belongs to statistical and scaling claims; an exact claim is Verified or Refuted');
  if (d.alpha !== undefined && !(d.alpha > 0 && d.alpha < 1)) fail(`design.alpha must be in (0, 1), got ${d.alpha}`);
  if (d.falseAlarm && !(d.falseAlarm.stageRate >= 0 && d.falseAlarm.stageRate <= 1 && d.falseAlarm.how)) {
    fail('design.falseAlarm needs a stageRate in [0, 1] and how it was established');
  }
  const cal = d.calibration;
  if (cal) {
    if (!Array.isArray(cal.seeds) || cal.seeds.length === 0 || !cal.seeds.every(Number.isInteger) || !cal.note) {
      fail('design.calibration needs integer seeds and a one-line note');
    }
    if (d.seeds) {
      for (const ex of b.examples ?? []) {
        const reused = d.seeds(ex).filter((s) => cal.seeds.includes(s));
        if (reused.length > 0) {
          fail(
            `pinned example uses calibration seed(s) ${reused.join(', ')}; calibration seeds are never verdict seeds: pick fresh pinned seeds`,
          );
        }
      }
    }
  }
}
