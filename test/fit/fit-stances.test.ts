import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodedUnit } from '../../src/evaluate/read-coded.js';
import { bestCut, fitStances, pageFolds } from '../../src/fit/fit-stances.js';
import { fittedYaml } from '../../src/fit/write-fitted.js';
import { FITTED_FILE, stanceLexiconsHash } from '../../src/lexicon/load-fitted.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { scoreStances } from '../../src/stance/score-stances.js';
import { tagStances } from '../../src/stance/tag-stances.js';
import { tokenise } from '../../src/text/tokenise.js';

const LEXICONS = path.resolve('lexicons');

function coded(docId: string, position: number, text: string, sovereigntist: 0 | 1): CodedUnit {
  return { docId, position, kind: 'comment', text, labels: { trust_state: 0, sceptical: 0, sovereigntist }, claims: [], note: '', source: `${docId}:${position}` };
}

// "souverain" is a sovereigntist cue of the lexicons; in this sample it is mostly used by people
// who are coded as not sovereigntist, while "Microsoft" units are all sovereigntist.
function sample(): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (let p = 0; p < 10; p += 1) {
    const doc = `p${p}`;
    units.push(coded(doc, 0, 'Le mot souverain est partout dans ce rapport.', 0));
    units.push(coded(doc, 1, 'Encore un mot souverain pour vendre un produit.', p === 0 ? 1 : 0));
    units.push(coded(doc, 2, 'Nos données chez Microsoft, merci les Américains.', 1));
    units.push(coded(doc, 3, 'Rien à voir, il pleut.', 0));
  }
  return units;
}

describe('pageFolds', () => {
  it('puts every unit of a page in the same fold, the same way each time', () => {
    const units = sample();
    const folds = pageFolds(units);
    for (const u of units) expect(folds[units.indexOf(u)]).toBe(folds[units.findIndex((x) => x.docId === u.docId)]);
    expect(new Set(folds).size).toBe(5);
    expect(pageFolds(units)).toEqual(folds);
  });
});

describe('bestCut', () => {
  it('finds the F1-best cut between probabilities and never labels a unit at probability 0', () => {
    expect(bestCut([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0])).toEqual({ cut: 0.55, f1: 1 });
    // All positive would give F1 0.67 on these, but probability 0 units cannot be labelled.
    expect(bestCut([0.9, 0, 0], [1, 1, 0])).toEqual({ cut: 0.45, f1: 2 / 3 });
  });
});

describe('fitStances', () => {
  it('lowers the weight of a cue the coders do not follow, and the fitted file scores units accordingly', () => {
    const units = sample();
    const lexicons = loadLexicons(LEXICONS, { fitted: false });
    const fits = fitStances(units, lexicons);
    const sov = fits.find((f) => f.stance === 'sovereigntist')!;
    const weight = new Map(sov.entries);
    expect(weight.get('sovereigntist.souverain')!).toBeLessThan(sov.threshold);
    expect(sov.cvF1).toBeGreaterThan(sov.unfittedF1);
    // Written, loaded back and used as a run would: "souverain" alone no longer sets the label.
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-fit-'));
    cpSync(LEXICONS, dir, { recursive: true });
    const yaml = fittedYaml(fits, { goldSha256: 'x', goldUnits: units.length, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
    expect(fittedYaml(fitStances(units, lexicons), { goldSha256: 'x', goldUnits: units.length, lexiconsSha256: stanceLexiconsHash(lexicons.files) })).toBe(yaml);
    writeFileSync(path.join(dir, FITTED_FILE), yaml);
    const fitted = loadLexicons(dir);
    expect(fitted.files.map((f) => f.path)).toContain(FITTED_FILE);
    const label = (set: typeof fitted, text: string): number => {
      const unit = { id: 'x#1', docId: 'x', position: 1, kind: 'comment' as const, depth: 0, text };
      return scoreStances(text, tagStances(unit, tokenise(text), { lexicon: set.stances }), set.categories, set.fitted).find((v) => v.stance === 'sovereigntist')!.label;
    };
    expect(label(lexicons, 'Un discours souverain de plus.')).toBe(1);
    expect(label(fitted, 'Un discours souverain de plus.')).toBe(0);
    expect(label(fitted, 'Nos données chez Microsoft, merci les Américains.')).toBe(1);
    expect(label(loadLexicons(dir, { fitted: false }), 'Un discours souverain de plus.')).toBe(1);
  });
});
