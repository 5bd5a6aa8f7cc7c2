import { describe, expect, it } from 'vitest';
import { readHeaderBlockThread, rfc822Date } from '../../src/ingest/layouts/header-block-thread.js';
import { readInferredThread } from '../../src/ingest/layouts/inferred-thread.js';
import { replyCueOf, replyHeaderOf } from '../../src/ingest/layouts/line-cues.js';
import { readMeetingChat } from '../../src/ingest/layouts/meeting-chat.js';
import { readSaidComments } from '../../src/ingest/layouts/said-comments.js';
import { readSpeakerTurns } from '../../src/ingest/layouts/speaker-turns.js';

// Shapes of the kinds moved in from the fourth held-out set (branch reader-round-5), each written
// here in a page of its own words.

describe("a verbatim record's turns, the label closed by a full stop", () => {
  it('reads "M. Name." and "Mme la présidente." turns, a function after a comma out of the label, stage directions out of the words', () => {
    const page = [
      'Première séance du jeudi 6 février 2025', '',
      'Mme la présidente. La parole est à M. Paul Rivière.', '',
      'M. Paul Rivière. Nous proposons de supprimer cet article. (Applaudissements sur quelques bancs.)', '',
      'M. Louis Santini, rapporteur de la commission des lois. Avis défavorable.', '',
      'Mme la présidente. Je mets aux voix.', '',
      '(L\'amendement n\'est pas adopté.)',
    ];
    expect(readSpeakerTurns(page)?.page).toEqual({
      author: undefined, published: '2025-02-06', body: 'La parole est à M. Paul Rivière.',
      comments: [
        { author: 'M. Paul Rivière', published: '2025-02-06', text: 'Nous proposons de supprimer cet article.' },
        { author: 'M. Louis Santini', published: '2025-02-06', text: 'Avis défavorable.' },
        { author: undefined, published: '2025-02-06', text: 'Je mets aux voix.' },
      ],
    });
  });

  it('does not read prose whose sentences start with a civility', () => {
    expect(readSpeakerTurns(['M. Dupont. Il est arrivé hier.', '', 'Un autre paragraphe de récit.', '', 'Encore du récit, long.', '', 'Et la fin.'])).toBeUndefined();
  });
});

describe("a meeting's chat file", () => {
  const page = [
    '10:00:05 De Anne Roy à Tout le monde :', '\tBienvenue à ce webinaire.',
    '10:02:11 De Bruno Petit à Tout le monde :', '\tLe calendrier est-il connu ?',
    '10:02:30 De Chloé Diaz à Tout le monde :', '\tA réagi à « Le calendrier est-il… » avec 👍',
    '10:05:40 De Anne Roy à Tout le monde :', '\tRéponse à « Le calendrier est… » :', '\tPas encore, en juin.',
    '10:06:02 From Chloé Diaz to Everyone:', '\tMerci.',
  ];

  it('reads each message under its header, reactions left out, "Réponse à « first words… »" the parent and the quote, no date', () => {
    expect(readMeetingChat(page)?.page).toEqual({
      author: 'Anne Roy', body: 'Bienvenue à ce webinaire.',
      comments: [
        { author: 'Bruno Petit', text: 'Le calendrier est-il connu ?', parentIndex: undefined, quotesIndex: undefined },
        { author: 'Anne Roy', text: 'Pas encore, en juin.', parentIndex: 0, quotesIndex: 0 },
        { author: 'Chloé Diaz', text: 'Merci.', parentIndex: undefined, quotesIndex: undefined },
      ],
    });
  });

  it('does not read a page with one speaker or a long text before the first header', () => {
    expect(readMeetingChat(page.slice(0, 4).concat(page.slice(0, 2)).map((l) => l.replace('Bruno Petit', 'Anne Roy')))).toBeUndefined();
    expect(readMeetingChat(['Un.', 'Deux.', 'Trois.', 'Quatre.', ...page])).toBeUndefined();
  });
});

describe('messages under their raw headers (a newsgroup thread)', () => {
  const page = [
    'fr.test -- fil : Sujet', '',
    'From: Alain Morel <am@example.invalid>', 'Newsgroups: fr.test', 'Subject: Sujet', 'Date: Tue, 11 Mar 2025 21:14:07 +0100', 'Message-ID: <a1@x>', '',
    'Bonsoir,', '', 'Le projet prend du retard chaque année.', '', '-- ', 'Alain',
    '', 'From: "Yves K." <yk@example.invalid>', 'Subject: Re: Sujet', 'Date: Wed, 12 Mar 2025 08:02:00 +0100', 'Message-ID: <b2@x>', 'References: <a1@x>', '',
    'Le 11/03/2025 à 21:14, Alain Morel a écrit :', '> Le projet prend du retard chaque année.', '', 'Parce que personne ne le finance.',
    '', 'From: zoe@example.invalid (Zoé)', 'Subject: Re: Sujet', 'Date: Wed, 12 Mar 2025 09:47:30 +0100', 'Message-ID: <c3@x>', 'References: <a1@x> <b2@x>', '',
    'Yves K. a écrit :', '> Le 11/03/2025 à 21:14, Alain Morel a écrit :', '>> Le projet prend du retard', '>', '> Parce que personne ne le finance.', '', 'Si, la région.',
  ];

  it('reads the author from From without the address, the Date as written, the last References id as the parent, quotes and signature out', () => {
    expect(readHeaderBlockThread(page)?.page).toEqual({
      author: 'Alain Morel', published: '2025-03-11T21:14:07', body: 'Bonsoir,\n\nLe projet prend du retard chaque année.',
      comments: [
        { author: 'Yves K.', published: '2025-03-12T08:02', text: 'Parce que personne ne le finance.', parentIndex: undefined, quotesIndex: -1 },
        { author: 'Zoé', published: '2025-03-12T09:47:30', text: 'Si, la région.', parentIndex: 0, quotesIndex: 0 },
      ],
    });
  });

  it('reads RFC 822 dates and needs two header blocks', () => {
    expect(rfc822Date('Thu, 13 Mar 2025 17:05:42 +0100')).toBe('2025-03-13T17:05:42');
    expect(rfc822Date('13 Mar 2025 17:05 GMT')).toBe('2025-03-13T17:05');
    expect(readHeaderBlockThread(page.slice(0, 14))).toBeUndefined();
  });
});

describe('a forum engine topic: "X a répondu à Y", "@Y a dit dans <topic> :", sorted oldest first', () => {
  it('reads the author line naming whom the post answers, and the quotation naming the topic', () => {
    expect(replyHeaderOf('gaelle_sg a répondu à rodolphe_77')).toEqual({ author: 'gaelle_sg', target: 'rodolphe_77' });
    expect(replyHeaderOf('Tom replied to @ana')).toEqual({ author: 'Tom', target: 'ana' });
    expect(replyCueOf('@gaelle_sg a dit dans Quitter la suite bureautique :')).toEqual({ quote: '@gaelle_sg' });
    expect(replyCueOf('@tom said in Leaving the office suite:')).toEqual({ quote: '@tom' });
  });

  it('takes the first post as the article under an oldest-first sort, nests "a répondu à", and quotes the post holding the quoted words', () => {
    const page = [
      'Le forum', 'Un sujet sur la messagerie', '3 Messages   2 Publieurs', 'Trier par : Du plus ancien au plus récent', '',
      'A', 'anne_b', '13 mars 2025, 09:14', 'Nous voulons quitter la messagerie actuelle, par principe et pour le prix.', '', '4', 'Répondre   Citer', '',
      'P', 'paul_c', '13 mars 2025, 10:02', 'Commencez par la messagerie, le plus simple à remplacer.', '', '2', 'Répondre   Citer', '',
      'A', 'anne_b a répondu à paul_c', '13 mars 2025, 10:31', 'Merci, je regarde cela.', '', '1', 'Répondre   Citer', '',
      'Z', 'zoe_d', '13 mars 2025, 18:47', '@anne_b a dit dans Un sujet sur la messagerie :', 'par principe et pour le prix', 'Le principe est bon, mais prévoyez de la formation.', '', '8', 'Répondre   Citer', '',
    ];
    const read = readInferredThread(page)?.page;
    expect(read).toMatchObject({ author: 'anne_b', body: 'Nous voulons quitter la messagerie actuelle, par principe et pour le prix.' });
    expect(read?.comments.map((c) => [c.author, c.parentIndex, c.quotesIndex, c.text])).toEqual([
      ['paul_c', undefined, undefined, 'Commencez par la messagerie, le plus simple à remplacer.'],
      ['anne_b', 0, undefined, 'Merci, je regarde cela.'],
      // The quoted words are the article's, not anne_b's latest post: it quotes the article (a flat forum: its parent too, so top level).
      ['zoe_d', undefined, -1, 'Le principe est bon, mais prévoyez de la formation.'],
    ]);
  });
});

describe('comments opened by "X a dit…" and dated under their words (a hosted blog)', () => {
  const page = [
    'Carnet d\'une bibliothécaire', '', 'lundi 10 mars 2025', 'Un titre de billet', 'Le billet, ses mots.', '', 'Sa suite.',
    'Publié par Odile Fañch à 09:05', 'Libellés : lecture', '', '3 commentaires :', '',
    'Anonyme a dit…', 'Un premier avis.', '10 mars 2025 à 10:00', 'Supprimer', 'Réponses',
    'Odile Fañch a dit…', 'Merci.', '10 mars 2025 à 11:30', 'Supprimer', 'Répondre',
    'Ce commentaire a été supprimé par l\'auteur.', '10 mars 2025 à 12:00', 'Supprimer', 'Répondre',
    'Marc L. said...', 'A second one.', 'March 11, 2025 at 8:15 PM', 'Supprimer', 'Répondre',
  ];

  it('reads the post between its title and byline, the comments up to their date line, "Réponses" answers one level, "Anonyme" no author, a removed notice no unit', () => {
    expect(readSaidComments(page)?.page).toEqual({
      author: 'Odile Fañch', published: '2025-03-10T09:05', body: 'Le billet, ses mots.\n\nSa suite.',
      comments: [
        { author: undefined, published: '2025-03-10T10:00', text: 'Un premier avis.', parentIndex: undefined },
        { author: 'Odile Fañch', published: '2025-03-10T11:30', text: 'Merci.', parentIndex: 0 },
        { author: 'Marc L.', published: '2025-03-11T20:15', text: 'A second one.', parentIndex: undefined },
      ],
    });
  });

  it('does not read comments whose words no date line closes', () => {
    expect(readSaidComments(['Paul a dit…', 'Bonjour.', 'Anne a dit…', 'Salut.', 'Fin.'])).toBeUndefined();
  });
});
