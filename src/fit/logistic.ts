/**
 * L2-regularised logistic regression on sparse rows, by preconditioned gradient descent with a
 * backtracking line search. Small on purpose: a fit has a few hundred units and features, and a
 * fixed number of iterations from zero weights makes the result the same on every machine that
 * does IEEE arithmetic in the same order (no randomness, no threads).
 */

/** One row: (feature index, value) pairs; features absent are 0. */
export type SparseRow = readonly (readonly [number, number])[];

export interface LogisticProblem {
  readonly rows: readonly SparseRow[];
  readonly labels: readonly (0 | 1)[];
  readonly features: number;
  /**
   * Per feature, the factor of the penalty on it: 1 for most, 0 when none applies (the intercept,
   * the lexicon scale), more than 1 for a group held closer to 0 (the word component).
   */
  readonly penalised: readonly number[];
}

/** Iterations of the descent: the fits of the coded corpus have converged (gradient under 1e-6) well before. */
export const MAX_ITERATIONS = 2000;
const GRADIENT_TOLERANCE = 1e-7;
const RELATIVE_GAIN = 1e-10;

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** The linear predictor of one row. */
export function linear(w: ArrayLike<number>, row: SparseRow): number {
  let z = 0;
  for (let k = 0; k < row.length; k += 1) {
    const cell = row[k]!;
    z += (w[cell[0]] ?? 0) * cell[1];
  }
  return z;
}

/** The model's probability for one row. */
export function probability(w: ArrayLike<number>, row: SparseRow): number {
  return sigmoid(linear(w, row));
}

/** Mean log-loss plus (lambda / 2) × the squared norm of the penalised weights. */
function objective(p: LogisticProblem, w: Float64Array, lambda: number): number {
  let loss = 0;
  for (let i = 0; i < p.rows.length; i += 1) {
    const z = linear(w, p.rows[i]!);
    loss += softplus(z) - (p.labels[i] === 1 ? z : 0);
  }
  let norm = 0;
  for (let j = 0; j < p.features; j += 1) norm += (p.penalised[j] ?? 0) * w[j]! * w[j]!;
  return loss / Math.max(1, p.rows.length) + (lambda / 2) * norm;
}

function gradient(p: LogisticProblem, w: Float64Array, lambda: number): Float64Array {
  const g = new Float64Array(p.features);
  const n = Math.max(1, p.rows.length);
  for (let i = 0; i < p.rows.length; i += 1) {
    const row = p.rows[i]!;
    const r = (sigmoid(linear(w, row)) - p.labels[i]!) / n;
    for (let k = 0; k < row.length; k += 1) {
      const cell = row[k]!;
      g[cell[0]] = g[cell[0]]! + r * cell[1];
    }
  }
  for (let j = 0; j < p.features; j += 1) g[j] = g[j]! + lambda * (p.penalised[j] ?? 0) * w[j]!;
  return g;
}

/**
 * Weights minimising the regularised log-loss. The step of each feature is scaled by the inverse
 * of its curvature bound (0.25 × mean x² + lambda), so that a rare entry and the lexicon score,
 * whose values run to 5 or more, move at comparable speed.
 */
export function fitLogistic(p: LogisticProblem, lambda: number, iterations = MAX_ITERATIONS): Float64Array {
  const n = Math.max(1, p.rows.length);
  const scale = new Float64Array(p.features);
  for (const row of p.rows) for (const [j, x] of row) scale[j] = scale[j]! + (0.25 * x * x) / n;
  for (let j = 0; j < p.features; j += 1) scale[j] = 1 / (scale[j]! + lambda * (p.penalised[j] ?? 0) + 1e-6);
  let w = new Float64Array(p.features);
  let f = objective(p, w, lambda);
  let step = 1;
  for (let it = 0; it < iterations; it += 1) {
    const g = gradient(p, w, lambda);
    let slope = 0;
    for (let j = 0; j < p.features; j += 1) slope += g[j]! * g[j]! * scale[j]!;
    if (slope < GRADIENT_TOLERANCE * GRADIENT_TOLERANCE) break;
    // Armijo backtracking: halve the step until the objective falls by a fair share of the slope.
    let next = new Float64Array(p.features);
    let fNext = f;
    let accepted = false;
    for (let tries = 0; tries < 40 && !accepted; tries += 1) {
      for (let j = 0; j < p.features; j += 1) next[j] = w[j]! - step * scale[j]! * g[j]!;
      fNext = objective(p, next, lambda);
      accepted = fNext <= f - 0.25 * step * slope;
      if (!accepted) step /= 2;
    }
    // No step lowers the objective any more: as low as arithmetic allows.
    if (!accepted) break;
    [w, next] = [next, w];
    // Separable data (a cue only ever in positives) has no finite optimum under a tiny penalty:
    // stop once an iteration gains next to nothing.
    const gain = f - fNext;
    f = fNext;
    if (gain < RELATIVE_GAIN * Math.max(1, f)) break;
    step = Math.min(1, step * 2);
  }
  return w;
}
