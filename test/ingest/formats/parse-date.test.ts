import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/ingest/formats/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2021-12-03', '2021-12-03'],
    ['2021-12-03T08:00', '2021-12-03T08:00'],
    ['2021-12-03T08:00:00', '2021-12-03T08:00'],
    ['2021-12-03T08:00:17.250Z', '2021-12-03T08:00:17'],
    ['2021-12-03T08:00:00+01:00', '2021-12-03T08:00'],
    ['2021-12-03 08:00:00-0500', '2021-12-03T08:00'],
    ['25/09/2014', '2014-09-25'],
    ['03/12/2021 09h40', '2021-12-03T09:40'],
    ['3.12.2021 9:05', '2021-12-03T09:05'],
    ['25 décembre 2021 à 8 h 12 min', '2021-12-25T08:12'],
    ['1er janvier 2022', '2022-01-01'],
    ['mardi 8 octobre 2019 à 09h07', '2019-10-08T09:07'],
    ['8 oct. 2019', '2019-10-08'],
  ])('reads "%s" as %s, keeping the clock time as written', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['hier soir', '2021-13-01', '31/02/2021', '2021-12-03T25:00', '1638518400', '12 brumaire 2021'])('gives undefined for "%s"', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});
