import { readFileSync } from 'node:fs';
import { eldFile } from './eld-package.js';

/** eld's n-gram databases shipped in the npm package: bigger is more accurate on short text. */
export type EldSize = 'large' | 'small';

/**
 * One of eld's n-gram databases in typed arrays. eld ships each database as a JavaScript object
 * literal (`{type:'L60',languages:{0:'am',…},ngrams:{' de ':{9:120,…},…}}`); evaluating it builds
 * hundreds of thousands of small objects (~490 MB resident for the large one, in every worker
 * thread). Here the same data takes a few MB: n-gram `i` is the UTF-16 text
 * `keyChars[keyStart[i] .. keyStart[i+1])`, and its scores are `score[j]` for language
 * `scoreLanguage[j]`, j in `scoreStart[i] .. scoreStart[i+1]`, in the file's order.
 */
export interface EldDatabase {
  /** eld's name of the database (`L60`, `S60`). */
  readonly type: string;
  /** ISO 639-1 code of each language id. */
  readonly languages: readonly string[];
  readonly ngramCount: number;
  /** Open-addressing hash table (linear probing) of n-gram indices, -1 where empty; its length is a power of two. */
  readonly slots: Int32Array;
  readonly keyChars: Uint16Array;
  readonly keyStart: Uint32Array;
  readonly scoreStart: Uint32Array;
  readonly scoreLanguage: Uint8Array;
  readonly score: Int32Array;
}

/**
 * Read one of the databases of the installed eld package as text and parse it: never evaluated,
 * so none of the objects eld would build exist, not even for a moment.
 */
export function readEldDatabase(size: EldSize): EldDatabase {
  const file = eldFile(`src/ngrams/${size}.js`);
  return parseEldDatabase(readFileSync(file, 'utf8'), file);
}

/** Index of an n-gram in the database, or -1 when the database does not hold it. */
export function findNgram(db: EldDatabase, ngram: string): number {
  const mask = db.slots.length - 1;
  for (let slot = hashString(ngram) & mask; ; slot = (slot + 1) & mask) {
    const index = db.slots[slot]!;
    if (index === -1 || keyEquals(db, index, ngram)) return index;
  }
}

/**
 * findNgram for the n-gram held in `codes[start .. end)` (UTF-16 code units), whose hash
 * (hashOfCodes) the caller has: no string is made.
 */
export function findNgramCodes(db: EldDatabase, codes: Uint16Array, start: number, end: number, hash: number): number {
  const mask = db.slots.length - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const index = db.slots[slot]!;
    if (index === -1) return -1;
    const at = db.keyStart[index]!;
    if (db.keyStart[index + 1]! - at !== length) continue;
    let k = 0;
    while (k < length && db.keyChars[at + k] === codes[start + k]) k++;
    if (k === length) return index;
  }
}

/** The hash findNgram uses, over `codes[start .. end)`. */
export function hashOfCodes(codes: Uint16Array, start: number, end: number): number {
  return hashCodes(codes, start, end);
}

function keyEquals(db: EldDatabase, index: number, ngram: string): boolean {
  const start = db.keyStart[index]!;
  if (db.keyStart[index + 1]! - start !== ngram.length) return false;
  for (let i = 0; i < ngram.length; i++) if (db.keyChars[start + i] !== ngram.charCodeAt(i)) return false;
  return true;
}

// FNV-1a over UTF-16 code units, in two forms that must agree: over a string (lookups) and over a
// stretch of a code-unit array (building the table while parsing, without making strings).
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashCodes(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
  return h >>> 0;
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** A typed array filled by push, doubling when full; `finish` trims it to what was pushed. */
class GrowableArray<A extends TypedArray> {
  length = 0;
  private array: A;
  constructor(private readonly make: (length: number) => A) {
    this.array = make(1024);
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
  get view(): A {
    return this.array;
  }
  finish(): A {
    return this.array.slice(0, this.length) as A;
  }
}

/**
 * Parse the text of one of eld's database modules: `export const <name> = <object literal>;`,
 * comments and white space anywhere between tokens. Values may be objects, single- or
 * double-quoted strings (with JavaScript's escapes), integers, `true`, `false`, `null` and arrays;
 * property names identifiers, strings or integers. `type`, `languages` (language id → code) and
 * `ngrams` (n-gram → { language id: score }) are required; other properties (`isSubset`) are
 * read and ignored, as eld ignores them. Anything else, including what JavaScript would accept
 * but eld's files never hold (other number forms, duplicate names), fails with the file and the
 * offset, rather than being read differently from what eld would see.
 */
export function parseEldDatabase(text: string, file: string): EldDatabase {
  const s = new Scanner(text, file);
  if (text.charCodeAt(0) === 0xfeff) s.pos = 1;
  s.expectWord('export');
  s.expectWord('const');
  s.readIdentifier();
  s.expect('=');
  const db = readDatabaseObject(s);
  s.skipSpace();
  if (s.peek() === SEMICOLON) s.pos++;
  s.expectEnd();
  return db;
}

function readDatabaseObject(s: Scanner): EldDatabase {
  const start = s.pos;
  const found: { type?: string; languages?: string[]; ngrams?: NgramTables } = {};
  const seen = new Set<string>();
  s.readObject(() => {
    const at = s.pos;
    const name = s.readPropertyName();
    if (seen.has(name)) s.fail(`property "${name}" only once`, at);
    seen.add(name);
    s.expect(':');
    if (name === 'type') found.type = s.readString();
    else if (name === 'languages') found.languages = readLanguages(s);
    else if (name === 'ngrams') found.ngrams = readNgrams(s);
    else s.skipValue();
  });
  const { type, languages, ngrams } = found;
  if (type === undefined || type === '') s.fail('a non-empty "type" property in the database object', start);
  if (languages === undefined) s.fail('a "languages" property in the database object', start);
  if (ngrams === undefined) s.fail('an "ngrams" property in the database object', start);
  if (ngrams.maxLanguage >= languages.length) s.fail(`language ids below ${languages.length} (the number of languages) in "ngrams", not ${ngrams.maxLanguage}`, start);
  return { type, languages, ...ngrams.tables };
}

/** `{0:'am',1:'ar',…}`: ids 0 … n-1, each once, codes distinct (eld reports scores by code). */
function readLanguages(s: Scanner): string[] {
  const start = s.pos;
  const byId = new Map<number, string>();
  s.readObject(() => {
    const at = s.pos;
    const id = s.readInteger();
    if (id < 0 || byId.has(id)) s.fail(`a new language id, not ${id}`, at);
    s.expect(':');
    byId.set(id, s.readString());
  });
  const languages = Array.from({ length: byId.size }, (_, id) => byId.get(id));
  const missing = languages.indexOf(undefined);
  if (missing !== -1) s.fail(`language ids 0 to ${byId.size - 1}, without a gap at ${missing}`, start);
  if (new Set(languages).size !== languages.length) s.fail('distinct language codes', start);
  if (languages.length > 256) s.fail('at most 256 languages (ids are stored in bytes)', start);
  return languages as string[];
}

interface NgramTables {
  readonly tables: Omit<EldDatabase, 'type' | 'languages'>;
  readonly maxLanguage: number;
}

/**
 * `{'ngram':{17:123,11:45},…}`, read straight into typed arrays: the key's code units go to the
 * character pool and its index into the hash table, which doubles whenever half full.
 */
function readNgrams(s: Scanner): NgramTables {
  const keyChars = new GrowableArray((n) => new Uint16Array(n));
  const keyStart = new GrowableArray((n) => new Uint32Array(n));
  const scoreStart = new GrowableArray((n) => new Uint32Array(n));
  const scoreLanguage = new GrowableArray((n) => new Uint8Array(n));
  const score = new GrowableArray((n) => new Int32Array(n));
  let slots: Int32Array = new Int32Array(1024).fill(-1);
  let maxLanguage = -1;
  let count = 0;
  keyStart.push(0);
  scoreStart.push(0);
  s.readObject(() => {
    const at = s.pos;
    s.readPropertyNameInto(keyChars);
    const start = keyStart.view[count]!;
    if (isProtoKey(keyChars.view, start, keyChars.length)) s.fail('an n-gram, not __proto__ (which JavaScript reads as the prototype)', at);
    if (2 * (count + 1) > slots.length) slots = rehash(slots.length * 2, keyChars.view, keyStart.view, count);
    if (!insertKey(slots, keyChars.view, keyStart.view, count, keyChars.length)) s.fail(`n-gram "${codesToString(keyChars.view.subarray(start, keyChars.length))}" only once`, at);
    keyStart.push(keyChars.length);
    s.expect(':');
    const first = score.length;
    s.readObject(() => {
      const langAt = s.pos;
      const language = s.readInteger();
      if (language < 0 || language > 255) s.fail(`a language id from 0 to 255, not ${language}`, langAt);
      for (let j = first; j < score.length; j++) if (scoreLanguage.view[j] === language) s.fail(`language ${language} only once in an n-gram`, langAt);
      s.expect(':');
      const valueAt = s.pos;
      const value = s.readInteger();
      if ((value | 0) !== value) s.fail(`a score that fits 32 bits, not ${value}`, valueAt);
      scoreLanguage.push(language);
      score.push(value);
      maxLanguage = Math.max(maxLanguage, language);
    });
    scoreStart.push(score.length);
    count++;
  });
  return {
    tables: {
      ngramCount: count, slots,
      keyChars: keyChars.finish(), keyStart: keyStart.finish(),
      scoreStart: scoreStart.finish(), scoreLanguage: scoreLanguage.finish(), score: score.finish(),
    },
    maxLanguage,
  };
}

/** Put key `index` (chars `start..end`, start = keyStart[index]) in the table; false when an equal key is there. */
function insertKey(slots: Int32Array, chars: Uint16Array, keyStart: Uint32Array, index: number, end: number): boolean {
  const start = keyStart[index]!;
  const mask = slots.length - 1;
  for (let slot = hashCodes(chars, start, end) & mask; ; slot = (slot + 1) & mask) {
    const other = slots[slot]!;
    if (other === -1) {
      slots[slot] = index;
      return true;
    }
    if (rangesEqual(chars, keyStart[other]!, keyStart[other + 1]!, start, end)) return false;
  }
}

function rehash(size: number, chars: Uint16Array, keyStart: Uint32Array, count: number): Int32Array {
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < count; i++) insertKey(slots, chars, keyStart, i, keyStart[i + 1]!);
  return slots;
}

function rangesEqual(chars: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (chars[a + i] !== chars[b + i]) return false;
  return true;
}

function isProtoKey(chars: Uint16Array, start: number, end: number): boolean {
  if (end - start !== PROTO.length) return false;
  for (let i = 0; i < PROTO.length; i++) if (chars[start + i] !== PROTO.charCodeAt(i)) return false;
  return true;
}

/** Code units as a string, without spreading them into arguments (a long key would overflow the stack). */
function codesToString(codes: ArrayLike<number>): string {
  return Array.from(codes, (c) => String.fromCharCode(c)).join('');
}

const PROTO = '__proto__';
const SEMICOLON = 0x3b;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The escapes that stand for one character: the character after the backslash → that character. */
const SIMPLE_ESCAPES: ReadonlyMap<number, number> = new Map(
  Object.entries({ "'": "'", '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' })
    .map(([escape, char]) => [escape.charCodeAt(0), char.charCodeAt(0)]),
);

function isAsciiIdentifierPart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Where a reader puts the code units it decodes: the n-gram character pool, or a scratch array. */
interface CodeSink {
  push(code: number): void;
}

/** What `read` decodes, as a string (names and short values; n-grams go straight to their pool). */
function readToString(read: (sink: CodeSink) => void): string {
  const codes: number[] = [];
  read(codes);
  return codesToString(codes);
}

/** A cursor over the module text, with the few token readers the literal needs. */
class Scanner {
  pos = 0;
  constructor(private readonly text: string, private readonly file: string) {}

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  fail(expected: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const found = at >= this.text.length ? 'the end of the file' : JSON.stringify(this.text.slice(at, at + 20));
    throw new Error(`${this.file}: offset ${at} (line ${line}, column ${column}): expected ${expected}, found ${found}`);
  }

  /** White space and comments, as JavaScript allows them between tokens. */
  skipSpace(): void {
    for (;;) {
      const c = this.peek();
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) this.pos++;
      else if (c === 0x2f && this.text.charCodeAt(this.pos + 1) === 0x2a) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end === -1) this.fail('the end of a /* comment */');
        this.pos = end + 2;
      } else if (c === 0x2f && this.text.charCodeAt(this.pos + 1) === 0x2f) {
        const end = this.text.slice(this.pos).search(/[\n\r\u2028\u2029]/u);
        this.pos = end === -1 ? this.text.length : this.pos + end;
      } else if (c > 0x7f && /\s/u.test(this.text[this.pos]!)) this.pos++;
      else return;
    }
  }

  expect(token: string): void {
    this.skipSpace();
    if (!this.text.startsWith(token, this.pos)) this.fail(JSON.stringify(token));
    this.pos += token.length;
  }

  expectWord(word: string): void {
    const at = this.pos;
    if (this.readIdentifier() !== word) this.fail(JSON.stringify(word), at);
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('the end of the file');
  }

  /** `{ member, member, … }` with an optional trailing comma; `member` reads one name: value. */
  readObject(member: () => void): void {
    this.expect('{');
    for (;;) {
      this.skipSpace();
      if (this.peek() === 0x7d) break;
      member();
      this.skipSpace();
      if (this.peek() !== 0x2c) break;
      this.pos++;
    }
    this.expect('}');
  }

  /** A property name as a string; never __proto__, which JavaScript reads as the prototype. */
  readPropertyName(): string {
    const at = this.pos;
    const name = readToString((sink) => this.readPropertyNameInto(sink));
    if (name === PROTO) this.fail('a property name other than __proto__', at);
    return name;
  }

  /** A property name's code units as JavaScript reads them: a string, an identifier, or an integer. */
  readPropertyNameInto(sink: CodeSink): void {
    this.skipSpace();
    const c = this.peek();
    if (c === QUOTE || c === DOUBLE_QUOTE) this.readStringInto(sink);
    else if (isDigit(c)) for (const ch of String(this.readInteger())) sink.push(ch.charCodeAt(0));
    else this.readIdentifierInto(sink);
  }

  readIdentifier(): string {
    return readToString((sink) => this.readIdentifierInto(sink));
  }

  /** ASCII identifier characters on the fast path, others by their Unicode ID_Start / ID_Continue. */
  readIdentifierInto(sink: CodeSink): void {
    this.skipSpace();
    const start = this.pos;
    for (;;) {
      const c = this.peek();
      if (isAsciiIdentifierPart(c)) {
        if (this.pos === start && isDigit(c)) break;
        sink.push(c);
        this.pos++;
      } else if (c > 0x7f) {
        const ch = String.fromCodePoint(this.text.codePointAt(this.pos)!);
        if (!(this.pos === start ? /[\p{ID_Start}]/u : /[\p{ID_Continue}\u200c\u200d]/u).test(ch)) break;
        for (let i = 0; i < ch.length; i++) sink.push(ch.charCodeAt(i));
        this.pos += ch.length;
      } else break;
    }
    if (this.pos === start) this.fail('a name');
  }

  /**
   * A decimal integer without leading zeros (the only number form whose text is also its
   * property name), optionally negative, within the safe integers.
   */
  readInteger(): number {
    this.skipSpace();
    const start = this.pos;
    const negative = this.peek() === 0x2d;
    if (negative) this.pos++;
    const digits = this.pos;
    let value = 0;
    for (let c = this.peek(); isDigit(c); c = this.peek()) {
      value = value * 10 + (c - 0x30);
      this.pos++;
    }
    const n = this.pos - digits;
    if (n === 0 || (n > 1 && this.text.charCodeAt(digits) === 0x30)) this.fail('a decimal integer', start);
    const next = this.peek();
    if (next === 0x2e || isAsciiIdentifierPart(next)) this.fail('a decimal integer (no fraction, exponent, separator or suffix)', start);
    if (!Number.isSafeInteger(value)) this.fail('an integer within ±2^53', start);
    return negative ? -value : value;
  }

  readString(): string {
    return readToString((sink) => this.readStringInto(sink));
  }

  /**
   * A quoted string's code units. Escapes: \' \" \\ \n \r \t \b \f \v, \0 (not before a digit),
   * \xHH, \uHHHH, \u{H…} and line continuations; eld's files hold \' only. Octal escapes, and
   * escapes of other characters, are refused: JavaScript reads some differently from how they look.
   */
  readStringInto(sink: CodeSink): void {
    this.skipSpace();
    const quote = this.peek();
    if (quote !== QUOTE && quote !== DOUBLE_QUOTE) this.fail('a quoted string');
    this.pos++;
    for (;;) {
      const c = this.peek();
      if (c === quote) {
        this.pos++;
        return;
      }
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) this.fail('the closing quote of the string');
      if (c === BACKSLASH) this.readEscapeInto(sink);
      else {
        sink.push(c);
        this.pos++;
      }
    }
  }

  private readEscapeInto(sink: CodeSink): void {
    const at = this.pos;
    const c = this.text.charCodeAt(at + 1);
    this.pos += 2;
    const simple = SIMPLE_ESCAPES.get(c);
    if (simple !== undefined) sink.push(simple);
    else if (c === 0x30 && !isDigit(this.peek())) sink.push(0);
    else if (c === 0x78) sink.push(this.readHex(2, at));
    else if (c === 0x75 && this.peek() === 0x7b) this.readBracedCodePoint(sink, at);
    else if (c === 0x75) sink.push(this.readHex(4, at));
    else if (c === 0x0d) {
      if (this.peek() === 0x0a) this.pos++;
    } else if (c !== 0x0a && c !== 0x2028 && c !== 0x2029) this.fail('a known escape sequence (\\\' \\" \\\\ \\n \\r \\t \\b \\f \\v \\0 \\x \\u)', at);
  }

  private readHex(length: number, at: number): number {
    const hex = this.text.slice(this.pos, this.pos + length);
    if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`, 'u').test(hex)) this.fail(`${length} hexadecimal digits in the escape`, at);
    this.pos += length;
    return parseInt(hex, 16);
  }

  private readBracedCodePoint(sink: CodeSink, at: number): void {
    const end = this.text.indexOf('}', this.pos);
    const hex = end === -1 ? '' : this.text.slice(this.pos + 1, end);
    const code = /^[0-9A-Fa-f]+$/u.test(hex) ? parseInt(hex, 16) : NaN;
    if (!(code <= 0x10ffff)) this.fail('a code point up to 10FFFF in the \\u{…} escape', at);
    const ch = String.fromCodePoint(code);
    for (let i = 0; i < ch.length; i++) sink.push(ch.charCodeAt(i));
    this.pos = end + 1;
  }

  /** Any value of the literal format, read and dropped (properties eld itself ignores). */
  skipValue(): void {
    this.skipSpace();
    const c = this.peek();
    const ignore: CodeSink = { push: () => undefined };
    if (c === 0x7b) {
      this.readObject(() => {
        this.readPropertyNameInto(ignore);
        this.expect(':');
        this.skipValue();
      });
    } else if (c === 0x5b) {
      this.expect('[');
      this.skipSpace();
      while (this.peek() !== 0x5d) {
        this.skipValue();
        this.skipSpace();
        if (this.peek() !== 0x2c) break;
        this.pos++;
        this.skipSpace();
      }
      this.expect(']');
    } else if (c === QUOTE || c === DOUBLE_QUOTE) this.readStringInto(ignore);
    else if (c === 0x2d || isDigit(c)) this.readInteger();
    else {
      const at = this.pos;
      const word = this.readIdentifier();
      if (word !== 'true' && word !== 'false' && word !== 'null') this.fail('a value (object, array, string, integer, true, false or null)', at);
    }
  }
}
