import { describe, expect, it } from 'vitest';
import { decideLanguage, decideWithPrior, noEvidence, probabilityRight, type Calibration, type LanguageEvidence } from '../../src/language/calibrate.js';

// A calibration that reads only the margin: p = σ(8·margin − 4), 0.5 at margin 0.5.
const BY_MARGIN: Calibration = { intercept: -4, letters: 0, margin: 8, top: 0 };
const evidence = (code: string, margin: number): LanguageEvidence => ({ code, letters: 12, top: 0.5, margin });

describe('score calibration and the document prior', () => {
  it('turns evidence into a probability in [0,1] that grows with the margin', () => {
    const ps = [0, 0.25, 0.5, 0.75, 1].map((m) => probabilityRight(evidence('eng', m), BY_MARGIN));
    expect(ps.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    expect(ps[2]).toBeCloseTo(0.5);
  });

  it("answers 'und' with score 0 when there was no evidence", () => {
    expect(decideLanguage(noEvidence(2), BY_MARGIN)).toEqual({ code: 'und', score: 0 });
    expect(decideLanguage(evidence('spa', 1), BY_MARGIN)).toEqual({ code: 'spa', score: 0.982 });
  });

  it('keeps the prior language when the detector is less sure of another language than the prior is strong', () => {
    const p = probabilityRight(evidence('eng', 0.7), BY_MARGIN); // 0.83
    expect(decideWithPrior(evidence('eng', 0.7), BY_MARGIN, 'fra', 0.9).code).toBe('fra');
    expect(decideWithPrior(evidence('eng', 0.7), BY_MARGIN, 'fra', 0.8)).toEqual({ code: 'eng', score: expect.closeTo(((0.2 * p) / (0.2 * p + 0.8 * (1 - p))), 3) as number });
  });

  it('lets a confident detector overrule the prior', () => {
    expect(decideWithPrior(evidence('eng', 1), BY_MARGIN, 'fra', 0.9).code).toBe('eng');
  });

  it('raises the score when detector and prior agree', () => {
    const alone = decideLanguage(evidence('fra', 0.3), BY_MARGIN);
    const primed = decideWithPrior(evidence('fra', 0.3), BY_MARGIN, 'fra', 0.9);
    expect(primed.code).toBe('fra');
    expect(primed.score).toBeGreaterThan(alone.score);
  });

  it("keeps 'und' for a text without letters, unless told to keep a declared language", () => {
    expect(decideWithPrior(noEvidence(0), BY_MARGIN, 'fra', 0.9)).toEqual({ code: 'und', score: 0 });
    expect(decideWithPrior(noEvidence(0), BY_MARGIN, 'fra', 0.95, true)).toEqual({ code: 'fra', score: 0.95 });
  });
});
