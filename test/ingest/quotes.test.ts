import { describe, expect, it } from 'vitest';
import { markdownQuote, quoteCandidate, quoteOpener, removeQuotes } from '../../src/ingest/layouts/quotes.js';

const earlier = [
  quoteCandidate({ author: 'marie_d', text: 'Le cloud de confiance est une illusion tant que le logiciel reste américain.' }),
  quoteCandidate({ author: 'paul75', text: 'Premier paragraphe assez long de Paul sur Gaia-X.\n\nSecond paragraphe assez long de Paul sur Bleu.' }),
];
const article = quoteCandidate({ author: 'Claire Morel', text: 'Le gouvernement présente sa doctrine « cloud au centre ».' });

describe('quoteOpener', () => {
  it.each([
    ['amikuns a écrit :', 'amikuns'],
    ['Marie Dupont a dit :', 'Marie Dupont'],
    ['Citation de lucie :', 'lucie'],
    ['Paul wrote:', 'Paul'],
  ])('reads "%s" as a quote of %s', (line, author) => {
    expect(quoteOpener(line)?.author).toBe(author);
  });

  it('does not take a sentence for an opener', () => {
    expect(quoteOpener('Le ministre a écrit une lettre.')).toBeUndefined();
  });
});

describe('removeQuotes', () => {
  it('takes the quoted paragraph out and finds the unit it comes from by its text', () => {
    const r = removeQuotes(['quelqu’un a écrit :', 'le logiciel reste américain', 'Pas forcément.'], earlier, article);
    expect(r).toEqual({ own: ['Pas forcément.'], quotesIndex: 0, quoted: true });
  });

  it('takes every quoted paragraph from the same unit, and the quote lines of the opener paragraph', () => {
    const r = removeQuotes(['paul75 a écrit :\nPremier paragraphe assez long de Paul sur Gaia-X.', 'Second paragraphe assez long de Paul sur Bleu.', 'Je réponds.'], earlier, article);
    expect(r).toEqual({ own: ['Je réponds.'], quotesIndex: 1, quoted: true });
  });

  it('falls back on the named author when the quoted words were edited', () => {
    expect(removeQuotes(['marie_d a écrit :', 'un texte modifié depuis', 'Réponse.'], earlier, article).quotesIndex).toBe(0);
  });

  it('does not look for a very short quote in the texts, only for its author', () => {
    expect(removeQuotes(['marie_d a écrit :', 'Bleu', 'Réponse.'], earlier, article).quotesIndex).toBe(0);
    expect(removeQuotes(['quelqu’un a écrit :', 'Bleu', 'Réponse.'], earlier, article).quotesIndex).toBeUndefined();
  });

  it('points to the article (-1) when the quote comes from its body', () => {
    expect(removeQuotes(['Claire Morel a écrit :', 'doctrine « cloud au centre »', 'Enfin.'], earlier, article).quotesIndex).toBe(-1);
  });

  it('drops a quote found nowhere but says the comment quoted', () => {
    expect(removeQuotes(['inconnu a écrit :', 'rien de tout ça', 'Réponse.'], earlier, article)).toEqual({ own: ['Réponse.'], quotesIndex: undefined, quoted: true });
  });

  it('never takes a short reply for the rest of the quote, even when the quoted text contains it', () => {
    const withOui = [quoteCandidate({ author: 'a', text: 'Oui. Et le reste de mon long commentaire.' })];
    expect(removeQuotes(['a a écrit :', 'Et le reste de mon long commentaire.', 'Oui.'], withOui).own).toEqual(['Oui.']);
  });

  it('takes out a paragraph of "> " lines, escaped or not, and finds where it comes from', () => {
    expect(markdownQuote('> ligne un\n&gt; ligne deux')).toBe('ligne un\nligne deux');
    expect(markdownQuote('> cité\nmais pas celle-ci')).toBeUndefined();
    expect(removeQuotes(['> le logiciel reste américain', 'Pas forcément.'], earlier, article)).toEqual({ own: ['Pas forcément.'], quotesIndex: 0, quoted: true });
  });

  it('leaves a comment without quotes unchanged', () => {
    expect(removeQuotes(['Un avis.', 'Un autre paragraphe.'], earlier, article)).toEqual({ own: ['Un avis.', 'Un autre paragraphe.'], quotesIndex: undefined, quoted: false });
  });
});
