import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { leafNameOf, timesOf } from '../../../src/ingest/formats/html-comments.js';
import { readHtml } from '../../../src/ingest/formats/read-html.js';

const item = (id: number, name: string, time: string, text: string, inner = ''): string =>
  `<div class="rx-item" id="rx-${id}"><div class="rx-hd"><b class="rx-name">${name}</b><span class="rx-date" title="${time}">le ${time}</span></div>`
  + `<div class="rx-body"><p>${text}</p></div><div class="rx-ft"><a class="rx-reply">Répondre</a> · <a>Signaler</a></div>${inner}</div>`;

describe('comments inferred from repeated dated blocks, whatever the class names', () => {
  it('reads authors, dates, text and nesting by containment, and keeps the byline author for the article', () => {
    const html = '<html><body><main><article><h1>Titre</h1><p class="meta"><span>Thibault Renaud</span> <time datetime="2022-09-28T18:30">28 septembre</time></p>'
      + `<div class="story-text"><p>${'Le corps de l’article, assez long pour en être un. '.repeat(5)}</p></div></article>`
      + `<div class="rx-wrap">${item(1, 'Monique', '2022-09-28T19:02', 'Premier avis sur la question.', item(2, 'Frédéric A.', '2022-09-28T19:15', 'Une réponse à Monique.'))}`
      + `${item(3, 'Coralie', '2022-09-29T07:58', 'Un autre avis, sans réponse.')}</div></main></body></html>`;
    const [record] = readHtml(html).records;
    expect(record?.page).toMatchObject({ author: 'Thibault Renaud', published: '2022-09-28T18:30', body: expect.stringMatching(/^Le corps/u) as string });
    expect(record?.page.comments).toEqual([
      { author: 'Monique', published: '2022-09-28T19:02', text: 'Premier avis sur la question.', parentIndex: undefined },
      { author: 'Frédéric A.', published: '2022-09-28T19:15', text: 'Une réponse à Monique.', parentIndex: 0 },
      { author: 'Coralie', published: '2022-09-29T07:58', text: 'Un autre avis, sans réponse.', parentIndex: undefined },
    ]);
  });

  it('reads a forum topic as its first post, replies from "in reply to" links and data-time in milliseconds', () => {
    const post = (n: number, user: string, ms: number, text: string, replyTo?: number): string =>
      `<div class="topic-post" id="post_${n}"><article data-post-number="${n}"><div class="names"><span class="username">${user}</span></div>`
      + (replyTo === undefined ? '' : `<a class="reply-to-tab" href="/t/x/1/${replyTo}">en réponse à</a>`)
      + `<span data-time="${ms}">sept. '22</span><div class="cooked"><p>${text}</p></div><button>Répondre</button></article></div>`;
    const html = `<html><body><h1>Sujet</h1>${post(1, 'nadege', 1664270040000, 'La question posée au forum.')}${post(2, 'pierre', 1664272500000, 'Une première réponse.')}${post(3, 'marie', 1664274780000, 'Je réponds à pierre.', 2)}</body></html>`;
    const { records, diagnostics } = readHtml(html);
    expect(records[0]?.page).toMatchObject({ author: 'nadege', published: '2022-09-27T09:14', body: 'La question posée au forum.' });
    expect(records[0]?.page.comments.map((c) => [c.author, c.parentIndex])).toEqual([['pierre', undefined], ['marie', 0]]);
    expect(diagnostics).toMatchObject([{ code: 'thread-inferred', message: expect.stringMatching(/^thread read from 3 repeated `div\.topic-post` blocks/u) as string }, { code: 'first-post-as-article' }]);
  });

  it('reads generated class names: the author as the first name shown, the time by its words, replies nested, buttons and counters left out', () => {
    // Atomic classes say nothing; the time is plain text after the words ("2 j"), buttons are ARIA roles.
    const bubble = (name: string, when: string, text: string, inner = ''): string =>
      `<div class="x1n2onr6 x1swvt13"><div class="x1r8uery"><img src="a.jpg" alt=""></div><div class="x1y1aw1k">`
      + `<div class="xmjcpbm"><a href="/u" class="x1i10hfl"><span class="x193iq5w">${name}</span></a><div dir="auto">${text}</div></div>`
      + `<ul class="x1n0m28w"><li><div role="button">J’aime</div></li><li><div role="button">Répondre</div></li><li><a href="/p"><span>${when}</span></a></li><li><span>👍 12</span></li></ul>`
      + `${inner}</div></div>`;
    const html = '<html><body><div role="main" class="x78zum5"><div class="x1yztbdb">'
      + '<div class="xu06os2"><h2><a href="/c"><strong>Collectif Données Ouvertes</strong></a></h2><span><a href="/p"><span>4 octobre 2022 à 08:30</span></a> · 🌍</span></div>'
      + `<div class="x1iorvi4"><div dir="auto">${'Le texte du message publié par le collectif, assez long pour être un paragraphe. '.repeat(3)}</div></div>`
      + '<div class="x6s0dn4"><span>👍 214</span></div>'
      + bubble('Pierre Le Dantec', '2 j', 'Un premier avis sur le report.', bubble('Sandrine Vauquelin', '2 j', 'Une réponse à Pierre.'))
      + bubble('Moussa Ouattara', '22 h', 'Un autre avis, sans réponse.')
      + '</div></div></body></html>';
    const [record] = readHtml(html).records;
    expect(record?.page).toMatchObject({ author: 'Collectif Données Ouvertes', published: '2022-10-04T08:30', body: expect.stringMatching(/^Le texte du message.*paragraphe\.$/u) as string });
    expect(record?.page.comments).toEqual([
      { author: 'Pierre Le Dantec', published: undefined, text: 'Un premier avis sur le report.', parentIndex: undefined },
      { author: 'Sandrine Vauquelin', published: undefined, text: 'Une réponse à Pierre.', parentIndex: 0 },
      { author: 'Moussa Ouattara', published: undefined, text: 'Un autre avis, sans réponse.', parentIndex: undefined },
    ]);
  });

  it('leaves out a header row (name, badge, time) and a wrapper holding the posts, and skips avatar initials', () => {
    // Utility classes: the header row and the post share their first class; the page column holds the first post's time.
    const post = (initials: string, name: string, title: string, text: string, badge = ''): string =>
      `<div class="flex gap-3 p-4"><div class="flex-1 min-w-0"><div class="flex items-center gap-2"><span class="avatar">${initials}</span>`
      + `<a href="/u" class="font-semibold">${name}</a>${badge}<span>·</span><span title="${title}">il y a 3 j</span></div>`
      + `<div class="mt-2"><p>${text}</p></div><div class="mt-3 flex"><button>Citer</button></div></div></div>`;
    const html = '<html><body><div class="flex-1 min-w-0"><div class="flex gap-2"><a href="/c">Identité</a></div><h1>Un sujet</h1>'
      + post('KS', 'karim_s', '03/10/2022 18:05', 'La question du sujet.', '<span class="badge">Auteur du sujet</span>')
      + post('OF', 'odile.ferrand', '03/10/2022 18:47', 'Une réponse au sujet.')
      + post('KS', 'karim_s', '04/10/2022 13:02', 'Merci.', '<span class="badge">Auteur du sujet</span>')
      + '</div></body></html>';
    const [record] = readHtml(html).records;
    expect(record?.page).toMatchObject({ author: 'karim_s', published: '2022-10-03T18:05', body: 'La question du sujet.' });
    expect(record?.page.comments).toEqual([
      { author: 'odile.ferrand', published: '2022-10-03T18:47', text: 'Une réponse au sujet.', parentIndex: undefined },
      { author: 'karim_s', published: '2022-10-04T13:02', text: 'Merci.', parentIndex: undefined },
    ]);
  });

  it('reads a quotation naming its author itself (data-quote, or a title row "X a dit :") as the message answered', () => {
    const post = (name: string, when: string, body: string): string =>
      `<article class="msg"><h4 class="username">${name}</h4><time datetime="${when}">${when.slice(0, 10)}</time><div class="body">${body}</div></article>`;
    const html = '<html><body><h1>Sujet</h1>'
      + post('anne_b', '2025-03-14T10:12', 'La question posée au forum ce matin.')
      + post('bruno_k', '2025-03-14T10:40', 'Une première réponse au forum.')
      + post('carl_m', '2025-03-14T11:02', 'Une autre piste à regarder.')
      + post('anne_b', '2025-03-14T11:30', '<blockquote data-quote="bruno_k"><div>Réponse citée</div><div>Une première réponse</div></blockquote>Merci pour cette réponse.')
      + post('carl_m', '2025-03-14T12:00', '<blockquote><div>anne_b a dit :</div><div>Merci pour cette</div></blockquote>De rien pour elle.')
      + '</body></html>';
    const comments = readHtml(html).records[0]?.page.comments;
    expect(comments?.map((c) => [c.author, c.text, c.parentIndex, c.quotesIndex])).toEqual([
      ['bruno_k', 'Une première réponse au forum.', undefined, undefined],
      ['carl_m', 'Une autre piste à regarder.', undefined, undefined],
      ['anne_b', 'Merci pour cette réponse.', 0, 0],
      ['carl_m', 'De rien pour elle.', 2, 2],
    ]);
  });

  it('reads a message card, not its header row, and leaves out quoted blocks, the message quoted being the one answered', () => {
    const card = (name: string, when: string, text: string, quote = ''): string =>
      `<div class="mc"><div class="mc-h"><span class="mc-i">${name.slice(0, 1)}</span><span class="mc-s">${name}</span><span class="mc-t">à la liste</span><span class="mc-w">${when}</span></div>`
      + `<div class="mc-b"><div>${text}</div>${quote}</div></div>`;
    const quote = (head: string, words: string): string => `<div class="mc-q"><div>${head}</div><blockquote>${words}</blockquote></div>`;
    const html = `<html><body><h1>Sujet</h1>${card('Anne Bellec', '3 mars 2025, 21:05', 'La question posée au groupe ce soir.')}`
      + card('Thierry Marzin', '3 mars 2025, 22:18', 'Une première réponse au groupe.', quote('Le lun. 3 mars 2025 à 21:05, Anne Bellec a écrit :', 'La question posée'))
      + card('Soazig Kervella', '4 mars 2025, 07:42', 'Je réponds à Thierry ici.', quote('Le lun. 3 mars 2025 à 22:18, Thierry Marzin a écrit :', 'Une première'))
      + '</body></html>';
    const page = readHtml(html).records[0]?.page;
    expect(page).toMatchObject({ author: 'Anne Bellec', body: 'La question posée au groupe ce soir.' });
    expect(page?.comments).toEqual([
      { author: 'Thierry Marzin', published: '2025-03-03T22:18', text: 'Une première réponse au groupe.', parentIndex: undefined, quotesIndex: -1 },
      { author: 'Soazig Kervella', published: '2025-03-04T07:42', text: 'Je réponds à Thierry ici.', parentIndex: 0, quotesIndex: 0 },
    ]);
  });

  it('finds times by attribute or by their words, dated when day and year are shown', () => {
    const root = parse('<div><abbr title="mardi 4 octobre 2022 à 09:12">4 oct.</abbr><span>il y a 3 h</span><span>3 oct. 2022, 09:02</span>'
      + '<span>Répondre</span><span>12 partages</span><time datetime="2022-10-05T07:45:00+02:00">hier</time></div>');
    expect([...timesOf(root)].map(([el, iso]) => [el.text, iso])).toEqual([
      ['4 oct.', '2022-10-04T09:12'], ['il y a 3 h', ''], ['3 oct. 2022, 09:02', '2022-10-03T09:02'], ['hier', '2022-10-05T07:45'],
    ]);
  });

  it('reads a name from a leaf whatever its class, never initials, interface words or sentences', () => {
    const name = (html: string): string | undefined => leafNameOf(parse(html).firstChild as Parameters<typeof leafNameOf>[0]);
    expect(name('<span class="x193iq5w">Pierre Le Dantec</span>')).toBe('Pierre Le Dantec');
    expect(name('<span>Par Hélène Garnier</span>')).toBe('Hélène Garnier');
    expect(name('<span>Didier Morvan (mairie de Plouzec)</span>')).toBe('Didier Morvan (mairie de Plouzec)');
    expect(name('<a>lebreton.yves</a>')).toBe('lebreton.yves');
    for (const html of ['<div>SL</div>', '<span>Répondre</span>', '<span>Bonjour à toutes et tous,</span>', '<span>Pierre <b>Le Dantec</b></span>', '<p>Pierre</p>']) expect(name(html), html).toBeUndefined();
  });
});
