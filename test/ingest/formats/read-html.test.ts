import { describe, expect, it } from 'vitest';
import { readHtml, sniffHtmlCharset } from '../../../src/ingest/formats/read-html.js';

const page = (body: string, head = ''): string => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const only = (html: string) => {
  const { records, diagnostics } = readHtml(html);
  expect(records).toHaveLength(1);
  return { page: records[0]!.page, diagnostics };
};

describe('readHtml', () => {
  it('reads Open Graph metadata and the article text, without script, style, nav, footer, captions or share bars', () => {
    const { page: p, diagnostics } = only(page(
      '<nav>Accueil Tech</nav><article><h1>Titre visible</h1><p>Premier&nbsp;paragraphe de l&rsquo;article.</p><figure><figcaption>Légende</figcaption></figure>'
      + '<script>var x = "code";</script><style>p{}</style><div class="sharedaddy">Partager</div><p>Second &amp; dernier.</p></article><footer>Mentions légales</footer>',
      '<title>Titre | Site</title><meta property="og:title" content="Titre &amp; sous-titre"><meta property="og:site_name" content="Le Site"><meta property="og:url" content="https://site.fr/a"><meta name="author" content="Ana">'
      + '<meta property="article:published_time" content="2021-12-25T08:12:00+01:00">',
    ));
    expect(diagnostics).toEqual([]);
    expect(p).toMatchObject({ title: 'Titre & sous-titre', site: 'Le Site', url: 'https://site.fr/a', author: 'Ana', published: '2021-12-25T08:12', langHint: 'fra', comments: [] });
    expect(p.body.replace(/\s+/gu, ' ')).toBe('Titre visible Premier paragraphe de l’article. Second & dernier.');
  });

  it('reads a WordPress comment list with authors, dates, nesting, and without "Répondre" or the comment form', () => {
    const comment = (id: number, author: string, date: string, text: string, children = ''): string =>
      `<li id="comment-${id}" class="comment"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">dit :</span></div>`
      + `<div class="comment-metadata"><a href="#"><time datetime="${date}">le jour</time></a></div></footer><div class="comment-content"><p>${text}</p></div>`
      + `<div class="reply"><a class="comment-reply-link">Répondre</a></div></article>${children}</li>`;
    const { page: p } = only(page(
      '<article><div class="entry-content"><p>Le corps.</p></div></article><div id="comments"><h2 class="comments-title">3 commentaires</h2><ol class="comment-list">'
      + comment(1, 'Gérard', '2021-12-25T09:30', 'Premier.', `<ol class="children">${comment(2, 'Inès', '2021-12-25T10:02', 'Réponse.')}</ol>`)
      + comment(3, 'Yann', '2021-12-26T07:05', 'Deuxième.') + '</ol><div id="respond"><form><textarea>Votre commentaire</textarea></form></div></div>',
    ));
    expect(p.body).toBe('Le corps.');
    expect(p.nCommentsDeclared).toBe(3);
    expect(p.comments).toEqual([
      { author: 'Gérard', published: '2021-12-25T09:30', text: 'Premier.', parentIndex: undefined },
      { author: 'Inès', published: '2021-12-25T10:02', text: 'Réponse.', parentIndex: 0 },
      { author: 'Yann', published: '2021-12-26T07:05', text: 'Deuxième.', parentIndex: undefined },
    ]);
  });

  it('reads the older WordPress markup: text beside the author in .comment-body, French date as link text', () => {
    const { page: p } = only(page(
      '<ol class="commentlist"><li class="comment"><div class="comment-body"><div class="comment-author vcard"><cite class="fn">Paul</cite> <span class="says">dit&nbsp;:</span></div>'
      + '<div class="comment-meta commentmetadata"><a href="#">25 décembre 2021 à 8 h 12 min</a></div><p>Texte du commentaire.</p><div class="reply"><a>Répondre</a></div></div></li></ol>',
    ));
    expect(p.comments).toEqual([{ author: 'Paul', published: '2021-12-25T08:12', text: 'Texte du commentaire.', parentIndex: undefined }]);
  });

  it('reads schema.org microdata: headline, author, datePublished, articleBody and nested Comment items', () => {
    const { page: p } = only(page(
      '<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Le titre</h1><span itemprop="author" itemscope><span itemprop="name">Luc</span></span>'
      + '<meta itemprop="datePublished" content="2020-06-10T07:45"><div itemprop="articleBody">Le corps.</div>'
      + '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope><span itemprop="name">Amélie</span></span><time itemprop="dateCreated" datetime="2020-06-10T08:01">hier</time><div itemprop="text">Un.</div>'
      + '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Rémi</span><div itemprop="text">Deux.</div></div></div></div>',
    ));
    expect(p).toMatchObject({ title: 'Le titre', author: 'Luc', published: '2020-06-10T07:45', body: 'Le corps.' });
    expect(p.comments).toEqual([
      { author: 'Amélie', published: '2020-06-10T08:01', text: 'Un.', parentIndex: undefined },
      { author: 'Rémi', published: undefined, text: 'Deux.', parentIndex: 0 },
    ]);
  });

  it('reads a Disqus-like list (li.post, .post-message)', () => {
    const { page: p } = only(page(
      '<main><p>Corps.</p></main><div id="disqus_thread"><ul id="post-list"><li class="post"><span class="post-byline"><span class="author">Max</span></span><a class="time-ago" title="03/12/2021 09:12">il y a 2 ans</a>'
      + '<div class="post-message"><p>Message.</p></div><ul class="children"><li class="post"><span class="author">Léo</span><div class="post-message">Réponse.</div></li></ul></li></ul></div>',
    ));
    expect(p.body).toBe('Corps.');
    expect(p.comments).toEqual([
      { author: 'Max', published: '2021-12-03T09:12', text: 'Message.', parentIndex: undefined },
      { author: 'Léo', published: undefined, text: 'Réponse.', parentIndex: 0 },
    ]);
  });

  it('never takes a comment author or date for the article\'s', () => {
    const { page: p } = only(page(
      '<article><p>Corps sans signature.</p></article><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Amélie</span>'
      + '<time itemprop="datePublished" datetime="2020-06-10T08:01">hier</time><div itemprop="text">Un.</div></div>',
    ));
    expect(p).toMatchObject({ author: undefined, published: undefined, body: 'Corps sans signature.', comments: [{ author: 'Amélie', published: '2020-06-10T08:01' }] });
  });

  it('drops cookie boxes but not a body whose class mentions cookies', () => {
    const html = '<html><body class="home cookies-not-set"><main><p>Le texte.</p><div id="cookie-notice">Nous utilisons des cookies. Accepter</div></main></body></html>';
    expect(only(html).page.body).toBe('Le texte.');
  });

  it('reads a Hacker News thread, replies from the indentation', () => {
    const row = (id: number, indent: number, user: string, text: string): string =>
      `<tr class="athing comtr" id="${id}"><td><table><tr><td class="ind" indent="${indent}"><img src="s.gif" width="${indent * 40}"></td>`
      + `<td class="default"><div><span class="comhead"><a class="hnuser">${user}</a> <span class="age" title="2023-05-01T12:0${id}:00 1682942400"><a>2 hours ago</a></span></span></div>`
      + `<div class="comment"><div class="commtext c00">${text}</div><div class="reply"><p><a>reply</a></p></div></div></td></tr></table></td></tr>`;
    const { page: p } = only(page(`<table class="comment-tree">${row(1, 0, 'ada', 'Root.')}${row(2, 1, 'bob', 'Reply <p>on two paragraphs.')}${row(3, 2, 'cy', 'Deeper.')}${row(4, 1, 'dee', 'Second reply.')}${row(5, 0, 'eve', 'New root.')}</table>`));
    expect(p.comments).toEqual([
      { author: 'ada', published: '2023-05-01T12:01', text: 'Root.', parentIndex: undefined },
      { author: 'bob', published: '2023-05-01T12:02', text: 'Reply\non two paragraphs.', parentIndex: 0 },
      { author: 'cy', published: '2023-05-01T12:03', text: 'Deeper.', parentIndex: 1 },
      { author: 'dee', published: '2023-05-01T12:04', text: 'Second reply.', parentIndex: 0 },
      { author: 'eve', published: '2023-05-01T12:05', text: 'New root.', parentIndex: undefined },
    ]);
  });

  it('reads a Drupal-like .comment with .comment__content', () => {
    const { page: p } = only(page('<article><p>Corps.</p></article><section><article class="comment"><footer><span class="comment__author">Jo</span></footer><div class="comment__content"><p>Avis.</p><ul class="links"><li>Répondre</li></ul></div></article></section>'));
    expect(p.comments).toEqual([{ author: 'Jo', published: undefined, text: 'Avis.', parentIndex: undefined }]);
  });

  it('falls back to the body text as one unit, with a diagnostics row, when nothing is recognised', () => {
    const { page: p, diagnostics } = only(page('<div>Un bloc.</div><div>Un autre.</div><script>ignoré()</script>'));
    expect(p.body.replace(/\s+/gu, ' ')).toBe('Un bloc. Un autre.');
    expect(diagnostics).toMatchObject([{ level: 'info', code: 'no-thread-recognised' }]);
  });
});

describe('sniffHtmlCharset', () => {
  it('finds <meta charset> and the http-equiv form', () => {
    expect(sniffHtmlCharset(Buffer.from('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(sniffHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('ISO-8859-1');
    expect(sniffHtmlCharset(Buffer.from('<p>rien</p>'))).toBeUndefined();
  });
});
