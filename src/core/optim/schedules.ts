/**
 * Learning-rate schedules: functions of the 0-based step and the total number of steps.
 */

/**
 * Step decay: lr until the first fraction in `decayAt` of `total` steps, then divided by 10 at
 * each listed fraction (step >= f * total). E.g. decayAt [0.5, 0.75] of 100 steps: lr for steps
 * 0-49, lr / 10 for 50-74, lr / 100 from 75 on.
 */
export function stepDecay(lr: number, decayAt: readonly number[], step: number, total: number): number {
  return decayAt.reduce((r, f) => (step >= f * total ? r / 10 : r), lr);
}
