import { describe, expect, it } from 'vitest';
import { fitLogistic, probability, type LogisticProblem, type SparseRow } from '../../src/fit/logistic.js';

// Feature 0: intercept; feature 1: a cue that is present in 9 of 10 positives and 1 of 10 negatives.
function problem(): LogisticProblem {
  const rows: SparseRow[] = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < 10; i += 1) {
    rows.push(i < 9 ? [[0, 1], [1, 1]] : [[0, 1]]);
    labels.push(1);
    rows.push(i < 1 ? [[0, 1], [1, 1]] : [[0, 1]]);
    labels.push(0);
  }
  return { rows, labels, features: 2, penalised: [0, 1] };
}

describe('fitLogistic', () => {
  it('reaches the maximum-likelihood weights of a small table', () => {
    const w = fitLogistic(problem(), 0);
    // With the cue: 9 positives of 10 → p = 0.9; without: 1 of 10 → p = 0.1.
    expect(probability(w, [[0, 1], [1, 1]])).toBeCloseTo(0.9, 3);
    expect(probability(w, [[0, 1]])).toBeCloseTo(0.1, 3);
  });

  it('shrinks penalised weights as the penalty grows, never the unpenalised intercept to zero', () => {
    const weak = fitLogistic(problem(), 0.01);
    const strong = fitLogistic(problem(), 1);
    expect(Math.abs(strong[1]!)).toBeLessThan(Math.abs(weak[1]!));
    expect(strong[1]!).toBeGreaterThan(0);
  });

  it('gives the same weights on every call', () => {
    expect([...fitLogistic(problem(), 0.1)]).toEqual([...fitLogistic(problem(), 0.1)]);
  });
});
