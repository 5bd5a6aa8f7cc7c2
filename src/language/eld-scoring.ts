import { findNgram, type EldDatabase } from './eld-database.js';
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
 * (n-gram object, per-language result arrays, the sorted and scaled list of all languages).
 */
export function createEldScorer(db: EldDatabase, rules: EldTextRules = loadEldTextRules()): (text: string) => EldVerdict {
  const raw = new Float64Array(db.languages.length);
  return (text) => {
    const ngrams = byteNgrams(byteWords(text.substring(0, MAX_TEXT), rules));
    sumScores(db, ngrams, raw);
    return verdict(db.languages, raw, ngrams.size);
  };
}

/** eld's textProcessor: separators to spaces, trimmed, lower-cased, then strToUtf8Bytes. */
function byteWords(text: string, rules: EldTextRules): string[] {
  return strToUtf8Bytes(text.replace(rules.separators, ' ').trim().toLowerCase(), rules.dictionary);
}

/**
 * eld's strToUtf8Bytes: the words of `str`, each UTF-8 byte as one character (ASCII as itself,
 * others through eld's dictionary), cut after about 350 bytes. A copy of eld's loop, lone
 * surrogates included, because n-grams must be the very strings the database was built from.
 */
function strToUtf8Bytes(str: string, dictionary: readonly string[]): string[] {
  const d = (byte: number): string => dictionary[byte]!;
  const words: string[] = [];
  let encoded = '';
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > CUT_AFTER) break;
      } else encoded += str[i];
      countBytes++;
    } else if (code < 0x800) {
      encoded += d(0xc0 | (code >> 6)) + d(0x80 | (code & 0x3f));
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += d(0xe0 | (code >> 12)) + d(0x80 | ((code >> 6) & 0x3f)) + d(0x80 | (code & 0x3f));
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded += d(0xf0 | (code >> 18)) + d(0x80 | ((code >> 12) & 0x3f)) + d(0x80 | ((code >> 6) & 0x3f)) + d(0x80 | (code & 0x3f));
      countBytes += 4;
    }
    if (countBytes > ENFORCE_CUT_AFTER) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/**
 * eld's getByteNgrams: 4-byte windows every 3 bytes over the first 70 bytes of each word, the
 * first marked by a leading space, then the word's tail with a trailing space. Distinct ones only:
 * their number divides the scores.
 */
function byteNgrams(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < len; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    // As in eld, the tail runs to the end of the word, past byte 70 in a longer one.
    ngrams.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return ngrams;
}

/** eld's calculateScores into `raw`: per language, the sum of (score + 53) over the n-grams it has. */
function sumScores(db: EldDatabase, ngrams: ReadonlySet<string>, raw: Float64Array): void {
  raw.fill(0);
  for (const ngram of ngrams) {
    const index = findNgram(db, ngram);
    if (index === -1) continue;
    const end = db.scoreStart[index + 1]!;
    for (let j = db.scoreStart[index]!; j < end; j++) raw[db.scoreLanguage[j]!]! += db.score[j]! + BASE_NGRAM_SCORE;
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
