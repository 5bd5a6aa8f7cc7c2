import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { analyseDocument } from '../../src/analyse/analyse-document.js';
import { codedContexts } from '../../src/evaluate/coded-contexts.js';
import { predictCoded } from '../../src/evaluate/evaluate-coded.js';
import type { CodedUnit } from '../../src/evaluate/read-coded.js';
import { fitStances } from '../../src/fit/fit-stances.js';
import { fittedWeightsOf } from '../../src/fit/fitted-weights-of.js';
import { fittedYaml } from '../../src/fit/write-fitted.js';
import { createDetector } from '../../src/language/detect-language.js';
import { parseFitted, stanceLexiconsHash } from '../../src/lexicon/load-fitted.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { DEFAULTS } from '../../src/options.js';
import { hasBigramWeights, hasContextWeights } from '../../src/stance/fitted-weights.js';
import { unitWords, wordValue } from '../../src/stance/unit-words.js';
import { createStemmer } from '../../src/text/stem-fr.js';
import { tokenise } from '../../src/text/tokenise.js';
import { makeDocument } from '../builders/make-document.js';

const LEXICONS = path.resolve('lexicons');

function coded(docId: string, position: number, text: string, labels: { sceptical?: 0 | 1; sovereigntist?: 0 | 1 }, kind: CodedUnit['kind'] = 'comment'): CodedUnit {
  return { docId, position, kind, text, labels: { trust_state: 0, sceptical: labels.sceptical ?? 0, sovereigntist: labels.sovereigntist ?? 0 }, claims: [], note: '', source: `${docId}:${position}` };
}

// Coders read "pomme verte" and "feuille rouge" as sceptical, "pomme rouge" and "feuille verte" as
// not: each word is as often in one class as in the other (an exclusive or), so stems alone cannot
// tell them apart and only the pairs can. No lexicon entry holds these words. One coder slips on
// one page (as coders do), which also keeps the fit from chasing infinite weights.
function pairSample(): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (let p = 0; p < 8; p += 1) {
    const doc = `p${p}`;
    units.push(coded(doc, 0, 'Encore une pomme verte au conseil.', { sceptical: p === 0 ? 0 : 1 }));
    units.push(coded(doc, 1, 'Encore une feuille rouge au conseil.', { sceptical: 1 }));
    units.push(coded(doc, 2, 'Encore une pomme rouge au conseil.', { sceptical: 0 }));
    units.push(coded(doc, 3, 'Encore une feuille verte au conseil.', { sceptical: 0 }));
  }
  return units;
}

const SOVEREIGN = 'Il faut reprendre notre souveraineté numérique face aux Américains.';
const NEUTRAL = 'La réunion a lieu mardi à la mairie.';
const ECHO = 'Exactement, bien dit.';

// "Exactement, bien dit." is coded sovereigntist when it answers a sovereigntist comment (one the
// lexicons label), not otherwise: its own words are the same in both cases, only the unit before differs.
function contextSample(): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (let p = 0; p < 12; p += 1) {
    const doc = `p${p}`;
    const sovereign = p % 2 === 0;
    units.push(coded(doc, 0, 'Le conseil municipal vote le budget numérique.', {}, 'article'));
    units.push(coded(doc, 1, sovereign ? SOVEREIGN : NEUTRAL, { sovereigntist: sovereign ? 1 : 0 }));
    units.push(coded(doc, 2, ECHO, { sovereigntist: sovereign ? 1 : 0 }));
  }
  return units;
}

describe('word pairs and context as fit features', () => {
  it('reads adjacent stem pairs within a phrase, and counts only stems in a word\'s value', () => {
    const stem = createStemmer();
    const text = "Bleu, blanc… Redmond l'État";
    const words = unitWords(tokenise(text), stem, { bigrams: true, text });
    expect([...words]).toEqual(['bleu', 'blanc', 'redmond', 'l', 'redmond l', 'etat', 'l etat']);
    expect(wordValue(words)).toBeCloseTo(1 / Math.sqrt(5));
    expect([...unitWords(tokenise(text), stem)]).toEqual(['bleu', 'blanc', 'redmond', 'l', 'etat']);
  });

  it('reads the context of a coded unit from the lexicon labels of its page\'s article and of the unit before', () => {
    const units = [coded('a', 0, 'x', {}, 'article'), coded('a', 1, 'y', {}), coded('a', 2, 'z', {}), coded('b', 0, 'w', {}), coded('b', 1, 'v', {})];
    const labels = [{ s: 1 as const }, { s: 0 as const }, { s: 1 as const }, { s: 1 as const }, { s: 0 as const }];
    expect(codedContexts(units, labels, ['s'])).toEqual([
      [{ article: 0, previous: 0 }], // the article has no context
      [{ article: 1, previous: 1 }], // the unit before is the article
      [{ article: 1, previous: 0 }],
      [{ article: 0, previous: 0 }],
      [{ article: 0, previous: 1 }], // b's first unit is a comment, not an article
    ]);
  });

  it('learns a stance carried by a pair of words the stems alone cannot separate (cross-validation keeps the pairs)', () => {
    const units = pairSample();
    const lexicons = loadLexicons(LEXICONS, { fitted: false });
    const fits = fitStances(units, lexicons, { features: ['words', 'bigrams'] });
    const withPairs = fits.find((f) => f.stance === 'sceptical')!;
    // Cross-validation kept the pairs because the stems alone scored worse on held-out pages.
    expect(withPairs.features).toEqual(['words', 'bigrams']);
    expect(withPairs.cvF1).toBeGreaterThan(0.9);
    const weights = new Map(withPairs.words);
    expect(weights.get('pomm vert')!).toBeGreaterThan(0);
    expect(weights.get('pomm roug')!).toBeLessThan(0);

    const fitted = { ...lexicons, fitted: fittedWeightsOf(fits, lexicons) };
    expect(hasBigramWeights(fitted.fitted)).toBe(true);
    const fresh = [coded('n', 0, 'Tiens, une pomme verte.', {}), coded('n', 1, 'Tiens, une pomme rouge.', {})];
    expect(predictCoded(fresh, fitted).map((p) => p.labels.sceptical)).toEqual([1, 0]);
    expect(predictCoded(fresh, lexicons).map((p) => p.labels.sceptical)).toEqual([0, 0]);
  }, 120_000);

  it('learns the context of a reply, writes it to the fitted file and reads it back, and run and evaluate score with it', () => {
    const units = contextSample();
    const lexicons = loadLexicons(LEXICONS, { fitted: false });
    const fits = fitStances(units, lexicons, { features: ['context'] });
    const sov = fits.find((f) => f.stance === 'sovereigntist')!;
    expect(sov.features).toEqual(['context']);
    expect(sov.context!.previous).toBeGreaterThan(0);
    // Offered nothing, the fit cannot label the echo: its out-of-fold F1 is lower.
    expect(fitStances(units, lexicons, { words: false }).find((f) => f.stance === 'sovereigntist')!.cvF1).toBeLessThan(sov.cvF1);

    const yaml = fittedYaml(fits, { goldSha256: 'x', goldUnits: units.length, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
    expect(yaml).toMatch(/^ {4}features:\n {6}- context\n {4}context:\n {6}article: -?[\d.]+\n {6}previous: [\d.]+$/mu);
    const read = parseFitted(yaml, lexicons, lexicons.categories.map((c) => c.name), (m) => new Error(m)).fitted;
    expect(read.stances.get('sovereigntist')!.context).toEqual(sov.context);
    expect(hasContextWeights(read)).toBe(true);

    const fitted = { ...lexicons, fitted: read };
    const page = [coded('n', 0, 'Un article sur le budget.', {}, 'article'), coded('n', 1, SOVEREIGN, {}), coded('n', 2, ECHO, {}), coded('n', 3, NEUTRAL, {}), coded('n', 4, ECHO, {})];
    expect(predictCoded(page, fitted).map((p) => p.labels.sovereigntist)).toEqual([0, 1, 1, 0, 0]);
    expect(predictCoded(page, fitted)[2]!.evidence.sovereigntist).toMatch(/^CONTEXT previous \+[\d.]+$/u);

    // run: the same units as a document (article body, then comments in reading order).
    const doc = makeDocument({ body: 'Un article sur le budget.', comments: [SOVEREIGN, ECHO, NEUTRAL, ECHO] });
    const analysed = analyseDocument(doc, { detector: createDetector(DEFAULTS.langDetector), lexicons: fitted });
    expect(analysed.units.map((u) => u.stances.find((s) => s.stance === 'sovereigntist')!.label)).toEqual([0, 1, 1, 0, 0]);
  }, 120_000);
});
