import * as fc from 'fast-check';

/**
 * `source.chain(chainer)` with steadier shrinking.
 *
 * fast-check's chain redraws the dependent value from the random state captured BEFORE the
 * source was drawn whenever it shrinks the source, so a smaller d or k comes with entirely new
 * data and weights: each shrink step is a lottery and shrinking stalls (we saw d = 7 and k = 6
 * left on counterexamples that held at d = k = 1). Here the dependent value is redrawn from the
 * state the original draw started from, so it reuses the same random stream: everything drawn
 * before the first size-dependent array is identical, and arrays keep their leading entries.
 * Deterministic, so seeds and fast-check's replay paths still reproduce a case.
 */
interface StableContext<S, T> {
  readonly tag: typeof TAG;
  readonly src: fc.Value<S>;
  /** Random state right after the source was drawn (never advanced; cloned for each redraw). */
  readonly bodyMrng: fc.Random;
  readonly bias: number | undefined;
  readonly body: fc.Arbitrary<T>;
  readonly bodyContext: unknown;
  /** Once the dependent value has been shrunk, the source is left alone (as fc.chain does). */
  readonly stopped: boolean;
}

const TAG = Symbol('stableChain');

class StableChainArbitrary<S, T> extends fc.Arbitrary<T> {
  constructor(
    private readonly source: fc.Arbitrary<S>,
    private readonly chainer: (s: S) => fc.Arbitrary<T>,
  ) {
    super();
  }

  generate(mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    const src = this.source.generate(mrng, bias);
    return this.draw(src, mrng.clone(), mrng, bias);
  }

  private draw(src: fc.Value<S>, bodyMrng: fc.Random, mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    const body = this.chainer(src.value_);
    const v = body.generate(mrng, bias);
    const ctx: StableContext<S, T> = { tag: TAG, src, bodyMrng, bias, body, bodyContext: v.context, stopped: false };
    return new fc.Value(v.value_, ctx);
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false; // the source cannot be recovered from a dependent value
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (!isStableContext<S, T>(context)) return fc.Stream.nil();
    const fromSource = context.stopped
      ? fc.Stream.nil<fc.Value<T>>()
      : this.source
          .shrink(context.src.value_, context.src.context)
          .map((s) => this.draw(s, context.bodyMrng, context.bodyMrng.clone(), context.bias));
    const fromBody = context.body
      .shrink(value, context.bodyContext)
      .map((b) => new fc.Value(b.value_, { ...context, bodyContext: b.context, stopped: true }));
    return fromSource.join(fromBody);
  }
}

function isStableContext<S, T>(c: unknown): c is StableContext<S, T> {
  return typeof c === 'object' && c !== null && (c as { tag?: unknown }).tag === TAG;
}

export function stableChain<S, T>(source: fc.Arbitrary<S>, chainer: (s: S) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new StableChainArbitrary(source, chainer);
}
