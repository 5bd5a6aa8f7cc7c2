import { describe, expect, it } from 'vitest';
import { readInferredThread } from '../../src/ingest/layouts/inferred-thread.js';
import { authorOf, dateCueOf } from '../../src/ingest/layouts/line-cues.js';
import { readSpeakerTurns } from '../../src/ingest/layouts/speaker-turns.js';

// Shapes of the kinds moved in from the seventh held-out set (branch reader8), each written here in a
// page of its own words.

describe('a discussion of a school messaging tool: a mailbox listing above, "Name (role) - le dd/mm/yy à hh:mm" headers, a toolbar under', () => {
  const page = [
    'Accueil   Notes   Agenda   Messagerie', '',
    'Sortie scolaire au musée   M. ROUX B.   02/04/25',
    'Cantine du jeudi   Mme PETIT L.   03/04/25',
    'Horaires du conseil de classe   Vie scolaire   01/04/25', '',
    'Horaires du conseil de classe',
    'Participants (3) : Mme PETIT L. (Professeur), M. ROUX B. (Parent), M. DIAS T. (Parent)', '',
    'Mme PETIT L. (Professeur) - le 03/04/25 à 17:05',
    'Le conseil de classe de 4e A aura lieu mardi à 18 h en salle 12, les délégués y sont invités.', '',
    'M. ROUX B. (Parent) - le 03/04/25 à 19:40',
    'Merci, nous y serons. Peut-on suivre la séance à distance ?', '',
    'M. DIAS T. (Parent) - le 04/04/25 à 08:12',
    'Nous aussi, une salle suffit largement.', '',
    'Répondre à tous   Répondre   Transférer   Archiver',
    'Mentions légales   Accessibilité   Aide',
  ];

  it('reads each message under its header, the role out of the name, the listing and the toolbar out of the words', () => {
    const read = readInferredThread(page)?.page;
    expect(read).toMatchObject({ author: 'Mme PETIT L.', published: '2025-04-03T17:05', body: 'Le conseil de classe de 4e A aura lieu mardi à 18 h en salle 12, les délégués y sont invités.' });
    expect(read?.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['M. ROUX B.', '2025-04-03T19:40', 'Merci, nous y serons. Peut-on suivre la séance à distance ?'],
      ['M. DIAS T.', '2025-04-04T08:12', 'Nous aussi, une salle suffit largement.'],
    ]);
  });

  it('is no transcript: a label then a dated tail is a header, not a turn', () => {
    expect(readSpeakerTurns(page)).toBeUndefined();
  });
});

describe('a role in parentheses after a name', () => {
  it('is no part of the name; pronouns are', () => {
    expect(authorOf('Mme LE GOFF A. (Professeur principal)')).toBe('Mme LE GOFF A.');
    expect(authorOf('Yves Tanguy (invité)')).toBe('Yves Tanguy');
    expect(authorOf('Élise (elle)')).not.toBe('Élise');
  });
});

describe('an automatic transcript: the meeting dated above "Name · hh:mm:ss" turns', () => {
  const page = [
    'Visio   Réunions   Aide', '',
    'Réunion du 4 avril 2025, 10:00 – 10:30 · 3 participants',
    'Télécharger   Copier   Partager', '',
    'Anne Kervella · 00:00:04',
    'Bonjour à tous, nous devons choisir le futur outil de messagerie de la mairie avant la fin du mois de juin.', '',
    'Loïc Tanguy (invité) · 00:01:20',
    'Je peux présenter la solution du syndicat la semaine prochaine si vous le souhaitez.', '',
    'Marie Le Du · 00:02:45',
    'Très bien, gardons le jeudi matin pour cette présentation.',
  ];

  it('reads the first turn as the article and dates every turn with the meeting day, the role out of the name', () => {
    const read = readInferredThread(page)?.page;
    expect(read).toMatchObject({ author: 'Anne Kervella', published: '2025-04-04' });
    expect(read?.comments.map((c) => [c.author, c.published])).toEqual([['Loïc Tanguy', '2025-04-04'], ['Marie Le Du', '2025-04-04']]);
  });

  it('reads a time alone as a date cue without a day', () => {
    expect(dateCueOf('00:01:20')).toEqual({ relative: true, clock: true });
  });
});

describe('testimonials: a title, then a rating, then "Name — organisation — le dd/mm/yyyy"; a box of links after the last', () => {
  const page = [
    'Catalogue   Logiciels   Prestataires   Connexion', '',
    'Agenda partagé Exemple',
    'Un agenda partagé libre pour les services d\u2019une commune, avec réservation de salles et de véhicules, installé chez un hébergeur local.', '',
    'Témoignages (3)', '',
    'Simple à prendre en main',
    '★★★★☆',
    'Nadia Le Roux — Mairie de Plouvien — le 12/03/2025',
    'Les agents l\u2019ont adopté en une semaine, la réservation des salles nous fait gagner du temps.', '',
    'Il manque une application mobile',
    '★★★☆☆',
    'Paul Abgrall — Ville de Lesneven — le 02/03/2025',
    'Les élus voudraient consulter leur agenda sur téléphone sans passer par le navigateur.', '',
    'Bon support du prestataire',
    '★★★★★',
    'Anne Morvan — Syndicat informatique — le 20/02/2025',
    'Nous le proposons à nos adhérents, les demandes de support sont traitées dans la journée.', '',
    'Logiciels similaires',
    'Agenda A   Agenda B   Agenda C',
  ];

  it('keeps each title and rating out of the testimonial above, and the box heading out of the last one', () => {
    const read = readInferredThread(page)?.page;
    expect(read?.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Nadia Le Roux', '2025-03-12', 'Les agents l\u2019ont adopté en une semaine, la réservation des salles nous fait gagner du temps.'],
      ['Paul Abgrall', '2025-03-02', 'Les élus voudraient consulter leur agenda sur téléphone sans passer par le navigateur.'],
      ['Anne Morvan', '2025-02-20', 'Nous le proposons à nos adhérents, les demandes de support sont traitées dans la journée.'],
    ]);
  });
});

describe('a help community: "Message n sur N" over an invisibly marked date, the name under it, a card, "En réponse à X", a counter under each post', () => {
  const post = (n: number, date: string, name: string, words: string, reply?: string): string[] => [
    `Message ${n} sur 4`, `\u200e${date}`, name, 'Membre', 'Messages: 12', 'Kudos: 3', ...(reply === undefined ? [] : [`En réponse à ${reply}`]), words, `${n % 2} Kudos`, 'Répondre', '',
  ];
  const page = [
    'Communauté Exemple', '',
    'Question sur la carte vitale',
    ...post(1, '02-04-2025 09:10', 'Lise_M', 'Bonjour, ma carte vitale ne s\u2019affiche pas dans l\u2019application depuis hier, est-ce normal ?'),
    ...post(2, '02-04-2025 10:02', 'Paul44', 'Bonjour, il y a une maintenance cette semaine, réessayez demain matin.'),
    ...post(3, '02-04-2025 11:30', 'Lise_M', 'Merci, je réessaierai demain et je vous dirai.', 'Paul44'),
    ...post(4, '03-04-2025 08:05 - modifié \u200e03-04-2025 08:07', 'Anne_R', 'Même chose pour moi, c\u2019est revenu ce matin.'),
  ];

  it('reads the name under the date, the marker as the parent, the counter and the numbering out of the words', () => {
    const read = readInferredThread(page)?.page;
    expect(read).toMatchObject({ author: 'Lise_M', published: '2025-04-02T09:10', body: 'Bonjour, ma carte vitale ne s\u2019affiche pas dans l\u2019application depuis hier, est-ce normal ?' });
    expect(read?.comments.map((c) => [c.author, c.published, c.parentIndex, c.text])).toEqual([
      ['Paul44', '2025-04-02T10:02', undefined, 'Bonjour, il y a une maintenance cette semaine, réessayez demain matin.'],
      ['Lise_M', '2025-04-02T11:30', 0, 'Merci, je réessaierai demain et je vous dirai.'],
      ['Anne_R', '2025-04-03T08:05', undefined, 'Même chose pour moi, c\u2019est revenu ce matin.'],
    ]);
  });
});

describe('comments under a template label ("Avatar" over each name) with a badge over some words', () => {
  const comment = (name: string, date: string, words: string, badge = false): string[] => ['Avatar', name, date, ...(badge ? ['Réponse officielle'] : []), words, '2', 'Permalien', ''];
  const page = [
    'Centre d\u2019aide', '',
    'La messagerie des agents change de serveur le 1er avril : vos dossiers et votre carnet d\u2019adresses seront copiés pendant le week-end, sans action de votre part.', '',
    '4 commentaires', '',
    ...comment('Hélène Caradec', '2 avril 2025 10:04', 'Mes règles de tri ont disparu, faut-il les recréer à la main ?'),
    ...comment('Service informatique', '2 avril 2025 11:30', 'Oui, les règles ne sont pas copiées, un guide est en ligne.', true),
    ...comment('Marc Le Bras', '3 avril 2025 08:12', 'Le carnet partagé du service est bien là, merci.'),
    ...comment('Service informatique', '3 avril 2025 09:00', 'Merci pour ce retour, nous fermons la page vendredi.', true),
  ];

  it('reads the varying name, not the label, and leaves the badge out of the words', () => {
    const read = readInferredThread(page)?.page;
    expect(read?.comments.map((c) => [c.author, c.text])).toEqual([
      ['Hélène Caradec', 'Mes règles de tri ont disparu, faut-il les recréer à la main ?'],
      ['Service informatique', 'Oui, les règles ne sont pas copiées, un guide est en ligne.'],
      ['Marc Le Bras', 'Le carnet partagé du service est bien là, merci.'],
      ['Service informatique', 'Merci pour ce retour, nous fermons la page vendredi.'],
    ]);
  });
});

describe('a help forum: "Name - Posté le … - Modifié le …" over the question, the best answer shown again above the answers', () => {
  const answer = (n: number, name: string, date: string, words: string): string[] => [`Réponse ${n} / 3`, `${name} - ${date}`, words, 'Répondre  Signaler  Utile +1', ''];
  const best = 'Ouvrez le modèle dans le traitement de texte libre puis enregistrez-le au format ouvert des modèles, les champs de fusion suivent.';
  const page = [
    'Accueil › Forum › Bureautique', '',
    'Nos modèles de courrier ne s\u2019ouvrent plus',
    'Lena_B - Posté le 4 avril 2025 à 09:12 - Modifié le 4 avril 2025 à 09:20', '',
    'Bonjour, la mairie vient de changer de suite bureautique et nos modèles de courrier ne s\u2019ouvrent plus correctement, que faire ?', '',
    'Meilleure réponse',
    `Tom_K - 4 avril 2025 à 10:47`, best, '',
    '3 réponses', '',
    ...answer(1, 'Rémi_P', '4 avril 2025 à 09:45', 'Avez-vous essayé de les enregistrer dans l\u2019ancien format avant la migration ?'),
    ...answer(2, 'Tom_K', '4 avril 2025 à 10:47', best),
    ...answer(3, 'Lena_B', '4 avril 2025 à 11:30', 'Merci, cela fonctionne pour les courriers simples.'),
  ];

  it('reads the question under its header without the edit, and the best answer once, where it was posted', () => {
    const read = readInferredThread(page)?.page;
    expect(read).toMatchObject({ author: 'Lena_B', published: '2025-04-04T09:12' });
    expect(read?.comments.map((c) => [c.author, c.published])).toEqual([['Rémi_P', '2025-04-04T09:45'], ['Tom_K', '2025-04-04T10:47'], ['Lena_B', '2025-04-04T11:30']]);
  });
});
