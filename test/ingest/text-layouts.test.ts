import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile, TEXT_LAYOUTS } from '../../src/ingest/ingest-file.js';
import { splitLines } from '../../src/ingest/layouts/text-lines.js';
import type { Document, Unit } from '../../src/model.js';

const FIXTURES = 'test/fixtures/corpora/layouts';
const SAMPLES = 'corpus';

const read = (file: string): string => readFileSync(file, 'utf8');
const layoutOf = (text: string): string | undefined => TEXT_LAYOUTS.find((l) => l.recognise(text, splitLines(text)))?.name;

function ingestText(name: string, text: string): { doc: Document; codes: string[] } {
  const result = ingestFile(name, new TextEncoder().encode(text));
  return { doc: result.documents[0]!, codes: result.diagnostics.map((d) => d.code) };
}
const ingestPath = (path: string): { doc: Document; codes: string[] } => ingestText(path.split('/').pop()!, read(path));
const brief = (u: Unit): string => [u.kind, u.author ?? '', u.published ?? '', u.parentId ?? '', u.depth, u.quotesId ?? ''].join('|');

describe('layout recognition (from the text, never the file name)', () => {
  it.each([
    [`${SAMPLES}/000_de8b060ac039dc55.txt`, 'wordpress-thread'],
    [`${SAMPLES}/001_f0eed57cc5c25b8c.txt`, 'author-line-thread'],
    [`${SAMPLES}/002_a9a01d1232ec4e5c.txt`, 'blank-line-thread'],
    [`${SAMPLES}/003_9fa0ee35a58430c9.txt`, 'plain-text'],
    [`${SAMPLES}/004_6ccc96158d268618.txt`, 'plain-text'],
    [`${FIXTURES}/wordpress-dit.txt`, 'wordpress-thread'],
    [`${FIXTURES}/forum-jaime.txt`, 'forum-likes-thread'],
    [`${FIXTURES}/lemmy.txt`, 'lemmy-thread'],
    [`${FIXTURES}/fediverse.txt`, 'fediverse-thread'],
    [`${FIXTURES}/hn-style.txt`, 'hn-thread'],
    [`${FIXTURES}/unknown-page.txt`, 'plain-text'],
  ])('reads %s as %s', (path, layout) => {
    expect(layoutOf(read(path))).toBe(layout);
  });

  it('gives the same units whatever the file is called', () => {
    const text = read(`${SAMPLES}/002_a9a01d1232ec4e5c.txt`);
    const a = ingestText('page.txt', text).doc.units.map((u) => u.text);
    const b = ingestText('000_de8b060ac039dc55.txt', text).doc.units.map((u) => u.text);
    expect(a).toEqual(b);
  });
});

describe('WordPress-style threads', () => {
  it('takes no row of buttons ending with "Répondre" for a header', () => {
    const page = ['Sujet', '', 'Anne Roy', '2 avril 2025', 'La salle est réservée pour la réunion de jeudi soir.', "J'aime   Répondre", '', 'Luc Bon', '3 avril 2025', 'Merci, je viendrai avec les clés.', "J'aime   Répondre"];
    expect(TEXT_LAYOUTS.find((l) => l.name === 'wordpress-thread')?.read?.('', page)).toBeUndefined();
  });

  it('nests replies by indentation and takes the date line that follows the text', () => {
    const { doc } = ingestPath(`${SAMPLES}/000_de8b060ac039dc55.txt`);
    expect(doc.units.map(brief).slice(1, 6)).toEqual([
      'comment|quinctius cincinnatus|2021-12-31T16:41||0|',
      'comment|Sansillusions|2021-12-25T08:12||0|',
      'reply|quinctius cincinnatus|2021-12-26T09:44|000_de8b060ac039dc55#2|1|',
      'reply|Sansillusions|2021-12-26T15:17|000_de8b060ac039dc55#3|2|',
      'reply|quinctius cincinnatus|2021-12-26T19:19|000_de8b060ac039dc55#4|3|',
    ]);
  });

  it('keeps the byline, share bar and comment form out of every unit', () => {
    const { doc } = ingestPath(`${SAMPLES}/000_de8b060ac039dc55.txt`);
    expect(doc.author).toBe('Joëlle Melin');
    expect(doc.nCommentsDeclared).toBe(7);
    for (const u of doc.units) expect(u.text).not.toMatch(/Député européen|Partager cette publication|Répondre|Laisser un commentaire|adresse e-mail/u);
  });

  it('reads the "X dit :" variant with the date line above the text', () => {
    const { doc, codes } = ingestPath(`${FIXTURES}/wordpress-dit.txt`);
    expect(doc.units.map(brief)).toEqual([
      'article|Claire Morel|2023-03-14T18:30||0|',
      'comment|Jean-Pierre|2023-03-14T19:02||0|',
      'reply|Claire Morel|2023-03-14T20:15|wordpress-dit#1|1|',
      'comment|Nadia|2023-03-15T08:47||0|',
    ]);
    expect(doc.units[3]!.text).toMatch(/chaque trimestre\.$/u);
    expect(codes).toEqual([]);
  });
  it('does not take a comment line ending in "dit :" for a comment header', () => {
    const page = ['Titre du billet', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'Marie dit :', '14 mars 2023 à 19 h 02 min', '', 'Je cite le ministre, qui dit :', '« tout va bien ».', '', 'Répondre', '', 'Paul dit :', '15 mars 2023 à 8 h 47 min', '', 'Il dit toujours ça.', ''].join('\n');
    const { doc } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => [u.author, u.text])).toEqual([
      ['Marie', 'Je cite le ministre, qui dit : « tout va bien ».'],
      ['Paul', 'Il dit toujours ça.'],
    ]);
  });
});

describe('author-line threads', () => {
  it('takes a date stamp printed under the name as the comment\'s date', () => {
    const page = ['Un titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', '2 commentaires', '', 'marie_d', '12 mars 2023 à 10:14', '', 'Premier avis, bien argumenté.', '', 'paul75', 'il y a 3 heures', '', 'Second avis.', ''].join('\n');
    const { doc } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => [u.author, u.published ?? '', u.text])).toEqual([
      ['marie_d', '2023-03-12T10:14', 'Premier avis, bien argumenté.'],
      ['paul75', '', 'Second avis.'],
    ]);
  });

  it('starts a comment at each user name alone on its line and stops at the newsletter', () => {
    const { doc } = ingestPath(`${SAMPLES}/001_f0eed57cc5c25b8c.txt`);
    expect(doc.units.map((u) => u.author ?? '')).toEqual(['Alexandre Boero', 'carinae', 'leulapin', 'jaceneliot', 'carinae', 'Cleindori', 'rapiot', 'vincent83D', 'philumax', 'onipif', 'ellis2323']);
    expect(doc.published).toBe('2019-10-08T09:07');
    expect(doc.units.at(-1)!.text).not.toMatch(/newsletter|Abonnez/u);
    expect(doc.units[0]!.text).not.toMatch(/Source :|Shutterstock|Par Alexandre/u);
  });

  it('nests a reply whose name is indented under the comment it answers, and drops "Répondre"', () => {
    const page = ['Un titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', '3 commentaires', '', 'marie_d', '', 'Premier avis.', '', 'Répondre', '', '    paul75', '', '    Réponse à Marie.', '', '    Répondre', '', 'lucie', '', 'Autre avis.', '', 'Répondre', ''].join('\n');
    const { doc } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => [u.author, u.kind, u.parentId ?? '', u.text])).toEqual([
      ['marie_d', 'comment', '', 'Premier avis.'],
      ['paul75', 'reply', 'p#1', 'Réponse à Marie.'],
      ['lucie', 'comment', '', 'Autre avis.'],
    ]);
  });

  it('does not take a one-word comment ("Bravo") for a user name', () => {
    const page = ['Un titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'Commentaires (2)', 'marie_d', '', 'Bravo', '', 'paul75', '', 'Je ne suis pas d’accord du tout.', ''].join('\n');
    const { doc, codes } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => `${u.author}: ${u.text}`)).toEqual(['marie_d: Bravo', 'paul75: Je ne suis pas d’accord du tout.']);
    expect(codes).toEqual([]);
  });

  it('takes a named quote out of the reply and makes the quoted comment its parent', () => {
    const page = ['Un titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'Commentaires (2)', 'marie_d', '', 'Le cloud de confiance est une illusion tant que le logiciel reste américain.', '', 'paul75', '', 'marie_d a écrit :', 'Le cloud de confiance est une illusion', '', 'Pas si le code est audité.', ''].join('\n');
    const { doc } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => [u.author, u.kind, u.parentId ?? '', u.quotesId ?? '', u.text])).toEqual([
      ['marie_d', 'comment', '', '', 'Le cloud de confiance est une illusion tant que le logiciel reste américain.'],
      ['paul75', 'reply', 'p#1', 'p#1', 'Pas si le code est audité.'],
    ]);
  });

  it('reports a comment count that does not match the page\'s announcement', () => {
    const page = ['Un titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'Commentaires (3)', 'marie_d', '', 'Premier avis.', '', 'paul75', '', 'Second avis.', ''].join('\n');
    expect(ingestText('p.txt', page).codes).toEqual(['comment-count-mismatch']);
  });
});

describe('blank-line threads with "X a écrit :" quotes', () => {
  it('splits comments on the separator gap and attributes the quote to the quoted unit', () => {
    const { doc } = ingestPath(`${SAMPLES}/002_a9a01d1232ec4e5c.txt`);
    const reply = doc.units[3]!;
    expect(brief(reply)).toBe('reply|||002_a9a01d1232ec4e5c#1|1|002_a9a01d1232ec4e5c#1');
    expect(reply.text).toBe('Tu aurais pu attendre demain pour la sortir celle là');
    expect(doc.units.map((u) => u.text).join(' ')).not.toMatch(/a écrit|data-src|&lt;|&quot/u);
    expect(doc.units[7]!.text).toContain('<img id=“recaptcha_challenge_image”'); // pasted markup stays text
  });

  it('keeps a quote of a text that is not on the page out of the reply, without a quoted unit', () => {
    const page = ['Titre', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'Commentaires (2)', '', 'Premier commentaire.', '', '', 'lucie a écrit :', '', 'Un texte supprimé depuis.', '', 'Ma réponse.', ''].join('\n');
    const { doc } = ingestText('p.txt', page);
    const { codes } = ingestText('p.txt', page);
    expect(doc.units.slice(1).map((u) => [u.text, u.quotesId ?? '', u.kind])).toEqual([['Premier commentaire.', '', 'comment'], ['Ma réponse.', '', 'comment']]);
    expect(codes).toEqual(['quote-not-found']);
  });
});

describe('forum threads with like counters', () => {
  it('makes the opening post the article, follows "en réponse à X", takes quotes out and drops the counters', () => {
    const { doc } = ingestPath(`${FIXTURES}/forum-jaime.txt`);
    expect(doc.units.map(brief)).toEqual([
      'article|Arnaud_L|2024-01-12||0|',
      'comment|mireille.b|2024-01-12||0|',
      'reply|Kevin_dev|2024-01-13|forum-jaime#1|1|',
      'reply|mireille.b|2024-01-13|forum-jaime#2|2|',
      'comment|Papy_Geek|2024-01-14||0|forum-jaime#0',
    ]);
    for (const u of doc.units) expect(u.text).not.toMatch(/J'aime|Suggestions|en réponse à|a écrit/u);
    expect(doc.units[4]!.text).toMatch(/^La loi française/u);
  });
});

describe('Lemmy threads', () => {
  it('reads the account and metadata lines under it, and nests by indentation', () => {
    const { doc, codes } = ingestPath(`${FIXTURES}/lemmy.txt`);
    expect(doc.units.map(brief)).toEqual([
      'article|citoyen_numerique@jlai.lu|||0|',
      'comment|hubert_t@lemmy.world|||0|',
      'reply|sandrine@jlai.lu||lemmy#1|1|',
      'reply|hubert_t@lemmy.world||lemmy#2|2|',
      'comment|pixel_libre@sh.itjust.works|||0|',
      'reply|zoe_r@jlai.lu||lemmy#4|1|',
    ]);
    for (const u of doc.units) expect(u.text).not.toMatch(/il y a|modifié|↑|Répondre|Signaler/u);
    expect(codes).toEqual(['comment-count-mismatch']); // 42 announced, 5 loaded by the scraper
    expect(doc.site).toBe('jlai.lu');
  });
});

describe('Lemmy recognition', () => {
  it('does not take an e-mail address above a number for a Lemmy comment', () => {
    const page = ['Contact', '', 'Un article assez long pour être un vrai paragraphe de texte courant, avec une fin.', '', 'redaction@exemple.fr', '2024', ''].join('\n');
    expect(layoutOf(page)).toBe('plain-text');
  });
});

describe('fediverse threads', () => {
  it('answers the first account mentioned, strips the mentions and attributes "RE:" quotes', () => {
    const { doc } = ingestPath(`${FIXTURES}/fediverse.txt`);
    expect(doc.units.map(brief)).toEqual([
      'article|Sophie Martin|2023-12-12T10:14||0|',
      'comment|Paul Dubreuil|2023-12-12T10:31||0|',
      'reply|Léa 🌿|2023-12-12T11:02|fediverse#1|1|',
      'comment|Collectif InterHop|2023-12-12T12:45||0|fediverse#0',
      'reply|Paul Dubreuil|2023-12-12T13:20|fediverse#2|2|',
    ]);
    expect(doc.units[2]!.text).toBe('Au moins la décision est prise. Je préfère ça au statu quo.');
    expect(doc.site).toBe('piaille.fr');
    for (const u of doc.units) expect(u.text).not.toMatch(/^@|RE:|boosts|favoris/u);
  });
});

describe('Hacker-News-style threads', () => {
  it('reads the story line, nests by indentation, takes "> " quotes out and cleans the raw markup', () => {
    const { doc } = ingestPath(`${FIXTURES}/hn-style.txt`);
    expect(doc.units.map(brief)).toEqual([
      'article|odile_k|||0|',
      'comment|thibault_m|||0|',
      'reply|odile_k||hn-style#1|1|',
      'reply|thibault_m||hn-style#2|2|hn-style#2',
      'comment|gregoire|||0|',
    ]);
    expect(doc.nCommentsDeclared).toBe(4);
    expect(doc.units[1]!.text).toBe('Techniquement oui : l\'essentiel de la pile est libre (Linux, KVM, OpenStack, Kubernetes). Le vrai problème, c\'est la commande publique : l\'État continue d\'acheter du Microsoft 365 par habitude.');
    expect(doc.units[3]!.text).toBe('Sur le papier seulement. Regardez les marchés attribués en 2023 : "solutions Microsoft" partout.');
    for (const u of doc.units) expect(u.text).not.toMatch(/<|&#x27;|&quot;|&gt;|répondre|\[–\]/u);
  });
});

describe('the plain-text fallback', () => {
  it('keeps an unrecognised page as one article unit and says so in diagnostics', () => {
    const { doc, codes } = ingestPath(`${FIXTURES}/unknown-page.txt`);
    expect(doc.units).toHaveLength(1);
    expect(codes).toEqual(['no-thread-recognised']);
    expect(doc.published).toBe('2022-06-07');
    expect(doc.units[0]!.text).toMatch(/^Le consortium annonce .* Contact presse : presse@exemple\.fr$/u);
  });

  it('removes a cookie banner glued to the end of an article', () => {
    const { doc } = ingestPath(`${SAMPLES}/003_9fa0ee35a58430c9.txt`);
    expect(doc.units[0]!.text).toMatch(/travailler ensemble\."$/u);
    expect(doc.units[0]!.text).not.toMatch(/cookies|J'accepte/u);
  });

  it('keeps a long run of short lines before the first sentence as content, not as a page header', () => {
    const items = ['OVHcloud', 'Scaleway', 'Outscale', 'Clever Cloud', 'Cloud Temple', 'NumSpot', 'Bleu', 'S3NS', 'Orange Business'];
    const page = ['Les hébergeurs qualifiés', '', 'Publié le 3 mars 2025', '', ...items.flatMap((i) => [i, '']), 'Cette liste évolue avec chaque qualification de l’ANSSI.', ''].join('\n');
    const { doc } = ingestText('liste.txt', page);
    expect(doc.title).toBe('Les hébergeurs qualifiés');
    expect(doc.published).toBe('2025-03-03');
    expect(doc.units[0]!.text).toBe(`${items.join(' ')} Cette liste évolue avec chaque qualification de l’ANSSI.`);
  });

  it('keeps text made only of short lines instead of losing it', () => {
    const { doc } = ingestText('court.txt', 'Bravo\n\nMerci pour tout\n');
    expect(doc.units[0]!.text).toBe('Merci pour tout');
    expect(doc.title).toBe('Bravo');
  });
});
