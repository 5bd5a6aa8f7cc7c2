import { describe, expect, it } from 'vitest';
import { authorOf, dateCueOf, isInterfaceLine, replyCueOf, replyHeaderOf } from '../../src/ingest/layouts/line-cues.js';
import { readInferredThread } from '../../src/ingest/layouts/inferred-thread.js';

describe('generic line cues', () => {
  it.each([
    ['il y a 3 h', undefined], ['2 a', undefined], ['1 sem', undefined], ['hier à 14:02', undefined], ['3 years ago', undefined],
    ['lun. 26 sept. 2022 10:14', '2022-09-26T10:14'], ['Publié le 18/04/2024 à 17h32', '2024-04-18T17:32'], ['March 3, 2024', '2024-03-03'],
    ['10:14 AM · 26 sept. 2022', '2022-09-26T10:14'], ['14/03/25 à 10:40', '2025-03-14T10:40'],
    ['il y a environ 2 mois', undefined], ['about 3 hours ago', undefined], ['2025-03-10 09:12:44 CET', '2025-03-10T09:12:44'], ["Mar 10 '25", '2025-03-10'],
  ])('reads "%s" as a date (absolute: %s)', (line, iso) => {
    expect(dateCueOf(line)).toEqual(iso === undefined ? { relative: true } : { iso, relative: false });
  });

  it('tells interface lines from words', () => {
    expect(['Répondre · Signaler · 👍 38', '↑ 142 ↓', '14 réponses', 'Voir plus de réactions', 'Reply', '12 « J\'aime »'].map((l) => isInterfaceLine(l))).toEqual([true, true, true, true, true, true]);
    expect(['Bravo pour la décision !', 'Exactement.'].map((l) => isInterfaceLine(l))).toEqual([false, false]);
    // Ten words of buttons, some named twice; 'button' is a word tagged with the kind that showed it.
    expect(isInterfaceLine('Like comment: Like comment: 5 likes Like Comment button Reply')).toBe(true);
    expect(['Publiez votre réponse', 'Écrivez un commentaire…', 'Leave a Reply', 'Publiez votre avis sur la réforme des retraites, il compte beaucoup'].map((l) => isInterfaceLine(l))).toEqual([true, true, true, false]);
  });

  it('reads reply markers and names', () => {
    expect([replyCueOf('level 2'), replyCueOf('↪ Réponse à Tanguy Le Roux'), replyCueOf('#1.1'), replyCueOf('Goulven29 a écrit : ↑'), replyCueOf('Le 26 septembre 2022 à 10:05:13 :Pseudo_78 a écrit :')])
      .toEqual([{ depth: 1 }, { target: 'Tanguy Le Roux' }, { depth: 1 }, { quote: 'Goulven29' }, { quote: 'Pseudo_78' }]);
    expect([replyCueOf('(En réponse à Lise Morel du commentaire #3)'), replyCueOf('(In reply to Lise Morel from comment #3)')]).toEqual([{ target: 'Lise Morel' }, { target: 'Lise Morel' }]);
    expect([authorOf('Posted by u/Cassoulet_Libre'), authorOf('@bastien_infra'), authorOf('Jean-Yves D.'), authorOf('Merci pour ce témoignage.')])
      .toEqual(['Cassoulet_Libre', '@bastien_infra', 'Jean-Yves D.', undefined]);
  });
});

describe('a thread inferred from the page itself', () => {
  it('induces the header template from repetition: the name two lines above the date, a title between', () => {
    const page = [
      'Réseau', '', 'Un texte assez long pour faire un article, avec des mots et une phrase entière sur le sujet du jour.', '',
      'Awa Traoré • 2e', 'Cheffe de projet numérique', '2 sem', 'Premier avis sur le sujet.', "J'aime · Répondre", '',
      'Bruno Keller • 3e+', 'Agent territorial', '1 sem', 'Second avis, plus court.', "J'aime · Répondre", '',
      'Awa Traoré • 2e', 'Cheffe de projet numérique', '5 j', 'Merci Bruno.', "J'aime",
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => [c.author, c.text])).toEqual([
      ['Awa Traoré', 'Premier avis sur le sujet.'], ['Bruno Keller', 'Second avis, plus court.'], ['Awa Traoré', 'Merci Bruno.'],
    ]);
  });

  it('reads headers, replies and footers of a site it has no rule for', () => {
    const page = [
      'Accueil > Région', '', 'Un titre', '', 'Par Morgane Le Bihan', 'Publié le 18/04/2024 à 17h32', '', 'Partager', 'Facebook', '',
      'Les habitants devront changer leurs habitudes cet été, la poste du bourg fermant ses guichets en juillet.', '',
      'Lire aussi : un autre article', '', 'Réactions (3)', '',
      'Kerbrat_56 · il y a 5 h', 'Encore un service qui part.', 'Répondre · Signaler · 👍 38', '',
      'Réponse à Kerbrat_56', 'Anne-Marie P. · il y a 4 h', 'Et la pharmacie, tant qu\'elle tient.', 'Répondre · Signaler · 👍 2', '',
      'Soazig · le 18/04/2024 à 20h02', 'Quelqu\'un sait si les boîtes postales restent ?', 'Répondre · Signaler', '', 'Voir plus de réactions',
    ];
    const read = readInferredThread(page);
    expect(read?.page).toMatchObject({ author: 'Morgane Le Bihan', published: '2024-04-18T17:32', body: 'Les habitants devront changer leurs habitudes cet été, la poste du bourg fermant ses guichets en juillet.' });
    expect(read?.page.comments).toEqual([
      { author: 'Kerbrat_56', published: undefined, text: 'Encore un service qui part.', parentIndex: undefined },
      { author: 'Anne-Marie P.', published: undefined, text: 'Et la pharmacie, tant qu\'elle tient.', parentIndex: 0 },
      { author: 'Soazig', published: '2024-04-18T20:02', text: 'Quelqu\'un sait si les boîtes postales restent ?', parentIndex: undefined },
    ]);
  });

  it("ends a comment at its action bar: the page's footer after the last comment is not its text", () => {
    const page = [
      'Lina_B · il y a 2 h', 'Premier avis.', 'Répondre · Signaler', '',
      'Yves · il y a 1 h', 'Second avis.', 'Répondre', 'Voir plus de réactions', '', 'Qui sommes-nous ?', 'Mentions légales et cookies du site',
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => c.text)).toEqual(['Second avis.']);
    expect(readInferredThread(page)?.page.body).toBe('Premier avis.');
  });

  it('skips a quotation of an earlier post, answers the post quoted, and reads a name where the template puts it', () => {
    const page = [
      'Kheyou', 'MP', '26 septembre 2022 à 10:02:47', 'Le pass va coûter plus cher en janvier, et le service est pire.', 'Citer', '',
      '[Lambda]78', 'MP', '26 septembre 2022 à 10:05:13', "Les employeurs en remboursent la moitié.", 'Citer', '',
      'Kheyou', 'MP', '26 septembre 2022 à 10:07:30', 'Le 26 septembre 2022 à 10:05:13 :[Lambda]78 a écrit :', "Les employeurs en remboursent la moitié.",
      'Et les étudiants, ils se font rembourser par qui ?', 'Citer',
    ];
    const read = readInferredThread(page);
    expect(read?.page.comments).toEqual([
      { author: '[Lambda]78', published: '2022-09-26T10:05:13', text: 'Les employeurs en remboursent la moitié.', parentIndex: undefined, quotesIndex: undefined },
      { author: 'Kheyou', published: '2022-09-26T10:07:30', text: 'Et les étudiants, ils se font rembourser par qui ?', parentIndex: 0, quotesIndex: 0 },
    ]);
  });

  it('reads a social thread: name over handle, the post dated under it, "En réponse à" then the handles, the form prompt as furniture', () => {
    const page = [
      'Accueil', 'Explorer', '', 'Mairie de Kerlo', '@KerloMairie', 'Suivre', '',
      'Le conseil a décidé de fermer la piscine municipale cet hiver, une décision difficile à prendre pour la commune.', '',
      '10:14 AM · 26 sept. 2022', '·', '24,6 k', 'Vues', '', '21', 'Citations', '', 'Publiez votre réponse', 'Répondre', '',
      'Mairie de Kerlo', '@KerloMairie', '·', '26 sept. 2022', 'En réponse à', '@KerloMairie', '1/ La facture de gaz triplerait.', '3', '',
      'Yann L.', '@yann_l', '·', '26 sept. 2022', 'En réponse à', '@KerloMairie', 'Et les retraités du matin ?', '2', '',
      'Mairie de Kerlo', '@KerloMairie', '·', '26 sept. 2022', 'En réponse à @KerloMairie et @yann_l', 'Une navette est à l’étude.', '',
      'Élise (elle)', '@elise@mamot.fr', '·', '27 sept. 2022', '@yann_l il y en a une le mardi.', '',
    ];
    const read = readInferredThread(page);
    expect(read?.page).toMatchObject({ author: 'Mairie de Kerlo', published: '2022-09-26T10:14' });
    expect(read?.page.comments.map((c) => [c.author, c.text, c.parentIndex])).toEqual([
      ['Mairie de Kerlo', '1/ La facture de gaz triplerait.', undefined],
      ['Yann L.', 'Et les retraités du matin ?', undefined],
      ['Mairie de Kerlo', 'Une navette est à l’étude.', 1],
      ['Élise (elle)', '@yann_l il y en a une le mardi.', 1],
    ]);
  });

  it('finds the name above a badge and a job title where the template has none, and answers a poster named first', () => {
    const page = [
      'Un texte assez long pour faire un article, avec des mots et une phrase entière sur le sujet du jour.', '',
      'Jérôme Savary • 3e+', 'Consultant secteur public', '1 sem', 'Comment gérez-vous la maintenance ?', "J'aime · Répondre", '',
      'Céline Marchadour • 2e', 'Auteur', 'Directrice du numérique – Région | Service public', '1 sem', 'Jérôme Savary un comité de pilotage commun.', "J'aime · Répondre", '',
      'Fatou Diallo • 2e', 'Cheffe de projet', '6 j', 'Tout marche chez nous.', "J'aime · Répondre",
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => [c.author, c.text, c.parentIndex])).toEqual([
      ['Jérôme Savary', 'Comment gérez-vous la maintenance ?', undefined],
      ['Céline Marchadour', 'Jérôme Savary un comité de pilotage commun.', 0],
      ['Fatou Diallo', 'Tout marche chez nous.', undefined],
    ]);
  });

  it('takes the byline name over a community name, leaves quoted "> " lines and removed comments out', () => {
    const page = [
      'r/france', 'France', 'Posted by u/Cassoulet_Libre', '5 h', '', 'Une question sur les outils de visio, avec assez de mots pour un vrai message.', '',
      'level 1', 'Flaneur_du_7e', '· 4 h', 'Ça marche bien chez nous.', 'Reply', '',
      'level 1', '[deleted]', '· 4 h', '[removed]', 'Reply', '',
      'level 2', 'knacki', '· 3 h', '> Ça marche bien', 'Pas partout.', 'Reply',
    ];
    const read = readInferredThread(page);
    expect(read?.page.author).toBe('Cassoulet_Libre');
    expect(read?.page.comments.map((c) => [c.author, c.text])).toEqual([['Flaneur_du_7e', 'Ça marche bien chez nous.'], ['knacki', 'Pas partout.']]);
  });

  it('reads a later forum page: "Re:" posts, the name and card under the date, a signature repeated under one poster\'s posts', () => {
    const page = [
      'Index du forum', '',
      'Re: Fibre optique', 'Message Publié : mer. 7 févr. 2024 18:22', 'Paulo35', 'Membre assidu', 'Inscription : ven. 14 oct. 2016 10:05', '',
      'J’ai appelé le syndicat ce matin.', '', 'Le bricolage, c’est de la patience.', '', 'Haut', '',
      'Re: Fibre optique', 'Message Publié : mer. 7 févr. 2024 21:10', 'Catherine_T', 'Nouveau membre', '', 'Rue des Tilleuls aussi.', '', 'Haut', '',
      'Re: Fibre optique', 'Message Publié : jeu. 8 févr. 2024 13:02', 'Paulo35', 'Membre assidu', '', 'Merci pour la réponse.', '', 'Le bricolage, c’est de la patience.', '', 'Haut',
    ];
    const read = readInferredThread(page);
    expect(read?.page.body).toBe('');
    expect(read?.page.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Paulo35', '2024-02-07T18:22', 'J’ai appelé le syndicat ce matin.'],
      ['Catherine_T', '2024-02-07T21:10', 'Rue des Tilleuls aussi.'],
      ['Paulo35', '2024-02-08T13:02', 'Merci pour la réponse.'],
    ]);
  });

  it('leaves the poster\'s card under a post out of its text', () => {
    const page = [
      'Message par Goulven29 » lun. 26 sept. 2022 10:14', '', 'Bonjour, une question sur Linux en mairie, avec assez de mots pour un premier message.', '',
      'Goulven29', 'Messages : 12', 'Localisation : Morlaix', '', 'Haut', '',
      'Message par Tux_Armor » lun. 26 sept. 2022 11:02', '', 'Prenez une distribution stable.', '', 'Tux_Armor', 'Messages : 2418', '', 'Haut',
    ];
    const read = readInferredThread(page);
    expect([read?.page.body, read?.page.comments[0]?.text]).toEqual(['Bonjour, une question sur Linux en mairie, avec assez de mots pour un premier message.', 'Prenez une distribution stable.']);
  });

  it('reads days without a year as dates, a topic\'s counters and a table of related topics as furniture', () => {
    const page = [
      'forum', '', 'jeanne_k', 'Jan 14', 'Bonjour, une question sur Matrix pour une association, avec assez de mots pour un vrai message.', '',
      'créé', 'mars \'23', 'dernière réponse', 'mars \'23', '9', 'réponses', '7', 'membres', '',
      'rpotier', 'Jan 15', 'Prenez Synapse avec PostgreSQL.', '', '2 Likes', 'Reply', '',
      'Sam_Debian', '14 janv.', 'Ou Conduit, plus léger.', '', 'Reply', '', 'Related topics', 'Topic\tReplies\tViews\tActivity', 'Sauvegardes Docker', 'Installation\t5\t1.2k\tNov \'23',
    ];
    expect(readInferredThread(page)?.page.comments.map((c) => [c.author, c.text])).toEqual([['rpotier', 'Prenez Synapse avec PostgreSQL.'], ['Sam_Debian', 'Ou Conduit, plus léger.']]);
  });

  it('keeps a newsletter post whole around its subscription form, and "Liked by" out of a comment', () => {
    const long = 'and the words go on for a long while so that this line reads as a paragraph of the post itself, not a link.';
    const page = [
      'The Civic Stack', 'Subscribe', '', 'Claire Vasseur', 'Sep 26, 2022', '', `When the hub was announced ${long}`, '',
      'The Civic Stack is a reader-supported publication. Consider becoming a free or paid subscriber.', '', 'Type your email...', 'Subscribe', '',
      `Three years later ${long}`, '', '38 Likes', '', 'Write a comment...', '',
      'Tom Whitfield', '3 years ago', '', 'Great piece.', '', 'Liked by Claire Vasseur', 'Like (4)', 'Reply', '', '2 replies by Claire Vasseur and others', '',
      'Julien Roux', '3 years ago', '', 'Un peu indulgent.', '', 'Like', 'Reply',
    ];
    const read = readInferredThread(page);
    expect(read?.page.body).toBe(`When the hub was announced ${long}\n\nThree years later ${long}`);
    expect(read?.page.comments.map((c) => c.text)).toEqual(['Great piece.', 'Un peu indulgent.']);
  });

  it('reads a blog: "Posted on <date> by X", the post\'s tags and comment count out, a "says:" name of any case', () => {
    const page = [
      'Skip to content', 'Menu', '', 'Posted on 5 février 2024 by Nadia Ferhat', '',
      'Lors du conseil municipal, la majorité a présenté un nouveau règlement pour le budget participatif de la ville.', '',
      'Posted in Conseil municipal, Tagged budget participatif, démocratie locale et numérique pour tous les habitants', '',
      '6 thoughts on “Budget participatif 2024 : pourquoi j’ai voté contre le nouveau règlement”', '',
      'Lucas Perrin says:', 'February 5, 2024 at 8:14 pm', '', 'D’accord sur le vote papier.', '', 'Reply',
      'Collectif Gratte-Ciel à vélo says:', 'February 6, 2024 at 12:48 pm', '', 'On soutient l’amendement.', '', 'Reply',
    ];
    const read = readInferredThread(page);
    expect(read?.page).toMatchObject({ author: 'Nadia Ferhat', published: '2024-02-05', body: 'Lors du conseil municipal, la majorité a présenté un nouveau règlement pour le budget participatif de la ville.' });
    expect(read?.page.comments.map((c) => [c.author, c.published])).toEqual([['Lucas Perrin', '2024-02-05T20:14'], ['Collectif Gratte-Ciel à vélo', '2024-02-06T12:48']]);
  });

  it('leaves a post\'s title and its flair out of the article when its text follows', () => {
    const page = [
      'r/france · il y a 7 h', 'Marmotte', '', 'Inscription cantine : ma mairie supprime le formulaire papier et impose une appli', 'Société', '',
      'Je suis dans une commune de 9 000 habitants et l’inscription passe par une application.', '', 'Répondre',
      '', 'Pitou · il y a 6 h', 'Écris au Défenseur des droits.', 'Répondre',
    ];
    expect(readInferredThread(page)?.page).toMatchObject({ author: 'Marmotte', body: 'Je suis dans une commune de 9 000 habitants et l’inscription passe par une application.' });
  });

  it('gives nothing when the page shows no repeated dated headers', () => {
    expect(readInferredThread(['Un texte.', '', 'Un autre paragraphe.'])).toBeUndefined();
  });
});

describe('headers and markers of answers, questions and reviews', () => {
  it('reads who answers and whom: "Réponse de X à Y", "Réponse de X", "↳ X a répondu", "En réponse au commentaire de X"', () => {
    expect([replyHeaderOf('Réponse de Rozenn K. à Paul Tréguier'), replyHeaderOf('Réponse de Mon carnet de santé'), replyHeaderOf('↳ Gwen_Brest a répondu'), replyHeaderOf('Répondre')])
      .toEqual([{ author: 'Rozenn K.', target: 'Paul Tréguier' }, { author: 'Mon carnet de santé' }, { author: 'Gwen_Brest' }, undefined]);
    expect([replyCueOf('En réponse au commentaire de Gwen_Brest'), replyCueOf('↳ Gwen_Brest a répondu')]).toEqual([{ target: 'Gwen_Brest' }, undefined]);
    expect([authorOf('Avis de Corentin L.'), authorOf('Question posée par Inès Carré'), authorOf('Avis de la semaine dernière, très utile.')]).toEqual(['Corentin L.', 'Inès Carré', undefined]);
  });

  it('reads ratings as the page\'s furniture, not words', () => {
    expect(['★★★★☆', 'Note : 4/5', 'Note moyenne : 3,1/5 · 1 254 avis'].map((l) => isInterfaceLine(l))).toEqual([true, true, true]);
    expect(isInterfaceLine('Je mets 4/5 parce que la connexion échoue souvent le matin.')).toBe(false);
  });

  it('nests "Réponse de X" and a "1 réponse" counter under the comment above, unless every header answers so (a question\'s answers)', () => {
    const article = ['Un article assez long sur le carnet de santé numérique, ses usages, ses limites et les débats qu\'il suscite.', ''];
    const reviews = [
      ...article,
      'Avis de Awa T.', '★★★★☆', 'Publié le 12 mars 2024', 'Pratique.', 'Date de l\'expérience : 10 mars 2024', 'Utile · Signaler', '',
      'Réponse de Mon service', 'Publié le 13 mars 2024', 'Merci Awa.', '',
      'Avis de Bruno K.', 'Publié le 14 mars 2024', 'Lent.', '',
      '1 réponse', 'Chloé M. · 15 mars 2024 à 10:00', 'Pas chez moi.',
    ];
    expect(readInferredThread(reviews)?.page.comments.map((c) => [c.author, c.text, c.parentIndex])).toEqual([
      ['Awa T.', 'Pratique.', undefined], ['Mon service', 'Merci Awa.', 0], ['Bruno K.', 'Lent.', undefined], ['Chloé M.', 'Pas chez moi.', 2],
    ]);
    const answers = [
      'Question posée par Inès C. · 2 a', 'Pourquoi l\'État n\'a-t-il pas son propre cloud pour toutes ses administrations et leurs données ?', '',
      'Réponse de Awa T. · Architecte dans un opérateur public · 2 a', 'Il en a plusieurs.', '',
      'Réponse de Bruno K. · 8 mois', 'Faute de gens pour les faire tourner.',
    ];
    expect(readInferredThread(answers)?.page).toMatchObject({ author: 'Inès C.', comments: [{ author: 'Awa T.', parentIndex: undefined }, { author: 'Bruno K.', parentIndex: undefined }] });
  });

  it('reads a header line of sentences after a dated byline (a reply marker, a score) and leaves out the titles over the headers', () => {
    const page = [
      'Un journal', '', 'Posté par Awa T. le 13/03/25 à 22:11. Licence libre.', '',
      'Le texte du journal, assez long pour être un article de plusieurs mots et une phrase entière, voilà.', '',
      'Un titre de commentaire', 'Posté par Bruno K. le 14/03/25 à 08:12. Évalué à 9 (+8/-0).', '', 'Premier commentaire.', '',
      'Re: Un titre de commentaire', 'Posté par Chloé M. le 14/03/25 à 10:40. En réponse au message de Bruno K.. Évalué à 4 (+3/-0).', '', 'Une réponse.', '',
      'Autre titre', 'Posté par Bruno K. le 14/03/25 à 11:02. Évalué à 1 (+1/-0).', '', 'Un autre commentaire.',
    ];
    expect(readInferredThread(page)?.page.comments).toEqual([
      { author: 'Bruno K.', published: '2025-03-14T08:12', text: 'Premier commentaire.', parentIndex: undefined, quotesIndex: undefined },
      { author: 'Chloé M.', published: '2025-03-14T10:40', text: 'Une réponse.', parentIndex: 0, quotesIndex: undefined },
      { author: 'Bruno K.', published: '2025-03-14T11:02', text: 'Un autre commentaire.', parentIndex: undefined, quotesIndex: undefined },
    ]);
  });

  it('reads a page of rated reviews as comments under an empty article, a company\'s answer as a reply', () => {
    const page = [
      'Une entreprise', 'Avis 1 872', '',
      'Awa Traoré', 'FR • 3 avis', 'Noté 2 sur 5 étoiles', '18 mars 2025', 'Des vélos souvent déchargés.', 'Utile', '',
      'Réponse de Une entreprise', '19 mars 2025', 'Nous passons deux fois par jour.', '',
      'Bruno Keller', 'FR • 1 avis', 'Noté 5 sur 5 étoiles', '9 mars 2025', 'Parfait pour aller au travail.', 'Utile',
    ];
    expect(readInferredThread(page)?.page).toMatchObject({
      body: '',
      comments: [{ author: 'Awa Traoré', text: 'Des vélos souvent déchargés.' }, { author: 'Une entreprise', parentIndex: 0 }, { author: 'Bruno Keller', parentIndex: undefined }],
    });
  });

  it('reads messages closed by their time alone, "En réponse à X" over a preview cut short, and skips a day separator', () => {
    const page = [
      'Un groupe', '', "Aujourd'hui", '',
      'Awa Traoré', 'Le conseil a voté le budget des pistes cyclables hier soir.', '09:12', '',
      'Bruno Keller', 'En réponse à Awa Traoré', 'Le conseil a voté le budget des pistes…', 'Pour combien de kilomètres ?', '09:20', '',
      'Chloé Marin', 'Douze, selon la délibération.', '09:31', 'modifié',
    ];
    expect(readInferredThread(page)?.page).toMatchObject({
      author: 'Awa Traoré', body: 'Le conseil a voté le budget des pistes cyclables hier soir.',
      comments: [{ author: 'Bruno Keller', text: 'Pour combien de kilomètres ?', parentIndex: undefined }, { author: 'Chloé Marin', text: 'Douze, selon la délibération.' }],
    });
  });

  it('reads a question over a sort control as the article, answers headed by a name and a title, and the comments a counter announces under an answer', () => {
    const answer = (name: string, text: string, counter: string[]): string[] => [name, 'Bénévole associatif, ancien assesseur · 2 a', text, 'Voter pour · 4', ...counter, ''];
    const page = [
      'Faut-il rendre le vote électronique possible aux élections municipales ?', '', 'Tous les contenus   Trier : Recommandé', '',
      ...answer('Awa Traoré', 'Le dépouillement public fait la confiance dans le résultat.', ['2 commentaires', '']),
      'Bruno Keller · 2 a', 'Les pays qui ont essayé ont fini par le regretter.', 'Répondre · 6', '',
      'Chloé Marin · 1 a', 'On pourrait garder une preuve imprimée.', 'Répondre · 2', '',
      ...answer('Denis Roux', 'Le coût serait énorme pour une commune.', []),
    ];
    expect(readInferredThread(page)?.page).toMatchObject({
      body: 'Faut-il rendre le vote électronique possible aux élections municipales ?',
      comments: [
        { author: 'Awa Traoré', parentIndex: undefined }, { author: 'Bruno Keller', parentIndex: 0 },
        { author: 'Chloé Marin', parentIndex: 0 }, { author: 'Denis Roux', parentIndex: undefined },
      ],
    });
  });

  it('reads headers of a name then a numeric date without a separator, not a table of properties, and answers named in parentheses', () => {
    // An invented tracker page: a properties table whose "Ouvert :" row holds a date and a name.
    const page = [
      'Ticket 88 – Le formulaire de réservation refuse les dates de juillet',
      'État :\tOUVERT', 'Ouvert :\t2025-06-02 08:10 CET par Lise Morel', '',
      'Lise Morel 2025-06-02 08:10:05 CET\tDescription',
      'Le formulaire de réservation de la salle des fêtes refuse toute date de juillet, avec un message d\'erreur sans explication.', '',
      'Marc Adam 2025-06-02 10:44:31 CET\tCommentaire 1',
      'Reproduit avec deux navigateurs, le calendrier semble bloqué à la fin juin dans la configuration.', '',
      'Lise Morel 2025-06-03 09:02:12 CET\tCommentaire 2',
      '(En réponse à Marc Adam du commentaire #1)',
      'Merci, je demande au prestataire d\'ouvrir la saison d\'été dans le calendrier.', '',
      'Nora Petit 2025-06-03 11:20:45 CET\tCommentaire 3',
      'Les associations attendent pour réserver la fête du 14 juillet, il faudrait aller vite.',
    ];
    const read = readInferredThread(page);
    expect([read?.page.author, read?.page.published, read?.page.body]).toEqual(['Lise Morel', '2025-06-02T08:10:05', 'Le formulaire de réservation de la salle des fêtes refuse toute date de juillet, avec un message d\'erreur sans explication.']);
    expect(read?.page.comments.map((c) => [c.author, c.published, c.parentIndex])).toEqual([
      ['Marc Adam', '2025-06-02T10:44:31', undefined],
      ['Lise Morel', '2025-06-03T09:02:12', 0],
      ['Nora Petit', '2025-06-03T11:20:45', undefined],
    ]);
  });

  it('takes no line of an event\'s span of days ("12 mars 2025 – 13 mars 2025") under its name for a post header', () => {
    const page = [
      'Atelier', 'Les jardins partagés du quartier', '4 avril 2025 – 5 avril 2025', '',
      'Anonyme', 'il y a 2 jours', 'Faut-il s\'inscrire à l\'avance pour la visite des parcelles du samedi matin ?', '',
      'Claire Dumas', 'il y a 2 jours', 'Non, venez directement, il reste de la place pour tout le monde.', '',
      'Rémi Vasseur', 'il y a 1 jour', 'Peut-on apporter des graines à échanger avec les autres jardiniers ?',
    ];
    const read = readInferredThread(page);
    expect(read?.page.body).toMatch(/^Faut-il s'inscrire/u);
    expect(read?.page.comments.map((c) => c.author)).toEqual(['Claire Dumas', 'Rémi Vasseur']);
  });
});
