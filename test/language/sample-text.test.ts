import { describe, expect, it } from 'vitest';
import { countLetters, SAMPLE_CHARS, sampleText } from '../../src/language/sample-text.js';

describe('sampleText', () => {
  it('keeps a short text whole, with white space folded', () => {
    expect(sampleText('  Vous appelez ça\n souverain ???  ')).toBe('Vous appelez ça souverain ???');
  });

  it('drops links and e-mail addresses, which are words of no language', () => {
    expect(sampleText('Lisez https://www.example.com/cloud-souverain?x=1 ou écrivez à redaction@journal.fr merci')).toBe('Lisez ou écrivez à merci');
  });

  it('reads a long text from a bounded sample of its start, middle and end, cut at spaces', () => {
    const text = `DEBUT ${'mot '.repeat(20_000)}MILIEU ${'mot '.repeat(20_000)}FIN`;
    const sample = sampleText(text);
    expect(sample.length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(sample.startsWith('DEBUT ')).toBe(true);
    expect(sample).toContain('MILIEU');
    expect(sample.endsWith(' FIN')).toBe(true);
    expect(sample.split(' ').every((w) => ['DEBUT', 'MILIEU', 'FIN', 'mot'].includes(w))).toBe(true);
  });

  it('counts letters of any script, not digits or punctuation', () => {
    expect(countLetters('Ça coûte 3 milliards ! Ελλάδα')).toBe(22);
    // Code points, as /\p{L}/gu counts them: a letter outside the BMP is one, a lone surrogate or a combining accent none.
    expect(countLetters('ʼa \u{1D400}b \uD835 ²½ e\u0301')).toBe(5);
  });
});
