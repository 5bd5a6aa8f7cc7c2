import { describe, expect, it } from 'vitest';
import { SAMPLE_CHARS } from '../../src/language/sample-text.js';
import { createDetector, DETECTORS } from '../../src/language/detect-language.js';
import { DEFAULTS } from '../../src/options.js';

const FRENCH = "Le gouvernement a présenté hier son projet de cloud souverain, censé protéger les données des administrations et des entreprises françaises.";
const ENGLISH = 'The government presented its sovereign cloud project yesterday, meant to protect the data of public bodies and companies.';
const SPANISH = 'El gobierno presentó ayer su proyecto de nube soberana, que debe proteger los datos de las administraciones y de las empresas.';

describe.each(DETECTORS)('the %s detector', (name) => {
  const detector = createDetector(name);

  it('answers ISO 639-3 codes with a score in [0,1]', () => {
    for (const [text, code] of [[FRENCH, 'fra'], [ENGLISH, 'eng'], [SPANISH, 'spa']] as const) {
      const guess = detector.detect(text);
      expect(guess.code).toBe(code);
      expect(guess.score).toBeGreaterThan(0.9);
      expect(guess.score).toBeLessThanOrEqual(1);
    }
  });

  it.each(['', '???', '+1', 'OK', '👍👍', 'https://example.com/a/b'])("answers 'und' with score 0 for %j, which holds no words to judge", (text) => {
    expect(detector.detect(text)).toEqual({ code: 'und', score: 0 });
  });

  it('reads a very long unit from a bounded sample', () => {
    const long = `${FRENCH} `.repeat(2_000);
    expect(detector.evidence(long).letters).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(detector.detect(long).code).toBe('fra');
  });

  it('gives the same answer for the same text', () => {
    expect(detector.detect('Donc bon point.')).toEqual(detector.detect('Donc bon point.'));
  });
});

describe('the default detector', () => {
  const detector = createDetector(DEFAULTS.langDetector);

  it('is eld, the one that meets the accuracy floors on short items (test/eval/langid.test.ts)', () => {
    expect(detector.name).toBe('eld');
  });

  it('names a long article French even when an English cookie banner opens it', () => {
    const page = `We use cookies to improve your experience. Accept all cookies or manage your preferences. ${FRENCH} `.padEnd(6_000, `${FRENCH} `);
    expect(detector.detect(page).code).toBe('fra');
  });

  it.each([
    ['Правительство представило вчера свой проект суверенного облака.', 'rus'],
    ['Η κυβέρνηση παρουσίασε χθες το σχέδιό της για ένα κυρίαρχο νέφος.', 'ell'],
    ['قدمت الحكومة أمس مشروعها للسحابة السيادية لحماية البيانات.', 'ara'],
    ['De regering heeft gisteren haar plan voor een soevereine cloud voorgesteld.', 'nld'],
  ])('names other scripts and languages in ISO 639-3: %s', (text, code) => {
    expect(detector.detect(text).code).toBe(code);
  });

  it('tells French from English and Spanish in a few words', () => {
    expect(detector.detect('Vous appelez ça souverain ???').code).toBe('fra');
    expect(detector.detect('This will never work.').code).toBe('eng');
    expect(detector.detect('Esto es una vergüenza, el gobierno no sabe nada.').code).toBe('spa');
  });
});
