import { describe, expect, it } from 'vitest';
import { labelLines } from '../../../src/ingest/line-roles/label-lines.js';

const page = [
  'Accueil',
  'Un titre d’article',
  '',
  'Le conseil a voté la fermeture du bassin pour l’hiver.',
  'Il rouvrira au printemps.',
  '',
  'Kerbrat_56 · il y a 5 h',
  'Encore une mauvaise nouvelle pour les clubs.',
  'Répondre · Signaler',
  '',
  'Marie L. · 26/09/2022 à 10:14',
  'Kerbrat_56 a écrit :',
  'Encore une mauvaise nouvelle',
  'Pas pour les écoles, heureusement.',
  'Répondre',
  'Mentions légales',
];

const units = [
  { kind: 'article', author: '', quotes: '', firstWords: 'Le conseil a voté', lastWords: 'au printemps.' },
  { kind: 'comment', author: 'Kerbrat_56', quotes: '', firstWords: 'Encore une mauvaise', lastWords: 'pour les clubs.' },
  { kind: 'reply', author: 'Marie L.', quotes: '1', firstWords: 'Pas pour les', lastWords: 'heureusement.' },
];

describe('labelLines', () => {
  it('labels article, header, text, action, quote and other lines from the gold units', () => {
    const { roles, missing } = labelLines(page, units);
    expect(missing).toBe(0);
    expect(roles).toEqual([
      'other', 'other', undefined,
      'body', 'body', undefined,
      'header', 'start', 'action', undefined,
      'header', 'quote', 'quote', 'start', 'action', 'other',
    ]);
  });

  it('labels a text continuation and reads first and last words across line breaks', () => {
    const { roles } = labelLines(['Jo · 2 h', 'Une première ligne', 'et une seconde.'], [{ kind: 'comment', author: 'Jo', quotes: '', firstWords: 'ligne et une', lastWords: 'seconde.' }]);
    expect(roles).toEqual(['header', 'start', 'text']);
  });

  it('labels units numbered in another order than the page shows them (a mail thread, newest on top)', () => {
    const { roles, missing } = labelLines(page, [units[0]!, units[2]!, units[1]!]);
    expect(missing).toBe(0);
    expect(roles).toEqual(labelLines(page, units).roles);
  });

  it('leaves a page unlabelled when a unit is not found', () => {
    const { roles, missing } = labelLines(page, [{ ...units[1]!, firstWords: 'absent du texte' }]);
    expect(missing).toBe(1);
    expect(roles.every((r) => r === undefined)).toBe(true);
  });
});
