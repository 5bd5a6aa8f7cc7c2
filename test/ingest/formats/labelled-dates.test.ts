import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/ingest/formats/read-html.js';

// An invented forum page: alternating row classes, no <time> and no date attribute (the date is the
// words beside a bold label), the words in an element named by its id only, a quotation header above
// a blockquote, and a guest's post.
const post = (row: string, n: number, name: string, date: string, words: string): string =>
  `<section class="${row}"><div class="cell"><div class="who"><h4><a href="#u">${name}</a></h4><ul><li>Membre</li></ul></div>`
  + `<div class="what"><h5>Re : sujet</h5><p class="tiny">« <b>Message n°${n} :</b> ${date} »</p><div class="zz" id="msg-${n}">${words}</div></div></div></section>`;

const PAGE = `<html><body><h1>Sujet</h1>${[
  post('rowA', 1, 'Odile Perrin', '3 avril 2025 à 18:05:12', 'La commune passe ses salles au nouveau portail de réservation en ligne.'),
  post('rowB', 2, 'Yann Le Goff', '3 avril 2025 à 18:40:00', 'Le portail garde-t-il une réservation par téléphone pour les autres ?'),
  post('rowA', 3, 'Odile Perrin', '4 avril 2025 à 08:02:30', '<div class="qh">Citation de: Yann Le Goff le 3 avril 2025 à 18:40:00</div><blockquote>une réservation par téléphone</blockquote>Oui, la mairie l\'a confirmé ce matin.'),
  post('rowB', 4, 'Invité', '4 avril 2025 à 09:15:00', 'Et pour les associations qui n\'ont pas d\'ordinateur, rien de prévu ?'),
].join('')}</body></html>`;

describe('saved HTML: dates beside a label, bodies named by id, quotation headers, guests', () => {
  it('reads each post with its date, its own words, the quoted post as parent, and no author for a guest', () => {
    const { records } = readHtml(PAGE);
    const page = records[0]!.page;
    expect([page.author, page.published, page.body]).toEqual(['Odile Perrin', '2025-04-03T18:05:12', 'La commune passe ses salles au nouveau portail de réservation en ligne.']);
    expect(page.comments).toEqual([
      { author: 'Yann Le Goff', published: '2025-04-03T18:40', text: 'Le portail garde-t-il une réservation par téléphone pour les autres ?', parentIndex: undefined },
      { author: 'Odile Perrin', published: '2025-04-04T08:02:30', text: 'Oui, la mairie l\'a confirmé ce matin.', parentIndex: 0, quotesIndex: 0 },
      { author: undefined, published: '2025-04-04T09:15', text: 'Et pour les associations qui n\'ont pas d\'ordinateur, rien de prévu ?', parentIndex: undefined },
    ]);
  });
});
