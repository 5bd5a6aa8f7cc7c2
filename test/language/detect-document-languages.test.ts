import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/analyse/analyse-document.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { createDetector } from '../../src/language/detect-language.js';
import { detectDocumentLanguages, SHORT_UNIT_LETTERS } from '../../src/language/detect-document-languages.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { DEFAULTS } from '../../src/options.js';
import { makeDocument } from '../builders/make-document.js';

const detector = createDetector(DEFAULTS.langDetector);

const BODY = "Le gouvernement a présenté hier son projet de cloud souverain. Les données des administrations et des entreprises françaises seront hébergées en France, sous le contrôle d'opérateurs européens, et non plus chez les géants américains soumis au Cloud Act.";
const SHORT_FRENCH = ['…et on y croit !', 'Vous appelez ça souverain ???', 'Bravo !', 'Donc bon point.', 'Quelle blague.', 'Ben voyons.', 'Et la marmotte...', 'Lol'];
const ENGLISH = 'This is a complete waste of taxpayer money, and nobody in their right mind will ever use it.';
const SPANISH = 'Esto es una vergüenza, el gobierno no sabe nada de tecnología.';

describe('languages of a document, the page as context for short units', () => {
  it('makes short French comments French on a French page, some of which the detector alone gets wrong', () => {
    const alone = SHORT_FRENCH.map((t) => detector.detect(t));
    expect(alone.some((g) => g.code !== 'fra' || g.score < 0.5)).toBe(true); // "Bravo !" alone looks Armenian to eld
    const { document, units } = detectDocumentLanguages(makeDocument({ body: BODY, comments: SHORT_FRENCH }), detector);
    expect(document.code).toBe('fra');
    expect(units.map((u) => u.code)).toEqual(SHORT_FRENCH.map(() => 'fra').concat('fra'));
    // The page's language raises the score of every short French comment.
    units.slice(1).forEach((u, i) => expect(u.score).toBeGreaterThanOrEqual(alone[i]!.code === 'fra' ? alone[i]!.score : 0));
    expect(units.every((u) => u.score <= 1)).toBe(true);
  });

  it('keeps clearly English and Spanish comments in a French thread', () => {
    const doc = makeDocument({ body: BODY, comments: ['Bravo !', ENGLISH, { text: SPANISH, parentIndex: 1 }, 'Totally agree', 'Donc bon point.'] });
    const { units } = detectDocumentLanguages(doc, detector);
    expect(units.map((u) => u.code)).toEqual(['fra', 'fra', 'eng', 'spa', 'eng', 'fra']);
  });

  it('gives a short reply the language of the English comment it answers, and a short comment the page language', () => {
    const doc = makeDocument({ body: BODY, comments: [ENGLISH, { text: 'Me too', parentIndex: 0 }, 'Me too'] });
    const { units } = detectDocumentLanguages(doc, detector);
    expect(detector.detect('Me too').score).toBeLessThan(0.9); // too weak alone to leave a French page
    expect(units.map((u) => u.code)).toEqual(['fra', 'eng', 'eng', 'fra']);
  });

  it('gives the prior only to short units: a long comment is judged on its own words', () => {
    expect(ENGLISH.replace(/\P{L}/gu, '').length).toBeGreaterThanOrEqual(SHORT_UNIT_LETTERS);
    const doc = makeDocument({ body: BODY, comments: [ENGLISH] });
    expect(detectDocumentLanguages(doc, detector).units[1]).toEqual(detector.detect(ENGLISH));
  });

  it('takes the thread language from confident long comments when the body is empty', () => {
    const doc = makeDocument({ body: '', comments: [BODY, 'Bravo !', "Je ne vois pas ce que ce projet changera pour les entreprises françaises."] });
    const { document, units } = detectDocumentLanguages(doc, detector);
    expect(document.code).toBe('und');
    expect(units.map((u) => u.code)).toEqual(['und', 'fra', 'fra', 'fra']);
  });

  it('follows the declared language unless the body clearly says otherwise', () => {
    expect(detectDocumentLanguages(makeDocument({ body: 'Bravo !', langHint: 'fr' }), detector).document.code).toBe('fra');
    expect(detectDocumentLanguages(makeDocument({ body: '', langHint: 'fra', comments: ['Bravo !'] }), detector).units.map((u) => u.code)).toEqual(['fra', 'fra']);
    const wrongHint = detectDocumentLanguages(makeDocument({ body: BODY, langHint: 'en' }), detector).document;
    expect(wrongHint.code).toBe('fra');
    expect(wrongHint.score).toBeGreaterThan(0.95);
  });

  it('keeps the declared language when the body is too short to contradict it', () => {
    const { document, units } = detectDocumentLanguages(makeDocument({ body: 'Bravo !', langHint: 'it', comments: ['Bravo !'] }), detector);
    expect(document.code).toBe('ita');
    expect(units.map((u) => u.code)).toEqual(['ita', 'ita']);
  });

  it('ignores a declared language that is no language code', () => {
    expect(detectDocumentLanguages(makeDocument({ body: BODY, langHint: 'french' }), detector).document.code).toBe('fra');
  });
});

describe('analysing a French thread with foreign comments', () => {
  const lexicons = loadLexicons(path.resolve('lexicons'));

  it('tags the English and Spanish comments eng and spa and does not apply the French lexicons to them', () => {
    const doc = makeDocument({ body: BODY, comments: ['…et on y croit !', ENGLISH, SPANISH, 'Vous appelez ça souverain ???'] });
    const analysed = analyseDocument(doc, { detector, lexicons });
    expect(analysed.lang.code).toBe('fra');
    expect(analysed.units.map((u) => u.lang.code)).toEqual(['fra', 'fra', 'eng', 'spa', 'fra']);
    expect(analysed.units[2]!.stances.every((s) => s.label === 0 && s.evidence.includes('language eng'))).toBe(true);
    expect(analysed.units[3]!.stances.every((s) => s.label === 0 && s.evidence.includes('language spa'))).toBe(true);
  });
});

describe('the sample pages in corpus/', () => {
  const files = readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort();
  const lexicons = loadLexicons(path.resolve('lexicons'));

  it('finds the five pages', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('finds every unit of %s French', (file) => {
    const { documents } = ingestFile(file, readFileSync(path.join('corpus', file)));
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      const analysed = analyseDocument(doc, { detector, lexicons });
      expect(analysed.lang.code).toBe('fra');
      expect(analysed.units.map((u) => `${u.unit.id} ${u.lang.code}`)).toEqual(analysed.units.map((u) => `${u.unit.id} fra`));
    }
  });
});
