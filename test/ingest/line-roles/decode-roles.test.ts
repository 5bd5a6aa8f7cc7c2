import { describe, expect, it } from 'vitest';
import { decodeRoles, unitsOfRoles } from '../../../src/ingest/line-roles/decode-roles.js';
import type { LineRole } from '../../../src/ingest/line-roles/roles.js';

const lines = [
  'Le conseil a voté la fermeture du bassin.', // body
  'Kerbrat_56 · 26/09/2022 à 10:14', // header
  'Encore une mauvaise nouvelle.', // start
  'Pour les clubs surtout.', // text
  'Répondre', // action
  '↪ Réponse à Kerbrat_56', // header
  'Marie L. · 26/09/2022 à 11:02', // header
  'Pas pour les écoles.', // start
  'Un second paragraphe sans en-tête.', // start: a new unit
  'Signaler', // action
  'Texte après une ligne d’action.', // text after an action: a new unit
];
const roles: LineRole[] = ['body', 'header', 'start', 'text', 'action', 'header', 'header', 'start', 'start', 'action', 'text'];

describe('decodeRoles', () => {
  it('opens a unit at a header, attaches text, starts another at a start line or after an action line', () => {
    expect(unitsOfRoles(lines, roles)).toEqual([
      { header: [], text: [0] },
      { header: [1], text: [2, 3] },
      { header: [5, 6], text: [7] },
      { header: [], text: [8] },
      { header: [], text: [10] },
    ]);
  });

  it('reads author, date and the parent named by a reply marker from the header lines', () => {
    const page = decodeRoles(lines, roles)!;
    expect(page.body).toBe('Le conseil a voté la fermeture du bassin.');
    expect(page.comments[0]).toEqual({ author: 'Kerbrat_56', published: '2022-09-26T10:14', text: 'Encore une mauvaise nouvelle.\nPour les clubs surtout.', parentIndex: undefined });
    expect(page.comments[1]).toMatchObject({ author: 'Marie L.', published: '2022-09-26T11:02', parentIndex: 0 });
    expect(page.comments).toHaveLength(4);
  });

  it('takes the first post as the article when no article line stands above it', () => {
    const page = decodeRoles(lines.slice(1), roles.slice(1))!;
    expect(page.author).toBe('Kerbrat_56');
    expect(page.body).toBe('Encore une mauvaise nouvelle.\nPour les clubs surtout.');
  });

  it('takes unsure prose above the first comment as the article', () => {
    const page = decodeRoles(['Un long paragraphe de prose que le modèle hésite à lire comme article.', ...lines.slice(1)], ['other', ...roles.slice(1)], undefined, [0.3])!;
    expect(page.body).toBe('Un long paragraphe de prose que le modèle hésite à lire comme article.');
    expect(page.comments[0]?.author).toBe('Kerbrat_56');
  });
});
