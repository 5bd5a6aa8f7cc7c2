import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodedUnit } from '../../src/evaluate/read-coded.js';
import { fitStances, LAMBDAS, WORD_LAMBDAS, wordVocabulary } from '../../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../../src/fit/fitted-weights-of.js';
import { fittedYaml } from '../../src/fit/write-fitted.js';
import { FITTED_FILE, parseFitted, stanceLexiconsHash } from '../../src/lexicon/load-fitted.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { createStemmer } from '../../src/text/stem-fr.js';
import { scoreStances } from '../../src/stance/score-stances.js';
import { tagStances } from '../../src/stance/tag-stances.js';
import { unitWords } from '../../src/stance/unit-words.js';
import { tokenise } from '../../src/text/tokenise.js';

const LEXICONS = path.resolve('lexicons');

function coded(docId: string, position: number, text: string, sceptical: 0 | 1): CodedUnit {
  return { docId, position, kind: 'comment', text, labels: { trust_state: 0, sceptical, sovereigntist: 0 }, claims: [], note: '', source: `${docId}:${position}` };
}

// Coders read "rhododendron" (a word no lexicon entry holds) as sceptical on every page: only
// the word component can learn it.
function sample(): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (let p = 0; p < 10; p += 1) {
    const doc = `p${p}`;
    units.push(coded(doc, 0, 'Encore des rhododendrons au ministère.', 1));
    units.push(coded(doc, 1, 'Un rhododendron de plus sur le bureau du ministre.', 1));
    units.push(coded(doc, 2, 'Le bureau du quartier ouvre lundi.', 0));
    units.push(coded(doc, 3, 'Le jardin est calme ce matin.', 0));
  }
  return units;
}

const label = (lexicons: ReturnType<typeof loadLexicons>, text: string): number => {
  const unit = { id: 'x#1', docId: 'x', position: 1, kind: 'comment' as const, depth: 0, text };
  const tokens = tokenise(text);
  return scoreStances(text, tagStances(unit, tokens, { lexicon: lexicons.stances }), lexicons.categories, lexicons.fitted, unitWords(tokens, createStemmer()))
    .find((v) => v.stance === 'sceptical')!.label;
};

describe('the word component of fit', () => {
  it('reads folded stems, and keeps as features only stems found on enough pages', () => {
    const stem = createStemmer();
    expect([...unitWords(tokenise("L'État TRAHIT, trahis ! 2027"), stem)]).toEqual(['l', 'etat', 'trah']);
    const units = [coded('a', 0, 'Un rhododendron.', 0), coded('b', 0, 'Des rhododendrons.', 0), coded('b', 1, 'Des lys.', 0)];
    const words = units.map((u) => unitWords(tokenise(u.text), stem));
    expect(wordVocabulary(words, units, 2)).toEqual(['rhododendron']);
  });

  it('learns a word the lexicons lack, writes it to the fitted file, and labels new units with it', () => {
    const units = sample();
    const lexicons = loadLexicons(LEXICONS, { fitted: false });
    const fits = fitStances(units, lexicons);
    const sceptical = fits.find((f) => f.stance === 'sceptical')!;
    expect(sceptical.wordRegularisation).toBeDefined();
    expect(new Map(sceptical.words).get('rhododendron')!).toBeGreaterThan(0);
    expect(sceptical.cvF1).toBeGreaterThan(sceptical.unfittedF1);
    // Without the component, nothing is learnt from the word.
    expect(fitStances(units, lexicons, { words: false }).find((f) => f.stance === 'sceptical')!.words).toEqual([]);

    const yaml = fittedYaml(fits, { goldSha256: 'x', goldUnits: units.length, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
    expect(yaml).toMatch(/^ {4}word_regularisation: [\d.]+\n {4}words:\n( {6}\S+: [\d.]+\n)* {6}rhododendron: [\d.]+$/mu);
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-fitwords-'));
    cpSync(LEXICONS, dir, { recursive: true });
    writeFileSync(path.join(dir, FITTED_FILE), yaml);
    const fitted = loadLexicons(dir);
    expect(label(lexicons, 'Tiens, un rhododendron dans le couloir.')).toBe(0);
    expect(label(fitted, 'Tiens, un rhododendron dans le couloir.')).toBe(1);
    expect(label(fitted, 'Tiens, un lys dans le couloir.')).toBe(0);
    // In memory (eval:coded) as from the file.
    expect(label({ ...lexicons, fitted: fittedWeightsOf(fits, lexicons) }, 'Tiens, un rhododendron dans le couloir.')).toBe(1);
    const unit = { id: 'x#1', docId: 'x', position: 1, kind: 'comment' as const, depth: 0, text: 'Un rhododendron.' };
    const tokens = tokenise(unit.text);
    const verdict = scoreStances(unit.text, tagStances(unit, tokens, { lexicon: fitted.stances }), fitted.categories, fitted.fitted, unitWords(tokens, createStemmer())).find((v) => v.stance === 'sceptical')!;
    expect(verdict.evidence).toMatch(/^WORDS rhododendron \+[\d.]+/u);
    // explain lists the word component and its words.
    const explain = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'explain', '--text', 'Un rhododendron.', '-l', dir], { encoding: 'utf8' });
    expect(explain.stdout).toMatch(/sceptical: label 1, [^\n]*\n {4}\+ [\d.]+ word component: \d+ of the unit's 2 word stems have a fitted weight, each × 1\/√2 = 0\.707\n {8}\+ [\d.]+ "rhododendron" \(fitted word weight [\d.]+\)/u);
  }, 120_000);

  it('tries word penalties down to the weakest entry penalty, strongest first', () => {
    // Page-held-out on dev (scripts/dev-fit-cv.ts), cross-validation kept picking the weakest word
    // penalty offered: stopping at 0.03 cost 0.02 macro-F1 (lexicons of 8b1a2bf, 0.58 → 0.60).
    expect(Math.min(...WORD_LAMBDAS)).toBeLessThanOrEqual(Math.min(...LAMBDAS));
    expect([...WORD_LAMBDAS].sort((a, b) => b - a)).toEqual(WORD_LAMBDAS);
  });

  it('refuses a word that is not a folded stem or a pair of stems', () => {
    const lexicons = loadLexicons(LEXICONS, { fitted: false });
    const text = 'format: 1\nversion: 1\nstances:\n  sceptical:\n    intercept: -1\n    threshold: 1\n    lexicon_scale: 1\n    words:\n      "trois mots ici": 1\n';
    expect(() => parseFitted(text, lexicons, lexicons.categories.map((c) => c.name), (m) => new Error(m))).toThrow(/"trois mots ici" is not a word stem/u);
    expect(() => parseFitted(text.replace('trois mots ici', 'Majuscule'), lexicons, lexicons.categories.map((c) => c.name), (m) => new Error(m))).toThrow(/"Majuscule" is not a word stem/u);
  });
});
