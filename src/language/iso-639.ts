import { iso6393 } from 'iso-639-3/iso6393.js';

const FROM_639_1: ReadonlyMap<string, string> = new Map(iso6393.flatMap((l) => (l.iso6391 === undefined ? [] : [[l.iso6391, l.iso6393] as const])));
// Bibliographic 639-2 codes still found in library metadata: "fre", "ger", "dut".
const FROM_639_2B: ReadonlyMap<string, string> = new Map(iso6393.flatMap((l) => (l.iso6392B === undefined ? [] : [[l.iso6392B, l.iso6393] as const])));
const CODES_639_3: ReadonlySet<string> = new Set(iso6393.map((l) => l.iso6393));

/**
 * An ISO 639-1, 639-2/B or 639-3 code, in any case and with or without a region ("fr", "FR",
 * "fr-CA", "fre", "fra"), as ISO 639-3; undefined when it is none of them or `und`.
 */
export function toIso6393(code: string): string | undefined {
  const base = code.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  if (base.length === 2) return FROM_639_1.get(base);
  if (base.length === 3 && base !== 'und') return CODES_639_3.has(base) ? base : FROM_639_2B.get(base);
  return undefined;
}
