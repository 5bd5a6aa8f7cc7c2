import { foldAccents } from '../../text/fold-accents.js';
import { ENGLISH_MONTHS, FRENCH_MONTHS } from '../month-names.js';

/**
 * The masked shape of a short line: what stays when its names, numbers and dates are masked, so that
 * the header lines of one page's records ("Lou-Anne, Posté le mardi 11 mars 2025 15:02") read alike
 * ("N , N le D"). Each masked run is a slot that keeps the words it masks, for the record template
 * to read (record-template.ts). Lower-case words and punctuation are kept as they are: they are the
 * template's literals.
 */

/** What a slot of a shape holds. */
export type SlotKind = 'date' | 'name' | 'number' | 'word' | 'mark';

export interface Slot {
  readonly kind: SlotKind;
  /** The words the slot covers, as the line prints them. */
  readonly text: string;
}

export interface LineShape {
  /** The slots' masks joined by spaces: "N , N le D". */
  readonly key: string;
  readonly slots: readonly Slot[];
}

/** Words, numbers with their inner separators ("15:02", "11.03.2025", "09h30"), or one mark. */
const TOKEN = /[\p{L}\p{N}@_#]+(?:['’.:/-][\p{L}\p{N}@_]+)*|[^\s\p{L}\p{N}]/gu;

/** A number, a clock time or a numeric date: "2025", "15:02", "@09h30", "11/03/2025", "1.2k". */
const NUMERIC = /^[@#]?\d+(?:[.,:/h-]\d+)*[kKmM]?$/u;
/** A number that can only be part of a date or time: "15:02", "11/03/2025", "09h30", a year. */
const DATE_NUMBER = /^@?(?:\d{1,2}[:h]\d{2}(?::\d{2})?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d{2})$/u;

/** Month, weekday and time-unit words (French and English, folded, abbreviated or not): the words of dates. */
const DATE_WORDS = new Set([
  ...Object.keys(FRENCH_MONTHS), ...Object.keys(ENGLISH_MONTHS),
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  's', 'min', 'mn', 'h', 'j', 'sem', 'mois', 'an', 'ans', 'a', 'm', 'd', 'w', 'y', 'mo', 'hr', 'hrs',
  'seconde', 'secondes', 'minute', 'minutes', 'heure', 'heures', 'jour', 'jours', 'semaine', 'semaines', 'annee', 'annees',
  'second', 'seconds', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'am', 'pm', 'hier', 'yesterday', 'today', 'aujourd', "aujourd'hui", 'ago',
]);
/** Date words that make a date without a number. */
const RELATIVE_WORD = /^(?:ago|hier|yesterday|today|aujourd'hui)$/iu;
/** Rating marks: a review's stars read as one mark whatever the score. */
const RATING_MARK = /^[★☆✩✪⭐✭✮]$/u;

type Token = { readonly mask: 'D' | 'd' | '0' | 'N' | 'w' | 'p'; readonly text: string };

/** Longest date word, "aujourd'hui" (longer tokens are not looked up). */
const MAX_DATE_WORD = 11;

function tokenOf(t: string): Token {
  const first = t.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 64 || first === 35) {
    if (NUMERIC.test(t)) return { mask: DATE_NUMBER.test(t) ? 'D' : '0', text: t };
  }
  if (t.length <= MAX_DATE_WORD) {
    const lower = t.toLowerCase();
    // "il y a un mois", "one hour ago": the article counts as a number.
    if (lower === 'un' || lower === 'une' || lower === 'one') return { mask: '0', text: t };
    const word = lower.endsWith('.') ? lower.slice(0, -1) : lower;
    if (DATE_WORDS.has(word) || (/[^a-z']/u.test(word) && DATE_WORDS.has(foldAccents(word)))) return { mask: 'd', text: t };
  }
  if (t.length === 1 && !/[\p{L}\p{N}]/u.test(t)) return { mask: 'p', text: RATING_MARK.test(t) ? '*' : t };
  // A name, a handle or a pseudonym: a capital, an "@", or letters mixed with digits or underscores.
  if (/\p{Lu}/u.test(t) || t.startsWith('@') || (/\p{L}/u.test(t) && /[\p{N}_]/u.test(t))) return { mask: 'N', text: t };
  return { mask: 'w', text: t };
}

/**
 * The shape of a line: runs of numbers and date words become one date slot ("D") when a date word or
 * a date-like number is among them, else one number slot ("0"); runs of name-like words one name
 * slot ("N"); runs of rating marks one mark.
 */
export function lineShape(line: string): LineShape {
  const tokens = (line.trim().match(TOKEN) ?? []).map(tokenOf);
  const slots: Slot[] = [];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    let j = k + 1;
    if (t.mask === 'D' || t.mask === 'd' || t.mask === '0') {
      while (j < tokens.length && (tokens[j]!.mask === 'D' || tokens[j]!.mask === 'd' || tokens[j]!.mask === '0')) j += 1;
      const run = tokens.slice(k, j);
      const numbers = run.filter((r) => r.mask !== 'd').length;
      // Date words without a number are words ("mars", "il y a deux ans" in a sentence), but for a relative date ("a month ago", "hier").
      if (numbers === 0 && !run.some((r) => RELATIVE_WORD.test(r.text))) {
        slots.push({ kind: 'word', text: t.text.toLowerCase() });
        k += 1;
        continue;
      }
      const dated = run.some((r) => r.mask === 'D' || r.mask === 'd');
      slots.push({ kind: dated ? 'date' : 'number', text: run.map((r) => r.text).join(' ') });
    } else if (t.mask === 'N') {
      while (j < tokens.length && tokens[j]!.mask === 'N') j += 1;
      slots.push({ kind: 'name', text: tokens.slice(k, j).map((r) => r.text).join(' ') });
    } else if (t.mask === 'p') {
      while (t.text === '*' && j < tokens.length && tokens[j]!.text === '*') j += 1;
      slots.push({ kind: 'mark', text: t.text });
    } else {
      slots.push({ kind: 'word', text: t.text.toLowerCase() });
    }
    k = j;
  }
  const key = slots.map((s) => (s.kind === 'date' ? 'D' : s.kind === 'name' ? 'N' : s.kind === 'number' ? '0' : s.text)).join(' ');
  return { key, slots };
}

/** Tokens two shapes do not share, position by position (an edit distance over their masks). */
export function shapeDistance(a: LineShape, b: LineShape): number {
  const x = a.key.split(' ');
  const y = b.key.split(' ');
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[y.length]!;
}
