import type * as fc from 'fast-check';
import type { Evidence } from './Evidence.js';
import type { Tolerance } from './Tolerance.js';

export type ClaimKind = 'exact' | 'statistical' | 'scaling';
export type ProfileName = 'quick' | 'ci' | 'thorough';
/**
 * What a statistical or scaling verdict speaks about: a theorem of the paper (the default), or a
 * hypothesis the paper states without proof (e.g. "layer-wise training fails"), whose verdicts
 * must read "consistent with the hypothesis", never as evidence for or against a theorem.
 */
export type ClaimSubject = 'theorem' | 'hypothesis';
/** Catalog status of a mutant (claims/README.md): how sure we are that it is false. */
export type MutantStatus = 'safe' | 'safe [C]' | 'expected' | 'hypothesis';

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
  /** The bound as a mathjs expression, for rendering (e.g. `norm(g) * sqrt(...)`). */
  readonly bound?: string;
  readonly hypotheses: fc.Arbitrary<H>;
  /** A pure function of the hypothesis: the same h gives the same evidence (replayability). */
  readonly check: (h: H, ctx: CheckContext) => Evidence | Promise<Evidence>;
  readonly tolerance: Tolerance;
  /** Cases per profile; statistical claims run few, expensive cases. */
  readonly runs?: Partial<Record<ProfileName, number>>;
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
  delete merged.type;
  delete merged.paper;
  delete merged.theorem;
  delete merged.confidence;
  return ordered(Object.freeze({ ...merged, kind: spec.kind ?? of.kind, type: 'mutant' as const }) as Mutant<H2>);
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
