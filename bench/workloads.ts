/** The five workloads by name, in the README's order. */
import { gdTwoLayer } from './gdTwoLayer.js';
import { krrReluNtk } from './krrReluNtk.js';
import { matmulPeak } from './matmulPeak.js';
import { sgdShamirTweak } from './sgdShamirTweak.js';
import { shamirThm1Eval } from './shamirThm1Eval.js';
import type { Workload, WorkloadName } from './workload.js';

export const WORKLOADS: Record<WorkloadName, Workload<never>> = {
  'gd-two-layer': gdTwoLayer as Workload<never>,
  'sgd-shamir-tweak': sgdShamirTweak as Workload<never>,
  'krr-relu-ntk': krrReluNtk as Workload<never>,
  'shamir-thm1-eval': shamirThm1Eval as Workload<never>,
  'matmul-peak': matmulPeak as Workload<never>,
};
