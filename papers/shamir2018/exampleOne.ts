import { lossByName, residualGradient, residualHessian, residualLoss, type ResidualData, type SmoothFunction } from 'claimcheck/core';

/**
 * Shamir 2018 Example 1: scalars, x = y = 1, f(x) = eps x, squared loss, so
 * F(w, v) = (1/2)(w(1 + eps v) - 1)^2. The saddle (0, -1/eps) is exactly stationary with Hessian
 * eigenvalues +-eps; powers of two keep every number exact.
 */
export function exampleOneData(eps: number): ResidualData {
  return { X: [[1]], Fx: [[eps]], y: [1], loss: lossByName('squared') };
}

/** F + (lam/2)(w^2 + v^2) on Example 1 (the regularisation remark's reconstruction). */
export function regularizedExampleOne(eps: number, lam: number): SmoothFunction {
  const data = exampleOneData(eps);
  return {
    value: ([w, v]) => residualLoss(data, [w], [[v]]) + (lam / 2) * (w * w + v * v),
    gradient: ([w, v]) => {
      const g = residualGradient(data, [w], [[v]]);
      return [g.gw[0] + lam * w, g.gV[0][0] + lam * v];
    },
    hessian: ([w, v]) => {
      const H = residualHessian(data, [w], [[v]]);
      return [
        [H[0][0] + lam, H[0][1]],
        [H[1][0], H[1][1] + lam],
      ];
    },
  };
}

/** min_w (1/2)(w - 1)^2 + (lam/2) w^2 = lam / (2 (1 + lam)): the regularised linear optimum. */
export function regularizedLinearOptimum(lam: number): number {
  return lam / (2 * (1 + lam));
}
