import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/ingest/formats/read-html.js';

// An invented forum page: the date in a heading link with a comma before its time, the words in an
// element whose class is a compound word ending with "msg", and a signature of the same class under them.
const post = (n: number, name: string, date: string, words: string, signature: string): string =>
  `<div class="bp row${n % 2}"><h2><span>#${n}</span> <a href="#p${n}">Le ${date}</a></h2><div class="pb"><div class="pl"><dl><dt><strong><a href="#u">${name}</a></strong></dt><dd>Membre</dd><dd>Messages : 12</dd></dl></div>`
  + `<div class="pr"><h3>Re : sujet</h3><div class="topicmsg"><p>${words}</p></div><div class="topicsignature topicmsg"><p>${signature}</p></div></div></div><p>Hors ligne</p></div>`;

const PAGE = `<html><body><h1>Sujet</h1>${[
  post(1, 'odile_p', '03/04/2025, à 18:05', 'La commune passe ses postes de la médiathèque sous un système libre cet été.', 'Bibliothécaire, Finistère, et fière de l\u2019être depuis longtemps.'),
  post(2, 'Yann29', '03/04/2025, à 18:40', 'Pensez aux imprimantes, ce sont elles qui posent problème chez nous.', 'Un ordinateur qui marche est un ordinateur qu\u2019on ne touche plus jamais.'),
  post(3, 'odile_p', '04/04/2025, à 08:02', 'Merci, on fera un essai avec les deux modèles de la salle.', 'Bibliothécaire, Finistère, et fière de l\u2019être depuis longtemps.'),
].join('')}</body></html>`;

describe('saved HTML: a body class of a compound word, a signature beside it, a date with a comma before its time', () => {
  it('reads each post\'s own words without the card or the signature, dated to the minute', () => {
    const page = readHtml(PAGE).records[0]!.page;
    expect([page.author, page.published, page.body]).toEqual(['odile_p', '2025-04-03T18:05', 'La commune passe ses postes de la médiathèque sous un système libre cet été.']);
    expect(page.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Yann29', '2025-04-03T18:40', 'Pensez aux imprimantes, ce sont elles qui posent problème chez nous.'],
      ['odile_p', '2025-04-04T08:02', 'Merci, on fera un essai avec les deux modèles de la salle.'],
    ]);
  });
});
