/**
 * Projected SGD: an SGD step, then the chosen group of parameters is projected *jointly* onto the
 * Euclidean ball of radius b: u <- u * min(1, b / ||u||) with u the concatenation of the group
 * (Shamir 2018 Thm 4: (w, v) with sqrt(||w||^2 + ||v||^2) <= b; projecting w and v separately
 * would be a different, larger feasible set). The start point is projected too, so every iterate,
 * including iterate 0, lies in the ball. Per chain when batched.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectTrainable } from './data.js';
import { runTraining, type RuleContext, type UpdateRule } from './loop.js';
import type { SgdOptions } from './sgd.js';
import type { TrainResult } from './Trainer.js';

export interface Projection {
  /** Parameter names (trailing `*` = prefix) projected jointly; all must be trainable. */
  readonly names: readonly string[];
  /** Radius b > 0 of the ball. */
  readonly radius: number;
}

export interface ProjectedSgdOptions extends SgdOptions {
  readonly project: Projection;
}

/**
 * Scales `values` jointly onto the ball of radius `radius` (per chain when `chains` is set:
 * the norm then runs over all axes but the first).
 */
export function projectJointly(values: readonly tf.Tensor[], radius: number, chains: number | undefined): tf.Tensor[] {
  return tf.tidy(() => {
    const sq = values.map((v) => (chains === undefined ? tf.sum(tf.square(v)) : tf.sum(tf.reshape(tf.square(v), [chains, -1]), 1)));
    const norm = tf.sqrt(sq.length === 1 ? sq[0] : tf.addN(sq));
    // radius / 0 = Inf, so the origin maps to itself (min(1, Inf) = 1).
    const scale = tf.minimum(1, tf.div(radius, norm));
    return values.map((v) => tf.mul(v, chains === undefined ? scale : tf.reshape(scale, [chains, ...v.shape.slice(1).map(() => 1)])));
  });
}

function projectedRule(group: readonly string[], radius: number): UpdateRule {
  const project = (values: readonly tf.Tensor[], ctx: RuleContext): tf.Tensor[] => {
    const idx = group.map((g) => ctx.names.indexOf(g));
    const projected = projectJointly(
      idx.map((i) => values[i]),
      radius,
      ctx.chains,
    );
    const out = [...values];
    idx.forEach((i, j) => (out[i] = projected[j]));
    return out;
  };
  return {
    name: 'projectedSgd',
    start: project,
    update: (values, grads, state, lr, _step, ctx) => ({
      values: project(
        values.map((v, i) => tf.sub(v, tf.mul(lr, grads[i]))),
        ctx,
      ),
      state: [...state],
    }),
  };
}

export function projectedSgd(options: ProjectedSgdOptions): TrainResult {
  const { project } = options;
  if (project === undefined || !(project.radius > 0) || !Number.isFinite(project.radius)) {
    throw new RangeError(`projectedSgd: project.radius must be a finite number > 0, got ${String(project?.radius)}`);
  }
  const group = selectTrainable('projectedSgd', options.params, project.names, 'project.names');
  const trainable = selectTrainable('projectedSgd', options.params, options.trainable);
  const frozen = group.filter((g) => !trainable.includes(g));
  if (frozen.length > 0) {
    throw new RangeError(`projectedSgd: project.names includes frozen parameters (${frozen.join(', ')}); add them to trainable`);
  }
  return runTraining(options, projectedRule(group, project.radius), options.batchSize ?? 1);
}
