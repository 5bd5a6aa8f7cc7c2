import type { SparseRow } from './logistic.js';

/**
 * L2-regularised multinomial logistic regression (softmax) on sparse rows, by L-BFGS with a
 * backtracking line search. Deterministic: zero start, fixed order of arithmetic, no randomness.
 * Used where one fit chooses among several classes (the line roles of the thread reader); the
 * one-class fits of `fit` stay in logistic.ts.
 */
export interface SoftmaxProblem {
  readonly rows: readonly SparseRow[];
  /** Class of each row, 0 … classes - 1. */
  readonly labels: readonly number[];
  readonly classes: number;
  readonly features: number;
  /** Per feature, 1 when the penalty applies (0 for the intercept). */
  readonly penalised: readonly (0 | 1)[];
}

/** Corrections kept by L-BFGS. */
const MEMORY = 10;

/** Class scores of one row; weights are laid out class-major: w[c * features + j]. */
export function softmaxScores(w: ArrayLike<number>, row: SparseRow, classes: number, features: number): number[] {
  const z = new Array<number>(classes).fill(0);
  for (const [j, x] of row) for (let c = 0; c < classes; c += 1) z[c]! += (w[c * features + j] ?? 0) * x;
  return z;
}

/** Mean negative log-likelihood plus (lambda / 2)‖w‖² and its gradient. */
function evaluate(p: SoftmaxProblem, w: Float64Array, lambda: number, g: Float64Array): number {
  const { classes: k, features: f } = p;
  g.fill(0);
  const n = Math.max(1, p.rows.length);
  let loss = 0;
  for (let i = 0; i < p.rows.length; i += 1) {
    const row = p.rows[i]!;
    const z = softmaxScores(w, row, k, f);
    const top = Math.max(...z);
    let sum = 0;
    for (let c = 0; c < k; c += 1) sum += Math.exp(z[c]! - top);
    const label = p.labels[i]!;
    loss += top + Math.log(sum) - z[label]!;
    for (let c = 0; c < k; c += 1) {
      const r = (Math.exp(z[c]! - top) / sum - (c === label ? 1 : 0)) / n;
      if (r === 0) continue;
      for (const [j, x] of row) g[c * f + j]! += r * x;
    }
  }
  let norm = 0;
  for (let c = 0; c < k; c += 1) {
    for (let j = 0; j < f; j += 1) {
      if (p.penalised[j] !== 1) continue;
      const v = w[c * f + j]!;
      norm += v * v;
      g[c * f + j]! += lambda * v;
    }
  }
  return loss / n + (lambda / 2) * norm;
}

const dot = (a: Float64Array, b: Float64Array): number => { let s = 0; for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!; return s; };

/** Weights (class-major, classes × features) minimising the regularised log-loss. */
export function fitSoftmax(p: SoftmaxProblem, lambda: number, iterations: number): Float64Array {
  const size = p.classes * p.features;
  let w = new Float64Array(size);
  let g = new Float64Array(size);
  let f = evaluate(p, w, lambda, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  for (let it = 0; it < iterations; it += 1) {
    // Two-loop recursion: d = -H g.
    const q = Float64Array.from(g);
    const alpha: number[] = [];
    for (let m = s.length - 1; m >= 0; m -= 1) {
      const a = dot(s[m]!, q) / dot(y[m]!, s[m]!);
      alpha[m] = a;
      for (let i = 0; i < size; i += 1) q[i]! -= a * y[m]![i]!;
    }
    const last = s.length - 1;
    const gamma = last >= 0 ? dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!) : 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
    for (let i = 0; i < size; i += 1) q[i]! *= gamma;
    for (let m = 0; m < s.length; m += 1) {
      const b = dot(y[m]!, q) / dot(y[m]!, s[m]!);
      for (let i = 0; i < size; i += 1) q[i]! += s[m]![i]! * (alpha[m]! - b);
    }
    const slope = -dot(g, q);
    if (slope >= 0 || Math.sqrt(dot(g, g)) < 1e-6) break;
    let step = 1;
    const next = new Float64Array(size);
    const gNext = new Float64Array(size);
    let fNext = f;
    let accepted = false;
    for (let tries = 0; tries < 30 && !accepted; tries += 1) {
      for (let i = 0; i < size; i += 1) next[i] = w[i]! - step * q[i]!;
      fNext = evaluate(p, next, lambda, gNext);
      accepted = fNext <= f + 1e-4 * step * slope;
      if (!accepted) step /= 2;
    }
    if (!accepted) break;
    const sNew = new Float64Array(size);
    const yNew = new Float64Array(size);
    for (let i = 0; i < size; i += 1) { sNew[i] = next[i]! - w[i]!; yNew[i] = gNext[i]! - g[i]!; }
    if (dot(sNew, yNew) > 1e-12) {
      s.push(sNew);
      y.push(yNew);
      if (s.length > MEMORY) { s.shift(); y.shift(); }
    }
    const gain = f - fNext;
    [w, g, f] = [next, gNext, fNext];
    if (gain < 1e-10 * Math.max(1, f)) break;
  }
  return w;
}
