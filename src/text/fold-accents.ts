/**
 * Lower case without accents, as `s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()` gives
 * it ("Réponse à" → "reponse a"), for the cues tried on most lines of a page: the normalisation was
 * a good part of their time. Text below U+0180 (ASCII, Latin-1, Latin Extended-A: nearly every
 * French line) is folded character by character from a table; anything else takes the slow path.
 */

const slowFold = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Characters below this are folded from the table. */
const TABLE_END = 0x180;

// Each character below U+0180 decomposes on its own into a base letter and combining marks (none of
// them is a mark or starts with one), and the marks are dropped: the fold of a string of them is the
// folds of its characters end to end. The table is filled once from the slow path itself.
const FOLDED: readonly string[] = Array.from({ length: TABLE_END }, (_, c) => slowFold(String.fromCharCode(c)));

/** `s` lower-cased, its combining marks dropped after canonical decomposition (NFD); not trimmed. */
export function foldAccents(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= TABLE_END) return slowFold(s);
    if (c > 0x7f) ascii = false;
  }
  if (ascii) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i += 1) out += FOLDED[s.charCodeAt(i)]!;
  return out;
}
