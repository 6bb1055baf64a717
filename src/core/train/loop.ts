/**
 * The training loop shared by every trainer; an optimiser is only an `UpdateRule`.
 *
 * Cost model (tfjs ops cost ~10 us each on small tensors): one tf.tidy per step holding the
 * minibatch gather, forward, backward and update; nothing is read back to JS except at logging
 * points (full-data loss, which is also where NaN/Inf is detected). Ownership: the caller's params
 * are cloned, never disposed; every tensor created here is disposed or returned.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../models/Model.js';
import '../tf/gradients.js';
import { tfLoss, type TfLoss } from '../tf/tfLosses.js';
import { checkParams, prepareData, selectTrainable, type TrainData } from './data.js';
import { MinibatchSampler } from './minibatch.js';
import type { LogEntry, TrainOptions, TrainResult } from './Trainer.js';

export interface RuleContext {
  /** Names of the trainable tensors, in the order of `values` and `grads`. */
  readonly names: readonly string[];
  /** Chain count when params carry a leading chain axis. */
  readonly chains: number | undefined;
}

export interface UpdateRule {
  readonly name: string;
  /** Optimiser state (e.g. Adam moments), created once; the loop owns and disposes it. */
  initState?(values: readonly tf.Tensor[], ctx: RuleContext): tf.Tensor[];
  /** Maps the start point into the feasible set (projected methods); runs inside a tidy. */
  start?(values: readonly tf.Tensor[], ctx: RuleContext): tf.Tensor[];
  /** One update, run inside the step's tidy; `step` is 0-based. */
  update(
    values: readonly tf.Tensor[],
    grads: readonly tf.Tensor[],
    state: readonly tf.Tensor[],
    lr: tf.Scalar,
    step: number,
    ctx: RuleContext,
  ): { values: tf.Tensor[]; state: tf.Tensor[] };
}

function positiveInt(who: string, name: string, v: unknown, allowZero = false): number {
  if (!Number.isInteger(v) || (v as number) < (allowZero ? 0 : 1)) {
    throw new RangeError(`${who}: ${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(v)}`);
  }
  return v as number;
}

/** Per-chain mean loss: a scalar, or [C] when batched. */
function chainLoss(loss: TfLoss, pred: tf.Tensor, y: tf.Tensor, chains: number | undefined): tf.Tensor {
  const L = loss(pred, y);
  return chains === undefined ? tf.mean(L) : tf.mean(L, [1, 2]);
}

export function runTraining(opts: TrainOptions, rule: UpdateRule, batchSize?: number): TrainResult {
  const who = rule.name;
  const { model, onStep } = opts;
  const steps = positiveInt(who, 'steps', opts.steps, true);
  const chains = opts.chains === undefined ? undefined : positiveInt(who, 'chains', opts.chains);
  const logEvery = positiveInt(who, 'logEvery', opts.logEvery ?? Math.max(1, Math.ceil(steps / 20)));
  if ((opts.lr === undefined) === (opts.schedule === undefined)) {
    throw new RangeError(`${who}: give exactly one of lr (a number) and schedule (step => lr)`);
  }
  if (opts.lr !== undefined && !Number.isFinite(opts.lr)) throw new RangeError(`${who}: lr must be finite, got ${opts.lr}`);
  if (batchSize !== undefined) positiveInt(who, 'batchSize', batchSize);
  if (batchSize !== undefined && opts.key === undefined) {
    throw new RangeError(`${who}: minibatch training needs a key (e.g. fold(runKey, 'sgd')) to draw samples`);
  }
  const loss = typeof opts.loss === 'function' ? opts.loss : tfLoss(opts.loss);
  checkParams(who, model, opts.params, chains);
  const names = selectTrainable(who, opts.params, opts.trainable);
  const ctx: RuleContext = { names, chains };

  const data: TrainData = prepareData(who, model, opts.X, opts.y, chains);
  const sampler = batchSize === undefined ? undefined : new MinibatchSampler(data, batchSize, opts.key!, chains);
  let current: Params = Object.fromEntries(Object.entries(opts.params).map(([k, t]) => [k, tf.clone(t)]));
  let state: tf.Tensor[] = [];
  let lossSum: tf.Tensor | undefined;
  const lrConst = opts.lr === undefined ? undefined : tf.scalar(opts.lr);
  const history: LogEntry[] = [];
  const nChains = chains ?? 1;
  const divergedChains: boolean[] = new Array<boolean>(nChains).fill(false);

  const replace = (next: Params): void => {
    for (const [k, t] of Object.entries(next)) {
      if (current[k] !== t) current[k]?.dispose();
    }
    current = { ...current, ...next };
  };
  const log = (step: number): boolean => {
    const F = tf.tidy(() => chainLoss(loss, model.apply(current, data.X as tf.Tensor2D), data.y, chains));
    const values = Array.from(F.dataSync(), Number);
    F.dispose();
    values.forEach((v, c) => (divergedChains[c] ||= !Number.isFinite(v)));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    history.push(chains === undefined ? { step, loss: mean } : { step, loss: mean, chainLosses: values });
    return divergedChains.every(Boolean); // stop once nothing is left to train
  };

  try {
    if (rule.start)
      replace(
        tf.tidy(() =>
          zip(
            names,
            rule.start!(
              names.map((k) => current[k]),
              ctx,
            ),
          ),
        ),
      );
    state = rule.initState
      ? rule.initState(
          names.map((k) => current[k]),
          ctx,
        )
      : [];
    let done = 0;
    let stop = log(0);
    for (let t = 0; t < steps && !stop; t++) {
      if (onStep) {
        const next = onStep(t, current);
        if (next) replace(checkReplacement(who, t, current, next));
      }
      const out = tf.tidy(() => {
        const batch = sampler ? sampler.next() : { X: data.X, y: data.y };
        let kept: tf.Tensor | undefined;
        const objective = (...vals: tf.Tensor[]): tf.Scalar => {
          const L = chainLoss(loss, model.apply({ ...current, ...zip(names, vals) }, batch.X as tf.Tensor2D), batch.y, chains);
          if (chains === undefined) return L as tf.Scalar;
          // Full-batch runs reuse the per-chain values for the running mean: keep them past the
          // gradient's own scope (disposed below).
          if (opts.trackMeanLoss && !sampler) kept = tf.keep(L);
          return tf.sum(L);
        };
        const { value, grads } = tf.valueAndGrads(objective)(names.map((k) => current[k]));
        let sum: tf.Tensor | undefined;
        if (opts.trackMeanLoss) {
          const F = sampler ? chainLoss(loss, model.apply(current, data.X as tf.Tensor2D), data.y, chains) : (kept ?? value);
          sum = lossSum ? tf.add(lossSum, F) : tf.clone(F);
          kept?.dispose();
        }
        let lr = lrConst;
        if (!lr) {
          const v = opts.schedule!(t);
          if (!Number.isFinite(v)) throw new RangeError(`${who}: schedule(${t}) returned ${v}; it must return a finite number`);
          lr = tf.scalar(v);
        }
        const res = rule.update(
          names.map((k) => current[k]),
          grads,
          state,
          lr,
          t,
          ctx,
        );
        return { values: res.values, state: res.state, sum };
      });
      replace(zip(names, out.values));
      tf.dispose(state.filter((s) => !out.state.includes(s)));
      state = out.state;
      if (out.sum) {
        lossSum?.dispose();
        lossSum = out.sum;
      }
      done = t + 1;
      if (done % logEvery === 0 || done === steps) stop = log(done);
    }
    const chainMean = lossSum && done > 0 ? Array.from(lossSum.dataSync(), (s) => s / done) : undefined;
    const result: TrainResult = {
      params: current,
      history,
      diverged: divergedChains.some(Boolean),
      steps: done,
      ...(chains === undefined ? {} : { divergedChains }),
      ...(chainMean === undefined ? {} : { meanLoss: chainMean.reduce((a, b) => a + b, 0) / chainMean.length }),
      ...(chainMean === undefined || chains === undefined ? {} : { chainMeanLoss: chainMean }),
    };
    return result;
  } catch (e) {
    tf.dispose(Object.values(current));
    throw e;
  } finally {
    tf.dispose([...state, ...data.owned]);
    lossSum?.dispose();
    lrConst?.dispose();
    sampler?.dispose();
  }
}

/** onStep may only swap existing parameters for tensors of the same shape. */
function checkReplacement(who: string, step: number, current: Params, next: Params): Params {
  for (const [k, t] of Object.entries(next)) {
    const old = current[k];
    if (old === undefined)
      throw new RangeError(`${who}: onStep(${step}) returned unknown parameter "${k}"; it may only replace existing ones`);
    if (!tf.util.arraysEqual(old.shape, t.shape)) {
      throw new RangeError(
        `${who}: onStep(${step}) returned "${k}" with shape [${t.shape.join(', ')}], expected [${old.shape.join(', ')}]`,
      );
    }
  }
  return next;
}

function zip(names: readonly string[], values: readonly tf.Tensor[]): Params {
  return Object.fromEntries(names.map((k, i) => [k, values[i]]));
}
