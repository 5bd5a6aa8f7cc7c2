import { describe, expect, it } from 'vitest';
import { findFrenchDate, isRelativeDate, parseDateLine, parseFrenchDate } from '../../src/ingest/french-date.js';

describe('parseFrenchDate', () => {
  it('reads spelt-out months with the WordPress "8 h 12 min" time', () => {
    expect(parseFrenchDate('25 décembre 2021 à 8 h 12 min')).toBe('2021-12-25T08:12');
    expect(parseFrenchDate('31 décembre 2021 à 16 h 41 min')).toBe('2021-12-31T16:41');
  });

  it('reads "09h07", "10:14" and a bare hour', () => {
    expect(parseFrenchDate('08 octobre 2019 à 09h07')).toBe('2019-10-08T09:07');
    expect(parseFrenchDate('3 mars 2022 à 10:14')).toBe('2022-03-03T10:14');
    expect(parseFrenchDate('3 mars 2022 à 10h')).toBe('2022-03-03T10:00');
  });

  it('reads numeric day-first dates, with or without a time', () => {
    expect(parseFrenchDate('25/09/2014')).toBe('2014-09-25');
    expect(parseFrenchDate('25.09.2014')).toBe('2014-09-25');
    expect(parseFrenchDate('05/01/2023 14:02')).toBe('2023-01-05T14:02');
  });

  it('reads "1er", abbreviated months with or without a dot, and months without their accents', () => {
    expect(parseFrenchDate('1er janvier 2022')).toBe('2022-01-01');
    expect(parseFrenchDate('12 déc. 2023, 10:14')).toBe('2023-12-12T10:14');
    expect(parseFrenchDate('12 fevr 2023')).toBe('2023-02-12');
    expect(parseFrenchDate('15 AOUT 2020')).toBe('2020-08-15');
  });

  it('keeps ISO dates', () => {
    expect(parseFrenchDate('2021-12-25T08:12')).toBe('2021-12-25T08:12');
    expect(parseFrenchDate('2021-12-25')).toBe('2021-12-25');
  });

  it('rejects impossible dates and relative ones', () => {
    expect(parseFrenchDate('31/02/2021')).toBeUndefined();
    expect(parseFrenchDate('12/13/2021')).toBeUndefined();
    expect(parseFrenchDate('il y a 3 heures')).toBeUndefined();
    expect(parseFrenchDate('hier')).toBeUndefined();
  });

  it('drops an impossible time but keeps the day', () => {
    expect(parseFrenchDate('3 mars 2022 à 25h70')).toBe('2022-03-03');
  });

  it('refuses text around the date (use findFrenchDate for that)', () => {
    expect(parseFrenchDate('le 3 mars 2022')).toBeUndefined();
  });
});

describe('findFrenchDate', () => {
  it('finds a date inside a sentence, with its place', () => {
    const text = 'La loi du 24 juin 2021 change tout.';
    const found = findFrenchDate(text);
    expect(found?.iso).toBe('2021-06-24');
    expect(text.slice(found!.index, found!.index + found!.length)).toBe('24 juin 2021');
  });

  it('does not read a year alone or a phone number as a date', () => {
    expect(findFrenchDate('En 2018, le Cloud Act')).toBeUndefined();
    expect(findFrenchDate('Appelez le 01 23 45 67 89')).toBeUndefined();
  });
});

describe('isRelativeDate', () => {
  it.each(['il y a 3 heures', 'il y a 5 h', 'hier', 'Hier à 18h30', 'aujourd’hui, 10:14', 'à l’instant', '3 j', '2 hours ago'])('knows "%s" is a date it cannot resolve', (line) => {
    expect(isRelativeDate(line)).toBe(true);
    expect(parseDateLine(line)).toBeUndefined();
  });

  it('does not take a sentence for a relative date', () => {
    expect(isRelativeDate('il y a 3 heures que j’attends')).toBe(false);
  });
});

describe('parseDateLine', () => {
  it('accepts date stamps with their usual wording around them', () => {
    expect(parseDateLine('Publié le 08 octobre 2019 à 09h07')).toBe('2019-10-08T09:07');
    expect(parseDateLine('    25 décembre 2021 à 8 h 12 min')).toBe('2021-12-25T08:12');
    expect(parseDateLine('25/09/2014 2 minutes')).toBe('2014-09-25');
    expect(parseDateLine('Mis à jour le lundi 3 mars 2025')).toBe('2025-03-03');
    expect(parseDateLine('le 3 mars 2025 · 4 min de lecture')).toBe('2025-03-03');
  });

  it('refuses sentences that merely mention a date', () => {
    expect(parseDateLine('La loi du 24 juin 2021 change tout.')).toBeUndefined();
    expect(parseDateLine('Rendez-vous le 3 mars 2025 pour la suite')).toBeUndefined();
  });
});
