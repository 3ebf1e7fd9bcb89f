/**
 * Per-row pieces of the weighted logistic log-loss with a soft target t in [0, 1] at linear
 * predictor η: loss = softplus(η) - t·η = -(t·ln σ(η) + (1 - t)·ln(1 - σ(η))), computed without
 * overflow, and σ(η) for the gradient (s - t) and Hessian s(1 - s).
 */
export function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}
