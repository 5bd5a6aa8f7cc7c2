import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cohensKappa, measureAgreement, pairCodings } from '../../src/evaluate/agreement.js';
import type { CodedUnit } from '../../src/evaluate/read-coded.js';

const STANCES = ['trust_state', 'sceptical', 'sovereigntist'];

function unit(position: number, labels: [0 | 1, 0 | 1, 0 | 1], claims: string[] = [], text = `texte ${position}`): CodedUnit {
  return {
    docId: 'p1', position, kind: 'comment', text, note: '', source: `x:${position + 2}`, claims,
    labels: { trust_state: labels[0], sceptical: labels[1], sovereigntist: labels[2] },
  };
}

describe('cohensKappa', () => {
  it('is the agreement beyond chance of a 2×2 table', () => {
    // 50 units: observed agreement 0.7, rates 0.5 and 0.6, chance 0.5 → κ 0.4.
    expect(cohensKappa({ n11: 20, n10: 5, n01: 10, n00: 15 })).toBeCloseTo(0.4, 10);
    expect(cohensKappa({ n11: 10, n10: 0, n01: 0, n00: 40 })).toBe(1);
    // Agreement at chance level only.
    expect(cohensKappa({ n11: 25, n10: 25, n01: 25, n00: 25 })).toBeCloseTo(0, 10);
    // Both coders constant and equal: full agreement; constant but different: none.
    expect(cohensKappa({ n11: 0, n10: 0, n01: 0, n00: 12 })).toBe(1);
    expect(cohensKappa({ n11: 0, n10: 12, n01: 0, n00: 0 })).toBe(0);
  });
});

describe('pairCodings and measureAgreement', () => {
  it('pairs units by page and position, counts the ones coded once, refuses another text', () => {
    const first = [unit(0, [0, 0, 0]), unit(1, [0, 1, 0]), unit(2, [1, 0, 0])];
    const second = [unit(1, [0, 1, 1]), unit(0, [0, 0, 0]), unit(7, [0, 0, 0])];
    const { pairs, onlyFirst, onlySecond } = pairCodings(first, second);
    expect(pairs.map((p) => p.first.position)).toEqual([0, 1]);
    expect([onlyFirst, onlySecond]).toEqual([1, 1]);
    expect(() => pairCodings(first, [unit(0, [0, 0, 0], [], 'autre chose')])).toThrow(/another text/);
    expect(() => pairCodings(first, [unit(9, [0, 0, 0])])).toThrow(/no unit in common/);
  });

  it('gives 1 for identical codings and the exact F1 and κ of different ones', () => {
    const first = [unit(0, [1, 0, 0], ['a']), unit(1, [0, 1, 0], ['b', 'c']), unit(2, [0, 1, 1]), unit(3, [0, 0, 0])];
    const same = measureAgreement(pairCodings(first, first).pairs, STANCES, 50);
    expect(same.stances.map((s) => [s.f1, s.kappa])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(same.claims.f1).toBe(1);
    const second = [unit(0, [1, 0, 0], ['a']), unit(1, [0, 0, 0], ['b']), unit(2, [0, 1, 0]), unit(3, [0, 1, 0])];
    const a = measureAgreement(pairCodings(first, second).pairs, STANCES, 200);
    const sceptical = a.stances[1]!;
    // first 1,1 on units 1–2; second 1 on units 2–3: both 1 once → F1 2·1/(2+2) = 0.5; κ 0.
    expect([sceptical.first, sceptical.second, sceptical.both, sceptical.f1]).toEqual([2, 2, 1, 0.5]);
    expect(sceptical.kappa).toBeCloseTo(0, 10);
    expect(a.stances[2]!.f1).toBe(0);
    // Claims: 3 from the first, 2 from the second, 2 in common → 4/5.
    expect(a.claims).toMatchObject({ first: 3, second: 2, both: 2, f1: 0.8 });
    expect(a.macroF1).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(a.macroInterval.low).toBeLessThanOrEqual(a.macroF1);
    expect(a.macroInterval.high).toBeGreaterThanOrEqual(a.macroF1);
  });
});

describe('controverse evaluate --second-coder', () => {
  it('prints the coders\' agreement and the tool against each coder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-agree-'));
    const header = 'doc_id\tunit\tkind\tauthor\ttext\ttrust_state\tsceptical\tsovereigntist\tclaims\tnote';
    const texts = ['Le ministère a publié un rapport.', 'Quel gâchis, encore des milliards dilapidés !', 'Merci pour l\'article.'];
    const rows = (codes: string[]): string => [header, ...texts.map((t, k) => `p\t${k}\tcomment\tX\t${t}\t${codes[k]}\t`)].join('\n');
    writeFileSync(path.join(dir, 'first.tsv'), rows(['0\t0\t0\t', '0\t1\t0\tpublic_money_wasted', '0\t0\t0\t']));
    writeFileSync(path.join(dir, 'second.tsv'), rows(['0\t1\t0\t', '0\t1\t0\tpublic_money_wasted', '0\t0\t0\t']));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'evaluate', '--gold', path.join(dir, 'first.tsv'), '--second-coder', path.join(dir, 'second.tsv'), '--no-fitted'], { encoding: 'utf8' });
    expect(stdout).toMatch(/Agreement between the two coders .*: 3 units, 1 pages coded by both/);
    // sceptical: the 1st coder once, the 2nd twice, both once → F1 0.67.
    expect(stdout).toMatch(/sceptical\s+1\s+2\s+1\s+0\.67/);
    expect(stdout).toMatch(/against the 1st coder\s+macro-F1/);
    expect(stdout).toMatch(/against the 2nd coder\s+macro-F1/);
  });
});
