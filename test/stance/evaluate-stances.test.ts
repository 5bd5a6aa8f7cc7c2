import { describe, expect, it } from 'vitest';
import { alignUnits, evaluateStances, startsWithWords, type GoldUnit, type PredictedUnit } from '../../src/stance/evaluate-stances.js';
import { seededRandom } from '../../src/sampling/seeded-random.js';
import { sampleUnits } from '../../src/stance/sample-units.js';
import type { UnitRow } from '../../src/stance/read-run-output.js';
import { SHIPPED_STANCES } from '../builders/shipped-categories.js';

const L = (t: 0 | 1, s: 0 | 1, v: 0 | 1) => ({ trust_state: t, sceptical: s, sovereigntist: v });
const gold = (position: number | undefined, firstWords: string, labels = L(0, 1, 0)): GoldUnit => ({ file: 'page.txt', ...(position === undefined ? {} : { position }), firstWords, labels, note: '', line: 2 });
const pred = (position: number, text: string, labels = L(0, 1, 0)): PredictedUnit => ({
  unitId: `page#${position}`, docId: 'page', position, text, labels, evidence: { trust_state: '', sceptical: 'ev', sovereigntist: '' },
});

describe('alignUnits', () => {
  it('matches first words across case, accents and punctuation', () => {
    expect(startsWithWords('L’ÉTAT a encore gaspillé', "l'Etat a encore")).toBe(true);
    expect(startsWithWords('Autre chose', "l'Etat")).toBe(false);
  });

  it('aligns by position when the first words agree, by first words otherwise, and keeps the rest as missing', () => {
    const units = [pred(0, 'Le titre et le texte'), pred(1, 'Premier commentaire ici'), pred(2, 'Deuxième commentaire là')];
    const aligned = alignUnits([gold(0, 'Le titre'), gold(1, 'Deuxième commentaire'), gold(undefined, 'Premier commentaire'), gold(5, 'Introuvable')], units);
    expect(aligned.map((a) => [a.alignment, a.predicted?.unitId])).toEqual([
      ['position', 'page#0'], ['first-words', 'page#2'], ['first-words', 'page#1'], ['missing', undefined],
    ]);
  });
});

describe('evaluateStances', () => {
  it('computes precision, recall, F1 and macro-F1, and lists each confusion with its evidence', () => {
    const units = [pred(0, 'a', L(0, 1, 0)), pred(1, 'b', L(0, 1, 1)), pred(2, 'c', L(0, 0, 0))];
    const r = evaluateStances(alignUnits([gold(0, 'a', L(0, 1, 0)), gold(1, 'b', L(0, 0, 1)), gold(2, 'c', L(0, 1, 0))], units), SHIPPED_STANCES);
    const s = r.scores.find((x) => x.stance === 'sceptical')!;
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 0, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.scores.find((x) => x.stance === 'trust_state')!.f1).toBe(1);
    expect(r.macroF1).toBeCloseTo((0.5 + 1 + 1) / 3);
    expect(r.confusions.map((c) => `${c.kind} ${c.unitId} ${c.evidence}`)).toEqual(['false positive page#1 ev', 'false negative page#2 ev']);
  });

  it('counts a gold unit missing from the output as predicted 0', () => {
    const r = evaluateStances(alignUnits([gold(3, 'Absent', L(0, 1, 0))], []), SHIPPED_STANCES);
    expect(r.scores.find((x) => x.stance === 'sceptical')).toMatchObject({ fn: 1, recall: 0 });
  });
});

describe('sampleUnits', () => {
  const unit = (k: number, kind: string): UnitRow => ({ unitId: `d#${k}`, docId: 'd', position: k, kind, author: '', published: '', parentId: '', depth: '0', quotesId: '', lang: 'fra', text: `t${k}` });
  const units = [unit(0, 'article'), ...Array.from({ length: 60 }, (_, k) => unit(k + 1, k % 4 === 0 ? 'reply' : 'comment'))];

  it('is deterministic for a seed and differs for another', () => {
    const a = sampleUnits(units, 10, 7, (u) => u.kind).map((s) => s.unit.unitId);
    expect(sampleUnits(units, 10, 7, (u) => u.kind).map((s) => s.unit.unitId)).toEqual(a);
    expect(sampleUnits(units, 10, 8, (u) => u.kind).map((s) => s.unit.unitId)).not.toEqual(a);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('draws n units in corpus order, keeping rare strata', () => {
    const s = sampleUnits(units, 10, 1, (u) => u.kind);
    expect(s).toHaveLength(10);
    expect(s.some((x) => x.stratum === 'article')).toBe(true);
    expect(s.filter((x) => x.stratum === 'reply').length).toBeGreaterThanOrEqual(2);
    const positions = s.map((x) => x.unit.position);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
  });

  it('returns every unit when n is larger than the corpus', () => {
    expect(sampleUnits(units, 500, 1, (u) => u.kind)).toHaveLength(units.length);
  });
});
