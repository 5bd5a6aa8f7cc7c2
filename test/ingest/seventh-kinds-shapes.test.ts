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
