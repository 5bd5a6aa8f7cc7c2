import { describe, expect, it } from 'vitest';
import { bylineAuthor } from '../../src/ingest/layouts/article-part.js';
import { indentOf, looksLikeHandle, looksLikePersonName, paragraphsOf, perLine, wordCount } from '../../src/ingest/layouts/text-lines.js';
import { parseCommentHeading } from '../../src/ingest/layouts/thread-heading.js';

describe('looksLikeHandle', () => {
  it.each(['carinae', 'vincent83D', 'quinctius cincinnatus', 'mireille.b', 'Kevin_dev', 'zoe_r@jlai.lu', 'Jean-Pierre'])('takes "%s" for a user name', (line) => {
    expect(looksLikeHandle(line)).toBe(true);
  });

  it.each(['Bravo', 'Merci', 'Tout à fait', 'Je suis d’accord', 'Premier commentaire.', '12', 'Bien vu !', 'une phrase de plus de trois mots'])('does not take "%s" for one', (line) => {
    expect(looksLikeHandle(line)).toBe(false);
  });
});

describe('looksLikePersonName', () => {
  it.each(['Joëlle Melin', 'Jean-Luc de La Tour', 'Marie D.'])('takes "%s" for a name', (line) => expect(looksLikePersonName(line)).toBe(true));
  it.each(['Député européen', 'Joëlle', 'la rédaction'])('does not take "%s" for one', (line) => expect(looksLikePersonName(line)).toBe(false));
});

describe('bylineAuthor', () => {
  it('reads the name of a byline, without the role after it', () => {
    expect(bylineAuthor('Par\u00a0Alexandre Boero, Journaliste-reporter, responsable de l\'actu.')).toBe('Alexandre Boero');
    expect(bylineAuthor('Écrit par Sébastien Gavois')).toBe('Sébastien Gavois');
    expect(bylineAuthor('publié par citoyen_numerique@jlai.lu dans france@jlai.lu')).toBe('citoyen_numerique@jlai.lu');
  });

  it('does not take a sentence opening with "Par" for a byline', () => {
    expect(bylineAuthor('Par ailleurs, le gouvernement a tranché.')).toBeUndefined();
    expect(bylineAuthor('Par conséquent')).toBeUndefined();
  });
});

describe('parseCommentHeading', () => {
  it.each([
    ['Commentaires (10)', 10], ['Comments (7)', 7], ['12 commentaires', 12], ['3 réponses à « Un titre »', 3],
    ['Un commentaire', 1], ['Réactions', undefined],
  ])('reads "%s" as a comment heading announcing %s', (line, declared) => {
    expect(parseCommentHeading(line, 0)).toEqual(declared === undefined ? { index: 0 } : { index: 0, declared });
  });

  it('does not take a sentence about comments for a heading', () => {
    expect(parseCommentHeading('Les commentaires sont fermés.', 0)).toBeUndefined();
  });
});

describe('line helpers', () => {
  it('counts words up to a cap, indentation with tabs, and paragraphs with the gap before them', () => {
    expect(wordCount('l’État n’a pas tranché', 10)).toBe(4);
    expect(wordCount('un deux trois quatre', 2)).toBe(2);
    // Apostrophes and hyphens join only between letters or digits; any script's letters count.
    expect(wordCount("Jean-Yves a--b c' -d aujourd'hui")).toBe(6);
    expect(wordCount('Ωμέγα 東京 😀 𝐀𝐁 x×y 2²')).toBe(6);
    expect(indentOf('\t  x')).toBe(6);
    // Read character by character, as the leading run of /^[ \t\u00a0]*/u with a tab counting four.
    for (const line of ['', 'x', '  x', '\u00a0\t y', '\t\t', ' \u2003x', '\u00a0\u00a0', '\r x']) {
      expect(indentOf(line)).toBe([...(/^[ \t\u00a0]*/u.exec(line)?.[0] ?? '')].reduce((w, c) => w + (c === '\t' ? 4 : 1), 0));
    }
    expect(paragraphsOf(['a', '', '', 'b', 'c', ' ', 'd']).map((p) => [p.lines.join('|'), p.gapBefore])).toEqual([['a', 0], ['b|c', 2], ['d', 1]]);
  });
});

describe('perLine', () => {
  it('reads each line once, an answer of undefined included, and answers by line index', () => {
    const read: string[] = [];
    const at = perLine(['12 mai', 'rien', '3 juin'], (line) => {
      read.push(line);
      return /\d/u.test(line) ? line.length : undefined;
    });
    expect([at(0), at(1), at(2), at(1), at(0)]).toEqual([6, undefined, 6, undefined, 6]);
    expect(read).toEqual(['12 mai', 'rien', '3 juin']);
  });
});
