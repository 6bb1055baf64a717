/**
 * Scalar losses ell(p; y) in float64 with the metadata the theorems need.
 *
 * Shamir 2018, Assumption 1: ell(p; y) is twice differentiable and convex in the prediction p.
 * The `convex` flag is what claims read to decide whether a theorem applies; the non-convex
 * losses exist only for mutants. TF.js forms of the same losses live in `tf/tfLosses.ts` and are
 * tested against these.
 */
export const CONVEX_LOSSES = ['squared', 'logistic', 'softplus', 'log-cosh', 'smoothed-hinge'] as const;
export const NONCONVEX_LOSSES = ['saturating-gaussian', 'sigmoid'] as const;
export type ConvexLossName = (typeof CONVEX_LOSSES)[number];
export type LossName = ConvexLossName | (typeof NONCONVEX_LOSSES)[number];
export const LOSS_NAMES: readonly LossName[] = [...CONVEX_LOSSES, ...NONCONVEX_LOSSES];

export interface Loss {
  readonly name: LossName;
  /** Convex in p for every y (Assumption 1 of Shamir 2018). */
  readonly convex: boolean;
  /** Twice continuously differentiable in p. */
  readonly smooth: boolean;
  /** Labels the loss is meant for (logistic and hinge want y in {-1, +1}; any real y is valid). */
  readonly labels: 'real' | 'sign';
  /** Lipschitz constant in p on |p| <= radius, for labels with |y| <= yMax. */
  lipschitz(radius: number, yMax: number): number;
  /** Bound on |ell(p; y)| over |p| <= radius, |y| <= yMax. */
  bound(radius: number, yMax: number): number;
  value(p: number, y: number): number;
  /** d ell / dp */
  d1(p: number, y: number): number;
  /** d^2 ell / dp^2 */
  d2(p: number, y: number): number;
}

/** log(1 + e^t) without overflow. */
export function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/**
 * log(cosh(t)) without overflow (|t| + log1p(e^{-2|t|}) - log 2) and, for |t| < 1, without
 * cancellation: there that form subtracts ~log 2 from ~log 2 and loses all relative accuracy near
 * t = 0 (where log cosh t ~ t^2 / 2), while log1p(cosh t - 1) = log1p(2 sinh(t/2)^2) keeps it.
 */
function logCosh(t: number): number {
  const a = Math.abs(t);
  if (a < 1) return Math.log1p(2 * Math.sinh(a / 2) ** 2);
  return a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

/** Smoothing width of the smoothed hinge; softplus smoothing keeps it C^2 (Assumption 1). */
export const HINGE_GAMMA = 0.5;

const LOSSES: Record<LossName, Loss> = {
  squared: {
    name: 'squared',
    convex: true,
    smooth: true,
    labels: 'real',
    lipschitz: (r, y) => r + y,
    bound: (r, y) => 0.5 * (r + y) ** 2,
    value: (p, y) => 0.5 * (p - y) ** 2,
    d1: (p, y) => p - y,
    d2: () => 1,
  },
  logistic: {
    name: 'logistic',
    convex: true,
    smooth: true,
    labels: 'sign',
    lipschitz: (_r, y) => y,
    bound: (r, y) => softplus(r * y),
    value: (p, y) => softplus(-y * p),
    d1: (p, y) => -y * sigmoid(-y * p),
    d2: (p, y) => y * y * sigmoid(y * p) * sigmoid(-y * p),
  },
  softplus: {
    name: 'softplus',
    convex: true,
    smooth: true,
    labels: 'real',
    lipschitz: () => 1,
    bound: (r, y) => softplus(r + y),
    value: (p, y) => softplus(p - y),
    d1: (p, y) => sigmoid(p - y),
    d2: (p, y) => sigmoid(p - y) * sigmoid(y - p),
  },
  'log-cosh': {
    name: 'log-cosh',
    convex: true,
    smooth: true,
    labels: 'real',
    lipschitz: () => 1,
    bound: (r, y) => logCosh(r + y),
    value: (p, y) => logCosh(p - y),
    d1: (p, y) => Math.tanh(p - y),
    d2: (p, y) => 1 - Math.tanh(p - y) ** 2,
  },
  'smoothed-hinge': {
    // gamma * softplus((1 - y p) / gamma): convex, C^infinity, tends to the hinge as gamma -> 0.
    name: 'smoothed-hinge',
    convex: true,
    smooth: true,
    labels: 'sign',
    lipschitz: (_r, y) => y,
    bound: (r, y) => HINGE_GAMMA * softplus((1 + r * y) / HINGE_GAMMA),
    value: (p, y) => HINGE_GAMMA * softplus((1 - y * p) / HINGE_GAMMA),
    d1: (p, y) => -y * sigmoid((1 - y * p) / HINGE_GAMMA),
    d2: (p, y) => {
      const s = sigmoid((1 - y * p) / HINGE_GAMMA);
      return (y * y * s * (1 - s)) / HINGE_GAMMA;
    },
  },
  'saturating-gaussian': {
    // 1 - exp(-(p - y)^2): the catalog's non-convex mutant loss; saturates far from the label.
    name: 'saturating-gaussian',
    convex: false,
    smooth: true,
    labels: 'real',
    lipschitz: () => Math.sqrt(2) * Math.exp(-0.5),
    bound: () => 1,
    value: (p, y) => 1 - Math.exp(-((p - y) ** 2)),
    d1: (p, y) => 2 * (p - y) * Math.exp(-((p - y) ** 2)),
    d2: (p, y) => {
      const t = p - y;
      return (2 - 4 * t * t) * Math.exp(-t * t);
    },
  },
  sigmoid: {
    // sigma(-y p): a bounded, non-convex surrogate of the 0-1 loss.
    name: 'sigmoid',
    convex: false,
    smooth: true,
    labels: 'sign',
    lipschitz: (_r, y) => y / 4,
    bound: () => 1,
    value: (p, y) => sigmoid(-y * p),
    d1: (p, y) => -y * sigmoid(-y * p) * sigmoid(y * p),
    d2: (p, y) => {
      const s = sigmoid(-y * p);
      return y * y * s * (1 - s) * (1 - 2 * s);
    },
  },
};

export function lossByName(name: string): Loss {
  const loss = (LOSSES as Record<string, Loss | undefined>)[name];
  if (!loss) throw new RangeError(`unknown loss "${name}"; choose one of: ${LOSS_NAMES.join(', ')}`);
  return loss;
}
