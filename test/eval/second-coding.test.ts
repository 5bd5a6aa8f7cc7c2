import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureAgreement, pairCodings } from '../../src/evaluate/agreement.js';
import { readCodedUnits } from '../../src/evaluate/read-coded.js';

// The second coding of 20 pages (eval/stances/README.md, "Second coding"): every unit of those pages
// coded twice, and the agreement measured on 2026-12-07 (docs/quality.md, "Two coders": macro-F1 0.93,
// kappa 0.82 / 0.95 / 0.96, claims F1 0.91) less 0.02, so that a damaged file or a broken measure shows.
const STANCES = ['trust_state', 'sceptical', 'sovereigntist'];
const second = readCodedUnits(path.resolve('eval/stances/second-coding'), STANCES);
const pages = new Set(second.map((u) => u.docId));
const first = readCodedUnits(path.resolve('eval/stances/pages'), STANCES, pages);

describe('eval/stances/second-coding', () => {
  it('codes every unit of its 20 pages, with the same texts as the first coding', () => {
    expect(pages.size).toBe(20);
    const { pairs, onlyFirst, onlySecond } = pairCodings(first, second);
    expect([pairs.length, onlyFirst, onlySecond]).toEqual([first.length, 0, 0]);
  });

  it('agrees with the first coding as measured', () => {
    const a = measureAgreement(pairCodings(first, second).pairs, STANCES);
    expect(a.macroF1).toBeGreaterThanOrEqual(0.91);
    const floors = [0.80, 0.93, 0.94];
    a.stances.forEach((s, k) => expect(s.kappa, s.stance).toBeGreaterThanOrEqual(floors[k]!));
    expect(a.claims.f1).toBeGreaterThanOrEqual(0.89);
  });
});
