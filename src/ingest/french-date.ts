import { foldAccents } from '../text/fold-accents.js';
import { frenchMonth } from './month-names.js';

/**
 * French dates as pages write them → ISO 8601 in the page's local time, never a guessed time zone:
 * "25 décembre 2021 à 8 h 12 min" → "2021-12-25T08:12", "Publié le 08 octobre 2019 à 09h07" →
 * "2019-10-08T09:07", "25/09/2014" → "2014-09-25". Relative dates ("il y a 3 heures") need the
 * scrape time, which pages do not give: they stay unknown.
 */

const MONTH_NAMES = 'janvier|janv|jan|février|fevrier|févr|fevr|fév|fev|mars|avril|avr|mai|juin|juillet|juil|août|aout|septembre|sept|sep|octobre|oct|novembre|nov|décembre|decembre|déc|dec';

// "à 8 h 12 min", "à 09h07", "à 10:14", ", 10:14", "- 10h", "10 h 05"
const TIME = String.raw`(?:\s*(?:à|a|,|-|–|·)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})?(?:\s*min)?)?`;

// Day first, month spelt out: "1er janvier 2022", "25 déc. 2021", "lundi 3 mars 2020"
const SPELT = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:er)?\s+(${MONTH_NAMES})\.?\s+(\d{4})` + TIME + String.raw`(?![\p{L}\p{N}])`, 'iu');
// Day first, numeric: "25/09/2014", "25.09.2014", "25-09-2014 10:14"
const NUMERIC = new RegExp(String.raw`(?<![\p{L}\p{N}/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + TIME + String.raw`(?![\p{L}\p{N}])`, 'iu');
// ISO already: "2021-12-25", "2021-12-25T08:12", "2021-12-25 08:12"
const ISO = /(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?(?![\p{L}\p{N}])/u;

/** A date found in a line: its ISO form and where it was. */
export interface FoundDate {
  readonly iso: string;
  readonly index: number;
  readonly length: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number, hour?: string, minute?: string): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return date;
  const h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (h > 23 || m > 59) return date;
  return `${date}T${pad(h)}:${pad(m)}`;
}

function foldMonth(name: string): number | undefined {
  return frenchMonth(foldAccents(name));
}

// The month of every spelling SPELT matches, lower-cased: a name lower-cased to one of them folds
// as that spelling does (the letters that lower-case to these are their capitals, which fold alike).
const MONTH_OF_SPELLING = new Map(MONTH_NAMES.split('|').map((spelling) => [spelling, foldMonth(spelling)]));

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTH_OF_SPELLING.has(lower) ? MONTH_OF_SPELLING.get(lower) : foldMonth(name);
}

function hasFourDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    run = c >= 0x30 && c <= 0x39 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

/** The first French (or ISO) date in a piece of text, with its time when the text gives one. */
export function findFrenchDate(text: string): FoundDate | undefined {
  // Every form has a year of four digits: a text without four digits in a row holds no date.
  if (!hasFourDigits(text)) return undefined;
  const candidates: FoundDate[] = [];
  const spelt = SPELT.exec(text);
  if (spelt) {
    const month = monthNumber(spelt[2]!);
    const iso = month === undefined ? undefined : toIso(Number(spelt[3]), month, Number(spelt[1]), spelt[4], spelt[5]);
    if (iso !== undefined) candidates.push({ iso, index: spelt.index, length: spelt[0].length });
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const iso = toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[4], numeric[5]);
    if (iso !== undefined) candidates.push({ iso, index: numeric.index, length: numeric[0].length });
  }
  const isoMatch = ISO.exec(text);
  if (isoMatch) {
    const iso = toIso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]), isoMatch[4], isoMatch[5]);
    if (iso !== undefined) candidates.push({ iso, index: isoMatch.index, length: isoMatch[0].length });
  }
  return candidates.sort((a, b) => a.index - b.index)[0];
}

/** Parse a text that is only a date ("25/09/2014", "8 mars 2022 à 10h"); undefined otherwise. */
export function parseFrenchDate(text: string): string | undefined {
  const trimmed = text.trim();
  const found = findFrenchDate(trimmed);
  return found !== undefined && found.index === 0 && found.length === trimmed.length ? found.iso : undefined;
}

// What may surround a date on a line that is only a date stamp: "Publié le …", "Mis à jour le …",
// "Paris, le …" (press dateline), "… 2 minutes" (reading time), "… par Claire Morel", "(modifié)".
const DATE_LINE_BEFORE = /^(?:[-–—•·|,]\s*)?(?:\p{Lu}[\p{L}'’ -]{1,30},\s*)?(?:(?:publié|posté|écrit|rédigé|mis à jour|modifié|édité|commenté)\s*(?:le\s*)?|le\s+|du\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*)?$/iu;
const DATE_LINE_AFTER = /^\s*(?:par\s+[^,.;:!?]{1,60}|(?:[-–—•·|,(]\s*)?(?:(?:\d+\s*(?:min(?:utes?)?|mn)(?:\s+de\s+lecture)?)|(?:modifié|édité)|(?:lecture\s*:?\s*\d+\s*min(?:utes?)?))?\s*\)?)\s*$/iu;

/**
 * The ISO date of a line that is a date stamp and nothing else ("25 décembre 2021 à 8 h 12 min",
 * "Publié le 08 octobre 2019 à 09h07", "25/09/2014 2 minutes"); undefined for any other line,
 * including sentences that merely mention a date.
 */
export function parseDateLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length > 80) return undefined;
  const found = findFrenchDate(trimmed);
  if (found === undefined) return undefined;
  const before = trimmed.slice(0, found.index);
  const after = trimmed.slice(found.index + found.length);
  return DATE_LINE_BEFORE.test(before) && DATE_LINE_AFTER.test(after) ? found.iso : undefined;
}

const RELATIVE = /^(?:(?:il y a|depuis)\s+(?:\d+|un|une|quelques)\s*(?:s|sec(?:ondes?)?|mn|min(?:utes?)?|h|heures?|j|jours?|sem(?:aines?)?|mois|ans?|années?)|(?:hier|avant-hier|aujourd['’]hui)(?:\s*(?:à|,)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2})?|à l['’]instant|\d+\s*(?:min|h|j)|(?:\d+|an?)\s+\w+\s+ago)$/iu;

/**
 * True for a relative date stamp ("il y a 3 heures", "hier", "5 h"): metadata, but without the
 * scrape time it cannot become a date, so it stays unknown.
 */
export function isRelativeDate(line: string): boolean {
  return RELATIVE.test(line.trim());
}
