import { describe, expect, it } from 'vitest';
import { selectorOf } from '../../../src/ingest/formats/html-comments.js';
import { readHtml } from '../../../src/ingest/formats/read-html.js';
import { ingestFile } from '../../../src/ingest/ingest-file.js';

// A comment: a name, a time and words, in blocks whose class names say nothing.
const reaction = (name: string, time: string, text: string, inner = ''): string =>
  `<div class="rk-e"><div class="rk-h"><strong>${name}</strong> <time datetime="${time}">${time}</time></div><div class="rk-w"><p>${text}</p></div>`
  + `<div class="rk-t"><a href="#r">Répondre</a></div>${inner}</div>`;

// A "Lire aussi" item: a headline link to another page, a byline and a date, as many as the comments or more.
const related = (headline: string, name: string, time: string, teaser = ''): string =>
  `<li class="mo-i"><a href="/rubrique/${time}/${headline.length}"><h3>${headline}</h3></a>${teaser === '' ? '' : `<p>${teaser}</p>`}`
  + `<p class="mo-m"><span class="mo-a">Par ${name}</span> · <time datetime="${time}">${time}</time></p></li>`;

const HEADLINES: [string, string, string][] = [
  ['Le collège équipé en tablettes dès avril', 'Marc Oriol', '2023-02-27T07:00'],
  ['Fibre optique : les hameaux attendent toujours', 'Inès Bourgade', '2023-03-02T18:15'],
  ['Une entreprise locale héberge les données des mairies', 'Claire Dumoulin', '2023-03-06T06:45'],
  ['Le prix du repas augmente de vingt centimes', 'Marc Oriol', '2023-03-09T12:10'],
];

const ARTICLE = `<article><h1>Titre</h1><p>${'Le texte de l’article, assez long pour en être un et pour ne pas être pris pour un message. '.repeat(3)}</p></article>`;

const page = (between: string, after = ''): string => `<html><body><main>${ARTICLE}${between}<section class="rk">`
  + reaction('Sylvie Fabre', '2023-03-14T07:48', 'Enfin une application qui fonctionne pour la cantine.', reaction('Jérôme Lacoste', '2023-03-14T08:05', 'Elle fonctionnera si la mairie paie sa maintenance.'))
  + reaction('Armelle Tixier', '2023-03-14T09:31', 'Deux permanences pour toute la commune, c’est bien peu.')
  + `</section>${after}</main></body></html>`;

const relatedList = (teaser = ''): string => `<div class="mo"><p>Lire aussi</p><ul class="mo-l">${HEADLINES.map(([h, n, t]) => related(h, n, t, teaser)).join('')}</ul></div>`;

const authors = (html: string): (string | undefined)[] => readHtml(html).records[0]?.page.comments.map((c) => c.author) ?? [];

describe('dated blocks with a name that are not comments', () => {
  it('leaves out a "Lire aussi" list of headline links with byline and date, even when it has more items than the comments', () => {
    const { records, diagnostics } = readHtml(page(relatedList()));
    expect(records[0]?.page.comments.map((c) => [c.author, c.parentIndex])).toEqual([['Sylvie Fabre', undefined], ['Jérôme Lacoste', 0], ['Armelle Tixier', undefined]]);
    expect(diagnostics).toEqual([{
      level: 'info', code: 'thread-inferred',
      message: 'thread read from 3 repeated `div.rk-e` blocks holding a name, a time and words (no known comment markup), 1 of them answering another; 4 dated blocks with a name set aside as page furniture or links to other pages (related articles)',
    }]);
  });

  it('leaves out the list when it shares the comments\' shape (class-less li), item by list', () => {
    const li = (name: string, time: string, text: string): string => `<li><div><b>${name}</b> <span>${time}</span></div><p>${text}</p></li>`;
    const links = HEADLINES.map(([h, n, t]) => `<li><a href="/a/${t}"><strong>${h}</strong></a><br><span>${n}</span> — <span>${t.slice(0, 10).split('-').reverse().join('/')}</span></li>`).join('');
    const html = `<html><body>${ARTICLE}<ol>${li('Yann Le Goff', '12/01/2024 10:22', 'Bon courage aux équipes pour ce transfert.')}${li('Martine Guéguen', '12/01/2024 13:47', 'Je ne comprends pas les priorités de l’hôpital.')}</ol>`
      + `<h3>À lire aussi</h3><ul>${links}</ul></body></html>`;
    expect(authors(html)).toEqual(['Yann Le Goff', 'Martine Guéguen']);
  });

  it('leaves out dated cards in an aside, a footer or navigation, teasers and all, and cards that are links as a whole', () => {
    const teaser = 'Un résumé de l’article, plus long que son titre, qui en dit assez pour donner envie de lire la suite sans la donner.';
    for (const around of ['aside', 'footer', 'nav', 'div role="complementary"']) {
      const tag = around.split(' ')[0]!;
      expect(authors(page('', `<${around}>${relatedList(teaser)}</${tag}>`)), around).toEqual(['Sylvie Fabre', 'Jérôme Lacoste', 'Armelle Tixier']);
    }
    const cards = HEADLINES.map(([h, n, t]) => `<a class="card" href="/a/${t}"><div class="card-b"><h3>${h}</h3><p>${teaser}</p><span>Par ${n}</span> <time datetime="${t}">${t}</time></div></a>`).join('');
    expect(authors(page(`<div class="cards">${cards}</div>`))).toEqual(['Sylvie Fabre', 'Jérôme Lacoste', 'Armelle Tixier']);
  });

  it('keeps a comment that mostly shares a link, among comments, and a comment whose words are more than its link', () => {
    const sharing = 'Le rapport cité :</p><p><a href="https://exemple.org/rapport">Rapport sur la commande publique de logiciels par les collectivités</a>';
    const inline = 'Voir aussi <a href="https://exemple.org/b">Trois ans après une migration de messagerie</a>, un retour d’expérience qui insiste sur la formation des agents.';
    const html = `<html><body>${ARTICLE}<section>${reaction('Bruno Caradec', '2023-04-03T21:40', sharing)}${reaction('Fanny Rouxel', '2023-04-03T19:02', inline)}`
      + `${reaction('Céline M.', '2023-04-04T08:15', 'Deux ans, c’est long pour une migration.')}</section></body></html>`;
    const comments = readHtml(html).records[0]?.page.comments;
    expect(comments?.map((c) => c.author)).toEqual(['Bruno Caradec', 'Fanny Rouxel', 'Céline M.']);
    expect(comments?.[0]?.text).toBe('Le rapport cité :\nRapport sur la commande publique de logiciels par les collectivités');
  });

  it('says so when dated blocks were set aside and no comment was inferred: the related list is not the thread', () => {
    const html = `<html><body><main>${ARTICLE}${relatedList()}</main></body></html>`;
    const { records, diagnostics } = readHtml(html);
    expect(records[0]?.page.comments).toEqual([]);
    expect(diagnostics).toEqual([{ level: 'info', code: 'links-not-comments', message: '4 dated blocks with a name set aside as page furniture or links to other pages (related articles); no comments inferred' }]);
  });
});

describe('the diagnostics row of inferred HTML comments', () => {
  it('names the page, the repeated element and how many comments, as the text copies\' thread-inferred row does', () => {
    const html = `<html><body><main>${ARTICLE}<section>${reaction('Sylvie Fabre', '2023-03-14T07:48', 'Un premier avis.')}${reaction('Armelle Tixier', '2023-03-14T09:31', 'Un second avis.')}</section></main></body></html>`;
    const { diagnostics } = ingestFile('presse/cantine.html', new TextEncoder().encode(html));
    expect(diagnostics).toEqual([{
      level: 'info', code: 'thread-inferred', file: 'presse/cantine.html', docId: 'presse/cantine',
      message: 'thread read from 2 repeated `div.rk-e` blocks holding a name, a time and words (no known comment markup), 0 of them answering another',
    }]);
  });

  it('writes the repeated element as a CSS selector, a long class list cut', () => {
    expect(selectorOf('LI.sc-eHgmQL')).toBe('li.sc-eHgmQL');
    expect(selectorOf('LI.')).toBe('li');
    expect(selectorOf('DIV:flex gap-2')).toBe('div.flex.gap-2');
    expect(selectorOf('DIV:x1n2onr6 x1swvt13 x1ja2u2z x78zum5 x1iyjqo2 xs83m0k xeuugli x1qughib')).toBe('div.x1n2onr6.x1swvt13.x1ja2u2z.x78zum5.x1iyjqo2.xs83m0k.xeuu…');
  });

  it('adds no row for comments read from known markup', () => {
    const wordpress = '<html><body><article><p>Texte.</p></article><ol class="commentlist"><li class="comment"><div class="comment-author"><cite class="fn">Anne</cite></div><div class="comment-content"><p>Un avis.</p></div></li></ol></body></html>';
    expect(readHtml(wordpress).records[0]?.page.comments).toHaveLength(1);
    expect(readHtml(wordpress).diagnostics).toEqual([]);
  });
});
