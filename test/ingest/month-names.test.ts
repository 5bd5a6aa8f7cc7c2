import { describe, expect, it } from 'vitest';
import { ENGLISH_MONTHS, FRENCH_MONTHS, englishMonth, frenchMonth } from '../../src/ingest/month-names.js';
import { parseDate, parseDayMonthYear } from '../../src/ingest/formats/parse-date.js';
import { findFrenchDate } from '../../src/ingest/french-date.js';
import { foldAccents } from '../../src/text/fold-accents.js';

describe('month names', () => {
  it('spell every month, folded, in both languages', () => {
    for (const table of [FRENCH_MONTHS, ENGLISH_MONTHS]) {
      expect(new Set(Object.values(table))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
      for (const name of Object.keys(table)) expect(foldAccents(name).toLowerCase()).toBe(name);
    }
    expect(frenchMonth('aout')).toBe(8);
    expect(englishMonth('sept')).toBe(9);
  });

  it('are not fooled by the names every object has', () => {
    expect(frenchMonth('constructor')).toBeUndefined();
    expect(englishMonth('tostring')).toBeUndefined();
    expect(parseDate('3 constructor 2021')).toBeUndefined();
  });

  it('serve the text dates, the export dates and the issue-tracker dates alike', () => {
    expect(findFrenchDate('Publié le 3 sept. 2021 à 10h05')?.iso).toBe('2021-09-03T10:05');
    expect(parseDate('3 sept 2021')).toBe('2021-09-03');
    expect(parseDayMonthYear('03/Sep/21 9:02 PM')).toBe('2021-09-03T21:02');
  });
});
