import { describe, expect, it } from 'vitest';
import { readDayChat } from '../../src/ingest/layouts/day-chat.js';
import { readInferredThread } from '../../src/ingest/layouts/inferred-thread.js';
import { lemmyThreadLayout } from '../../src/ingest/layouts/lemmy-thread.js';
import { readMailChain } from '../../src/ingest/layouts/mail-chain.js';
import { readSignedPosts } from '../../src/ingest/layouts/signed-posts.js';
import { readSpeakerTurns } from '../../src/ingest/layouts/speaker-turns.js';

// Shapes of the kinds moved in from the third held-out set (branch reader-round-4), each written
// here in a page of its own words.

describe("speakers' turns", () => {
  it('reads minutes: a label per turn, a function gives no author, every turn dated with the session day', () => {
    const page = [
      'Séance du mardi 4 février 2025 à 18 heures', '',
      'M. ROBIN : Je présente le budget du service.', '',
      'M. le Président : Merci. Qui demande la parole ?', '',
      'Mme ABADIE : Nous voterons contre.', 'Le montant a doublé.', '',
      'Adopté à la majorité.',
    ];
    expect(readSpeakerTurns(page)?.page).toEqual({
      author: 'M. ROBIN', published: '2025-02-04', body: 'Je présente le budget du service.',
      comments: [
        { author: undefined, published: '2025-02-04', text: 'Merci. Qui demande la parole ?' },
        { author: 'Mme ABADIE', published: '2025-02-04', text: 'Nous voterons contre.\nLe montant a doublé.' },
      ],
    });
  });

  it('does not read a page quoting one speaker', () => {
    expect(readSpeakerTurns(['Un article.', '', 'M. ROBIN : une phrase.', '', 'Du texte.', '', 'Encore du texte.'])).toBeUndefined();
  });
});

describe('mail threads', () => {
  it('reads the messages oldest first, each answering the one before, without closing formulas and signatures', () => {
    const page = [
      'RE: Budget', 'Alice Martin', 'À : Bruno Leroy', 'mer. 19/03/2025 09:15', '',
      'Entendu, je valide.', '', 'Cordialement,', 'Alice Martin', '',
      'De : Bruno Leroy', 'Envoyé : mardi 18 mars 2025 18:10', 'À : Alice Martin', 'Objet : RE: Budget', '',
      'Voici le chiffrage demandé.', '', 'Bruno', '',
      '-----Message d\'origine-----', 'De : Alice Martin', 'Envoyé : lundi 17 mars 2025 16:20', 'Objet : Budget', '',
      'Pouvez-vous chiffrer le projet ?', '', 'Alice', '', '____________', 'Ce message est confidentiel.',
    ];
    expect(readMailChain(page)?.page).toEqual({
      author: 'Alice Martin', published: '2025-03-17T16:20', body: 'Pouvez-vous chiffrer le projet ?',
      comments: [
        { author: 'Bruno Leroy', published: '2025-03-18T18:10', text: 'Voici le chiffrage demandé.', parentIndex: -1 },
        { author: 'Alice Martin', published: '2025-03-19T09:15', text: 'Entendu, je valide.', parentIndex: 0 },
      ],
    });
  });
});

describe('chats under day separators', () => {
  it('reads name-and-time headers, a time alone as the same author\'s next message, the day of the separator above', () => {
    const page = [
      '# canal', '', 'jeudi 14 mars 2024', '',
      'Anne Roux  09:47', 'Bonjour, voici le lien.', '3 réponses', '',
      'Marc Petit  09:52', 'Merci !', '😂', '2', '10:01', 'Je regarde ce soir.', '',
      'vendredi 15 mars 2024', '',
      'Anne Roux  08:00', 'Alors ?', 'Message #canal',
    ];
    expect(readDayChat(page)?.page).toEqual({
      author: 'Anne Roux', published: '2024-03-14T09:47', body: 'Bonjour, voici le lien.',
      comments: [
        { author: 'Marc Petit', published: '2024-03-14T09:52', text: 'Merci !', parentIndex: undefined, quotesIndex: undefined },
        { author: 'Marc Petit', published: '2024-03-14T10:01', text: 'Je regarde ce soir.', parentIndex: undefined, quotesIndex: undefined },
        { author: 'Anne Roux', published: '2024-03-15T08:00', text: 'Alors ?', parentIndex: undefined, quotesIndex: undefined },
      ],
    });
  });

  it('reads the time under the name, drops the bracketed label, and "En réponse à X" over X\'s words as a reply quoting X', () => {
    const page = [
      'mardi 4 mars 2025',
      'Léa Brun [Culture]', '10:02', 'Qui utilise encore le vieil outil ?',
      'Hugo Vidal [Santé]', '10:15', 'Nous, pour les réunions longues.',
      'Léa Brun [Culture]', '10:19', 'En réponse à Hugo Vidal [Santé]', 'Nous, pour les réunions longues.', 'Merci, je note.',
    ];
    const read = readDayChat(page)?.page;
    expect(read?.comments).toEqual([
      { author: 'Hugo Vidal', published: '2025-03-04T10:15', text: 'Nous, pour les réunions longues.', parentIndex: undefined, quotesIndex: undefined },
      { author: 'Léa Brun', published: '2025-03-04T10:19', text: 'Merci, je note.', parentIndex: 0, quotesIndex: 0 },
    ]);
  });
});

describe('blog comments signed under their words', () => {
  it('reads "Posté par X, <date>" closing each comment, and the article\'s byline with the day over the title', () => {
    const page = [
      '10 mars 2025', 'Mon titre', '',
      'Un long paragraphe de l\'article qui parle de beaucoup de choses et qui dépasse largement les vingt-cinq mots pour compter comme de la prose, voilà tout ce qu\'il fallait.', '',
      'Posté par marie_b à 14:32 - Rubrique - Commentaires [2]', '',
      'Premier commentaire.', 'Posté par Josiane V., 10 mars 2025 à 16:05', '',
      'Second commentaire.', 'Posté par marie_b, 11 mars 2025 à 11:02', '',
    ];
    expect(readSignedPosts(page)?.page).toMatchObject({
      author: 'marie_b', published: '2025-03-10T14:32',
      comments: [
        { author: 'Josiane V.', published: '2025-03-10T16:05', text: 'Premier commentaire.' },
        { author: 'marie_b', published: '2025-03-11T11:02', text: 'Second commentaire.' },
      ],
    });
  });
});

describe('link aggregator post', () => {
  it('reads the account under "soumis par" as the post\'s author, not a comment, and the post\'s words without its counters', () => {
    const page = [
      'Le titre du lien', 'exemple.fr', 'soumis par', 'alice@lemmy.ml', 'il y a 3 jours', 'à', 'france@lemmy.ml', '',
      'Le texte du post, avec une question ?', '', '47', '12 commentaires', '',
      'bob@jlai.lu', 'il y a 2 jours', '5', '', 'Une réponse au post.', '', 'répondre', '…',
      'carol@jlai.lu', 'il y a 1 jour', '2', '', 'Une autre réponse.', '', 'répondre',
    ];
    const read = lemmyThreadLayout.parse('', page);
    expect(read.page).toMatchObject({ author: 'alice@lemmy.ml', body: 'Le texte du post, avec une question ?' });
    expect(read.page.comments.map((c) => [c.author, c.text])).toEqual([['bob@jlai.lu', 'Une réponse au post.'], ['carol@jlai.lu', 'Une autre réponse.']]);
  });
});

describe('inferred reader: reply and quote cues of the moved kinds', () => {
  it('reads "a répondu à X" under the name as a reply to X, and an edit mark as furniture', () => {
    const page = [
      'Marion', '12 mars 2025', 'Une question pour tous ?', 'Répondre', '',
      'Benoit', '12 mars 2025', 'Une réponse.', 'Répondre', '',
      'Chloé', '13 mars 2025', 'Un autre avis.', 'Répondre', '',
      'Marion', 'a répondu à Benoit', '13 mars 2025', 'Modifié', 'Merci Benoit.', 'Répondre',
    ];
    const read = readInferredThread(page)?.page;
    expect(read?.comments.map((c) => [c.author, c.text, c.parentIndex])).toEqual([['Benoit', 'Une réponse.', undefined], ['Chloé', 'Un autre avis.', undefined], ['Marion', 'Merci Benoit.', 0]]);
  });

  it('reads "@x" over "x" as x, and a post opening on words of an earlier post as a quotation of it', () => {
    const page = [
      '@anne', 'anne', 'commented on Mar 3, 2025', 'Le service doit migrer avant la fin de l\'année prochaine.', '',
      '@bruno', 'bruno', 'commented on Mar 4, 2025', 'Je ne vois pas le problème, les données restent bien en France chez nous.', '',
      '@anne', 'anne', 'commented on Mar 5, 2025', 'les données restent bien en France chez nous', 'La localisation ne suffit pas.',
    ];
    const read = readInferredThread(page)?.page;
    expect(read?.author).toBe('anne');
    expect(read?.comments.map((c) => [c.author, c.text, c.parentIndex, c.quotesIndex])).toEqual([
      ['bruno', 'Je ne vois pas le problème, les données restent bien en France chez nous.', undefined, undefined],
      ['anne', 'La localisation ne suffit pas.', 0, 0],
    ]);
  });

  it('reads a forum\'s "Citation:" / "Envoyé par X" as a quotation answering X, and the poster\'s card under the name as the header\'s', () => {
    const page = [
      '#1', '14/03/2025, 09h12', 'Anne', 'Membre', 'Messages: 3', 'Un premier message assez long pour être lu ici.', 'Répondre', '',
      '#2', '14/03/2025, 09h40', 'Bob', 'Membre', 'Messages: 4', 'Un deuxième message.', 'Répondre', '',
      '#3', '14/03/2025, 10h40', 'Carl', 'Nouveau membre', 'Date d\'inscription: mars 2011', 'Messages: 5', 'Citation:', 'Envoyé par Bob', 'deuxième message', 'Non, pas du tout.', 'Répondre',
    ];
    const read = readInferredThread(page)?.page;
    expect(read?.comments.map((c) => [c.author, c.text, c.parentIndex, c.quotesIndex])).toEqual([
      ['Bob', 'Un deuxième message.', undefined, undefined],
      ['Carl', 'Non, pas du tout.', 0, 0],
    ]);
  });

  it('reads a short line opening on an interface word and repeated under the posts as the action bar, whatever its other words', () => {
    const page = [
      'Anne', '14/03/2025 09:12', 'Un premier message.', 'Répondre en privé', '',
      'Bob', '14/03/2025 09:40', 'Un deuxième message.', 'Répondre en privé', '',
      'Carl', '14/03/2025 10:40', 'Un troisième message.', 'Répondre en privé',
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => c.text)).toEqual(['Un deuxième message.', 'Un troisième message.']);
  });

  it('reads "2 commentaires" right over a comment\'s header as the count of the answer above\'s comments', () => {
    const page = [
      'Question', 'Un titre de question ?', 'publié il y a 6 jours par lou_t', 'Le texte de la question posée ici.', '',
      'Réponse', 'par anne_b', 'il y a 5 jours', 'Une première réponse à la question.', '',
      'Réponse', 'par farid_b', 'il y a 4 jours', 'Une deuxième réponse à la question.', '',
      '2 commentaires', 'anne_b il y a 4 jours', 'Un commentaire sous la réponse.', 'yoann il y a 3 jours', 'Un autre commentaire.', '',
      'Réponse', 'par yoann', 'il y a 3 jours', 'Une troisième réponse à la question.',
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => [c.author, c.parentIndex])).toEqual([
      ['anne_b', undefined], ['farid_b', undefined], ['anne_b', 1], ['yoann', 1], ['yoann', undefined],
    ]);
  });
});
