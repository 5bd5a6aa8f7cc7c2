import { describe, expect, it } from 'vitest';
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
    expect(diagnostics).toMatchObject([{ code: 'first-post-as-article' }]);
  });
});
