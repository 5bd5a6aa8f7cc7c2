import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCoded } from '../../src/evaluate/evaluate-coded.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';

// Floors at the figures reached by the lexicons of issue 15 (stance recall round included) on eval/stances (docs/quality.md,
// "Stances and claims on unseen wording"), rounded down: a change that loses ground fails here.
// Raise them when the figures rise; the test split is read here only as figures. The claims of the
// wider concepts (docs/quality.md) trade test precision (0.62 -> 0.56) for recall (0.28 -> 0.33).
// Stance floors raised to the merged lexicons' figures (npm run eval:coded, 2026-12-06: dev 0.80 /
// 0.88 / 0.76 / 0.76, test 0.54 / 0.43 / 0.49 / 0.70) less 0.02. The claims-generalisation round (no
// concepts in article bodies) raised dev claims to 0.78 / 0.70 (F1 0.74); its test floors stay as they
// were (test was measured with lexicon v6, since reverted: docs/quality.md). Dev floors reset when
// writers b and c's dev pages joined the dev split, at the figures of the writers round (docs/quality.md,
// "Writers b and c": dev 0.77 / 0.83 / 0.75 / 0.73, claims F1 0.67 at P 0.74) less 0.02.
// Test floors after the second and third writers' pages joined the test split (578 units of 36
// pages; measured once, 2026-12-06, npm run eval:coded: 0.55 / 0.46 / 0.51 / 0.68, claims 0.58 / 0.33,
// F1 0.42) less 0.02. Dev claims floors raised after the claims round across writers (lexicon v6, dev
// claims 0.78 / 0.70, F1 0.74; docs/quality.md) less 0.02. After that round and the stance round across
// writers (measured once, npm run eval:coded, 2026-12-06 20:40 UTC): dev 0.79 / 0.85 / 0.77 / 0.77,
// test 0.55 / 0.47 / 0.51 / 0.67, claims 0.58 / 0.35, F1 0.44; floors these less 0.02. Dev floors
// reset when writer d's 10 dev pages (153 units, a hand nobody tuned for) joined the dev split
// (npx tsx scripts/eval-dev.ts, 2026-12-06: dev 0.77 / 0.82 / 0.73 / 0.76, claims 0.75 / 0.64, F1 0.69;
// writer d's dev pages alone 0.60, claims F1 0.43) less 0.02. With writer e's 10 dev pages too (162
// units; npx tsx scripts/eval-dev.ts, 2026-12-06, 1 179 units: 0.74 / 0.78 / 0.71 / 0.73, claims 0.72 /
// 0.60, F1 0.66) dev floors are these less 0.02. Test floors with writers d and e's 12 test pages (766
// units of 48 pages; measured once, npm run eval:coded, 2026-12-06 22:50 UTC: 0.55 / 0.47 / 0.52 / 0.67,
// claims 0.60 / 0.37, F1 0.46) less 0.02. Dev stance floors raised after stances round 5 (writers d and
// e's dev pages; npx tsx scripts/eval-dev.ts, 2026-12-07: 0.767 / 0.793 / 0.761 / 0.747, claims 0.73 /
// 0.61, F1 0.66) less 0.02. Test measured once after that round (npm run eval:coded, 2026-12-07 02:09
// UTC: 0.57 / 0.48 / 0.55 / 0.68, claims 0.60 / 0.37, F1 0.46): test floors these less 0.02.
const FLOORS = {
  dev: { macroF1: 0.74, trust_state: 0.77, sceptical: 0.74, sovereigntist: 0.72, claimsF1: 0.64, claimsPrecision: 0.70 },
  test: { macroF1: 0.55, trust_state: 0.46, sceptical: 0.53, sovereigntist: 0.66, claimsF1: 0.44, claimsPrecision: 0.58 },
} as const;

describe.each(['dev', 'test'] as const)('stances and claims of eval/stances, %s split', (split) => {
  const { evaluation: e } = evaluateCoded(path.resolve('eval/stances/pages'), loadLexicons(path.resolve('lexicons')), { file: path.resolve('eval/stances/split.tsv'), name: split });
  const floors = FLOORS[split];

  it(`keeps macro-F1 ≥ ${floors.macroF1} and each stance's F1 at its floor`, () => {
    expect(e.macroF1).toBeGreaterThanOrEqual(floors.macroF1);
    for (const s of e.stances) expect(s.f1, s.stance).toBeGreaterThanOrEqual(floors[s.stance as 'trust_state' | 'sceptical' | 'sovereigntist']);
  });

  it('beats the plain dictionary count in macro-F1', () => {
    expect(e.macroF1).toBeGreaterThan(e.plainMacroF1);
  });

  it(`keeps claims F1 ≥ ${floors.claimsF1} at precision ≥ ${floors.claimsPrecision}`, () => {
    expect(e.claims.f1).toBeGreaterThanOrEqual(floors.claimsF1);
    expect(e.claims.precision).toBeGreaterThanOrEqual(floors.claimsPrecision);
  });
});
