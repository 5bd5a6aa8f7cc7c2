import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/ingest/formats/read-html.js';

// An invented article page with its forum: each message a titled block whose byline is the date
// then "par <b>Name</b>" in one small element, the words in an element whose class says "texte"
// in French, the title a name-like phrase that must not be taken for the author.
const message = (title: string, date: string, name: string, words: string): string =>
  `<li class="fil"><div class="msg"><div class="tete"><b class="titre"><a href="#m">${title}</a></b> <small>${date}, par <b>${name}</b></small></div>`
  + `<div class="msg-texte"><p>${words}</p></div><p><a href="#r">Répondre à ce message</a></p></div></li>`;

const PAGE = `<html><body><h1>Les bancs de la place</h1><div class="article"><p>La commune remplace les bancs de la place par du mobilier en bois local, livré avant l'été.</p></div><ul class="fils">${[
  message('Bois local', '2 avril 2025 10:12', 'Hugo Marchal', 'Bonne idée, le bois local vieillit mieux que le métal peint sous notre climat.'),
  message('Le Calendrier', '2 avril 2025 11:40', 'Rose Dufay', 'Livrés avant l\'été, donc pas pour la fête de la musique, dommage pour les musiciens.'),
  message('Entretien', '3 avril 2025 08:05', 'Hugo Marchal', 'Qui se charge de l\'huile de protection chaque printemps, la commune ou le fournisseur ?'),
].join('')}</ul></body></html>`;

describe('saved HTML: a byline of a date and "par <name>" in one element, bodies by a French class word', () => {
  it('reads the date beside the byline word, the name beside the date rather than a title, and only the words of the body', () => {
    const { page } = readHtml(PAGE).records[0]!;
    // The thread's first message may be read as the page's post: the units are compared in order.
    const units = [...(page.author === undefined ? [] : [[page.author, page.published, page.body]]), ...page.comments.map((c) => [c.author, c.published, c.text])];
    expect(units).toEqual([
      ['Hugo Marchal', '2025-04-02T10:12', 'Bonne idée, le bois local vieillit mieux que le métal peint sous notre climat.'],
      ['Rose Dufay', '2025-04-02T11:40', 'Livrés avant l\'été, donc pas pour la fête de la musique, dommage pour les musiciens.'],
      ['Hugo Marchal', '2025-04-03T08:05', 'Qui se charge de l\'huile de protection chaque printemps, la commune ou le fournisseur ?'],
    ]);
  });
});
