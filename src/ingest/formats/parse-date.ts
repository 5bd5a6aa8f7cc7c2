import { foldAccents } from '../../text/fold-accents.js';
import { englishMonth, frenchMonth } from '../month-names.js';

/** Dates found in structured exports → ISO 8601 in the page's local time, never inventing a time zone. */

const pad = (n: number): string => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number, hour?: number, minute?: number, second?: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return date;
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return undefined;
  return `${date}T${pad(hour)}:${pad(minute)}${second ? `:${pad(second)}` : ''}`;
}

const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/iu;
const TIME = String.raw`(?:(?:,| à| a)? ?(\d{1,2}) ?(?:h|:) ?(\d{2})?(?: ?min)?(?::(\d{2}))?)?`;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`, 'iu');
const WORDS = new RegExp(String.raw`^(?:[a-z]+\.? )?(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})${TIME}$`, 'u');

/**
 * Normalise a date as exports write it: ISO 8601 ("2021-12-03T08:00:00+01:00" → "2021-12-03T08:00",
 * the clock time as written, offset or "Z" dropped), "2021-12-03 08:00", "03/12/2021 08h00",
 * "3 décembre 2021 à 8 h 12". Seconds are kept only when not zero. Undefined when unreadable.
 */
export function parseDate(value: string): string | undefined {
  const s = value.trim().replace(/\s+/gu, ' ');
  // Every form holds a four-digit year: anything else is not a date, without trying the patterns.
  if (!/\d{4}/u.test(s)) return undefined;
  const iso = ISO.exec(s);
  if (iso !== null) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), num(iso[4]), num(iso[5]), num(iso[6]));
  const numeric = NUMERIC.exec(s);
  if (numeric !== null) {
    const hour = num(numeric[4]);
    return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), hour, hour === undefined ? undefined : (num(numeric[5]) ?? 0), num(numeric[6]));
  }
  const folded = foldAccents(s);
  const words = WORDS.exec(folded);
  if (words !== null) {
    const month = frenchMonth(words[2] ?? '');
    if (month === undefined) return undefined;
    const hour = num(words[4]);
    return isoOf(Number(words[3]), month, Number(words[1]), hour, hour === undefined ? undefined : (num(words[5]) ?? 0), num(words[6]));
  }
  return undefined;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/-]([a-z]{3})[/-](\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]m)?)?$/iu;

/**
 * The day/month-abbreviation/year form issue trackers and spreadsheets export ("03/Mar/25 9:02 AM",
 * "12-Mar-2025 15:33"): English month, two-digit years in 2000-2099, a 12-hour clock read as 24.
 * Undefined for anything else.
 */
export function parseDayMonthYear(value: string): string | undefined {
  const m = DAY_MONTH_YEAR.exec(value.trim().replace(/\s+/gu, ' '));
  if (m === null) return undefined;
  const month = englishMonth((m[2] ?? '').toLowerCase());
  if (month === undefined) return undefined;
  const year = (m[3] ?? '').length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = num(m[4]);
  const half = m[7]?.toLowerCase();
  if (hour !== undefined && half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return isoOf(year, month, Number(m[1]), hour, hour === undefined ? undefined : num(m[5]), num(m[6]));
}
