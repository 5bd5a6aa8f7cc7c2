import { findNgramCodes, hashOfCodes, type EldDatabase } from './eld-database.js';
import { requireEldModule } from './eld-package.js';

/**
 * What eld's detect() concludes about a text: its language (ISO 639-1, '' when no language
 * scored) and the two best scaled scores, exactly as `detect(text).getScores()` gives them
 * (`second` is 0 when only one language scored).
 */
export interface EldVerdict {
  readonly language: string;
  readonly top: number;
  readonly second: number;
}

/** How eld turns text into bytes: its word-separator regex and its byte → character dictionary. */
export interface EldTextRules {
  readonly separators: RegExp;
  readonly dictionary: readonly string[];
}

/**
 * eld's own separator regex and dictionary, from the installed package rather than copied, so
 * that the scores follow the package they are tested against. Both modules are small.
 */
export function loadEldTextRules(): EldTextRules {
  const { separators } = requireEldModule('src/regexPatterns.js') as { separators?: unknown };
  const { dictionary } = requireEldModule('src/dictionary.js') as { dictionary?: unknown };
  if (!(separators instanceof RegExp) || !separators.global) throw new Error('eld\'s regexPatterns.js no longer exports a global "separators" regex');
  if (!Array.isArray(dictionary) || dictionary.length !== 256 || !dictionary.every((c) => typeof c === 'string')) throw new Error('eld\'s dictionary.js no longer exports 256 strings');
  return { separators, dictionary: dictionary as string[] };
}

// eld's constants (languageDetector.js, LanguageResult.js).
/** detect() reads the first 1000 UTF-16 code units. */
const MAX_TEXT = 1000;
/** strToUtf8Bytes stops at the first space past this many bytes… */
const CUT_AFTER = 350;
/** …and anywhere past this many. */
const ENFORCE_CUT_AFTER = 380;
/** getByteNgrams slides its 4-byte window over the first 70 bytes of a word. */
const MAX_WORD_BYTES = 70;
/** The database stores each score minus this minimum, to be smaller. */
const BASE_NGRAM_SCORE = 53;
/** orderAndScale: a language's score per n-gram s becomes s / (s + 25). */
const SCALE = 25;

/**
 * eld's detect() over a compact database: the same text processing, n-grams and sums, so the
 * same language and scores to the last bit, without the objects eld builds for every call
 * (n-gram object, per-language result arrays, the sorted and scaled list of all languages), and
 * without a string per n-gram: the bytes go into a buffer, and n-grams are stretches of it.
 */
export function createEldScorer(db: EldDatabase, rules: EldTextRules = loadEldTextRules()): (text: string) => EldVerdict {
  const raw = new Float64Array(db.languages.length);
  const buffers = new NgramBuffers(rules.dictionary);
  return (text) => {
    const processed = text.substring(0, MAX_TEXT).replace(rules.separators, ' ').trim().toLowerCase();
    raw.fill(0);
    const count = buffers.scoreNgrams(processed, db, raw);
    return verdict(db.languages, raw, count);
  };
}

// Bounds of one call's buffers: strToUtf8Bytes stops past ENFORCE_CUT_AFTER bytes (one character
// adds at most 4), every word gives at most one n-gram per 3 bytes plus its tail, and no n-gram is
// longer than its word plus two spaces.
const MAX_BYTES = ENFORCE_CUT_AFTER + 4;
const MAX_NGRAMS = MAX_BYTES;
const SEEN_SLOTS = 2048;
const SPACE = 0x20;

/** A scorer's reusable buffers: the text's bytes, its words, and the distinct n-grams seen in one call. */
class NgramBuffers {
  /** eld's byte → character dictionary, as code units (each entry is one UTF-16 unit). */
  private readonly dictionary: Uint16Array;
  private readonly bytes = new Uint16Array(MAX_BYTES);
  /** Start and end of each word in `bytes`. */
  private readonly wordStart = new Int32Array(MAX_BYTES);
  private readonly wordEnd = new Int32Array(MAX_BYTES);
  /** The distinct n-grams of the call, one after another, and where each starts. */
  private readonly pool = new Uint16Array(MAX_NGRAMS * 6 + MAX_BYTES);
  private readonly poolStart = new Int32Array(MAX_NGRAMS + 1);
  /** Open addressing over the pool's n-grams (index + 1, 0 when empty), and the slots used, for clearing. */
  private readonly seen = new Int32Array(SEEN_SLOTS);
  private readonly used = new Int32Array(MAX_NGRAMS);

  constructor(dictionary: readonly string[]) {
    this.dictionary = Uint16Array.from(dictionary, (c) => {
      if (c.length !== 1) throw new Error('eld\'s dictionary no longer maps each byte to one character');
      return c.charCodeAt(0);
    });
  }

  /** Adds the scores of the distinct n-grams of `text` (processed as eld does) into `raw`; gives their number. */
  scoreNgrams(text: string, db: EldDatabase, raw: Float64Array): number {
    const words = this.utf8Words(text);
    let count = 0;
    for (let w = 0; w < words; w++) {
      const start = this.wordStart[w]!;
      const wordLength = this.wordEnd[w]! - start;
      const len = Math.min(wordLength, MAX_WORD_BYTES);
      let j = 0;
      for (; j + 4 < len; j += 3) count += this.addNgram(j === 0, start + j, start + j + 4, false, count, db, raw);
      // As in eld, the tail runs to the end of the word, past byte 70 in a longer one.
      const tail = len !== 3 ? Math.max(0, len - 4) : 0;
      count += this.addNgram(j === 0, start + tail, start + wordLength, true, count, db, raw);
    }
    for (let k = 0; k < count; k++) this.seen[this.used[k]!] = 0;
    return count;
  }

  /** Adds one n-gram (a space before when `lead`, after when `trail`) unless seen in this call: 1 when new. */
  private addNgram(lead: boolean, from: number, to: number, trail: boolean, count: number, db: EldDatabase, raw: Float64Array): number {
    const pool = this.pool;
    const start = this.poolStart[count] ?? 0;
    let end = start;
    if (lead) pool[end++] = SPACE;
    for (let k = from; k < to; k++) pool[end++] = this.bytes[k]!;
    if (trail) pool[end++] = SPACE;
    const hash = hashOfCodes(pool, start, end);
    const mask = SEEN_SLOTS - 1;
    let slot = hash & mask;
    for (let other = this.seen[slot]!; other !== 0; slot = (slot + 1) & mask, other = this.seen[slot]!) {
      const at = this.poolStart[other - 1]!;
      const length = this.poolStart[other]! - at;
      if (length !== end - start) continue;
      let k = 0;
      while (k < length && pool[at + k] === pool[start + k]) k++;
      if (k === length) return 0;
    }
    this.seen[slot] = count + 1;
    this.used[count] = slot;
    this.poolStart[count + 1] = end;
    // eld's calculateScores: per language, the sum of (score + 53) over the n-grams it has.
    // Integer sums, so the order n-grams come in cannot change them.
    const index = findNgramCodes(db, pool, start, end, hash);
    if (index !== -1) {
      const last = db.scoreStart[index + 1]!;
      for (let j = db.scoreStart[index]!; j < last; j++) raw[db.scoreLanguage[j]!]! += db.score[j]! + BASE_NGRAM_SCORE;
    }
    return 1;
  }

  /**
   * eld's strToUtf8Bytes into `bytes` and the word bounds: each UTF-8 byte as one character (ASCII
   * as itself, others through eld's dictionary), cut after about 350 bytes; gives the word count.
   * eld's loop step by step, lone surrogates included, so the n-grams are the database's strings.
   */
  private utf8Words(str: string): number {
    const d = this.dictionary;
    const bytes = this.bytes;
    let n = 0;
    let words = 0;
    let wordAt = 0;
    let countBytes = 0;
    for (let i = 0; i < str.length; i++) {
      let code = str.charCodeAt(i);
      if (code < 0x80) {
        if (code === 32) {
          if (n > wordAt) {
            this.wordStart[words] = wordAt;
            this.wordEnd[words++] = n;
            wordAt = n;
          }
          if (countBytes > CUT_AFTER) break;
        } else bytes[n++] = code;
        countBytes++;
      } else if (code < 0x800) {
        bytes[n++] = d[0xc0 | (code >> 6)]!;
        bytes[n++] = d[0x80 | (code & 0x3f)]!;
        countBytes += 2;
      } else if (code < 0xd800 || code >= 0xe000) {
        bytes[n++] = d[0xe0 | (code >> 12)]!;
        bytes[n++] = d[0x80 | ((code >> 6) & 0x3f)]!;
        bytes[n++] = d[0x80 | (code & 0x3f)]!;
        countBytes += 3;
      } else {
        i++;
        code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
        bytes[n++] = d[0xf0 | (code >> 18)]!;
        bytes[n++] = d[0x80 | ((code >> 12) & 0x3f)]!;
        bytes[n++] = d[0x80 | ((code >> 6) & 0x3f)]!;
        bytes[n++] = d[0x80 | (code & 0x3f)]!;
        countBytes += 4;
      }
      if (countBytes > ENFORCE_CUT_AFTER) break;
    }
    if (n > wordAt) {
      this.wordStart[words] = wordAt;
      this.wordEnd[words++] = n;
    }
    return words;
  }
}

/**
 * eld's getMaxLang (the first language with the highest positive sum) and the two best of
 * orderAndScale's scaled scores, computed with the same operations in the same order.
 */
function verdict(languages: readonly string[], raw: Float64Array, numNgrams: number): EldVerdict {
  let best = -1;
  let bestRaw = 0;
  let top = 0;
  let second = 0;
  for (let lang = 0; lang < raw.length; lang++) {
    const r = raw[lang]!;
    if (!(r > 0)) continue;
    if (r > bestRaw) {
      bestRaw = r;
      best = lang;
    }
    const ngramScore = r / numNgrams;
    const scaled = ngramScore / (ngramScore + SCALE);
    if (scaled > top) {
      second = top;
      top = scaled;
    } else if (scaled > second) second = scaled;
  }
  return best === -1 ? { language: '', top: 0, second: 0 } : { language: languages[best]!, top, second };
}
