import {
  linearLoss,
  norm2,
  residualGradient,
  residualHessian,
  residualLoss,
  spectralNorm,
  symmetricEigenvalues,
  type ResidualData,
} from 'claimcheck/core';

/**
 * Both sides of Shamir 2018's Thms 1 and 2 in float64, written out once so the claims, their
 * mutants and Cor 1's training check evaluate the same formulas.
 */
export interface Thm1Sides {
  readonly F: number;
  readonly FLin: number;
  readonly gradNorm: number;
  readonly normW: number;
  readonly normV: number;
  readonly normWStar: number;
  /** ||grad F|| sqrt(2||w||^2 + ||w*||^2 (2 + ||V||^2 / ||w||^2)) */
  readonly bound: number;
}

/** Thm 1: F(w, V) - F_lin(w*) <= bound, for every w != 0 and every w*. */
export function thm1Sides(
  data: ResidualData,
  w: readonly number[],
  V: readonly (readonly number[])[],
  wStar: readonly number[],
): Thm1Sides {
  const F = residualLoss(data, w, V);
  const FLin = linearLoss(data.X, data.y, data.loss, wStar);
  const gradNorm = residualGradient(data, w, V).norm;
  const normW = norm2(w);
  const normV = spectralNorm(V);
  const normWStar = norm2(wStar);
  const bound = gradNorm * Math.sqrt(2 * normW ** 2 + normWStar ** 2 * (2 + normV ** 2 / normW ** 2));
  return { F, FLin, gradNorm, normW, normV, normWStar, bound };
}

export interface ZeroWCurvature {
  readonly lambdaMin: number;
  /** Spectral norm of the full Hessian, the scale of the eigensolver's round-off. */
  readonly hessianNorm: number;
  /** Spectral norm of d2F/dw2 at (0, V). */
  readonly wwNorm: number;
}

export interface Thm2Sides extends ZeroWCurvature {
  readonly F: number;
  readonly FLin: number;
  readonly gradNorm: number;
  readonly normV: number;
  readonly normWStar: number;
  /** ||grad F(0,V)|| + ||V|| sqrt(|lam| ||d2F/dw2|| + lam^2) */
  readonly curvatureTerm: number;
}

/** The spectrum of Hess F_theta(0, V) that Thm 2 (a) is about; needs no comparator. */
export function zeroWCurvature(data: ResidualData, V: readonly (readonly number[])[]): ZeroWCurvature {
  const d = V.length;
  const H = residualHessian(data, new Array<number>(d).fill(0), V);
  const eig = symmetricEigenvalues(H);
  return {
    lambdaMin: eig[0],
    hessianNorm: Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1])),
    wwNorm: spectralNorm(H.slice(0, d).map((r) => r.slice(0, d))),
  };
}

/** Thm 2 at w = 0: (a) lambda_min <= 0 and (b) curvatureTerm >= (F(0,V) - F_lin(w*)) / ||w*||. */
export function thm2Sides(data: ResidualData, V: readonly (readonly number[])[], wStar: readonly number[]): Thm2Sides {
  const d = V.length;
  const w0 = new Array<number>(d).fill(0);
  const { lambdaMin: lam, hessianNorm, wwNorm } = zeroWCurvature(data, V);
  const normV = spectralNorm(V);
  const gradNorm = residualGradient(data, w0, V).norm;
  return {
    F: residualLoss(data, w0, V),
    FLin: linearLoss(data.X, data.y, data.loss, wStar),
    gradNorm,
    lambdaMin: lam,
    hessianNorm,
    wwNorm,
    normV,
    normWStar: norm2(wStar),
    curvatureTerm: gradNorm + normV * Math.sqrt(Math.abs(lam) * wwNorm + lam * lam),
  };
}
