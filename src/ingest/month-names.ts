/**
 * Month names as pages and exports write them, folded (lower case, no accents) → month number. One
 * table for every reader of dates: the French and English dates of text copies, exports' date
 * fields and the masks of the page template.
 */

/** French months, full and abbreviated ("janv.", "sept", "déc" fold to these). */
export const FRENCH_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2,
  mars: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

/** English months, full and abbreviated ("Sep", "Sept"). */
export const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** The month a folded French name stands for, undefined for any other word ("constructor" included). */
export function frenchMonth(folded: string): number | undefined {
  return Object.hasOwn(FRENCH_MONTHS, folded) ? FRENCH_MONTHS[folded] : undefined;
}

/** The month a lower-cased English name stands for, undefined for any other word. */
export function englishMonth(lower: string): number | undefined {
  return Object.hasOwn(ENGLISH_MONTHS, lower) ? ENGLISH_MONTHS[lower] : undefined;
}
