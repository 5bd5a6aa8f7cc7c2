import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNgram, parseEldDatabase, readEldDatabase, type EldDatabase, type EldSize } from '../../src/language/eld-database.js';
import { eldFile } from '../../src/language/eld-package.js';
import { createEldScorer, type EldVerdict } from '../../src/language/eld-scoring.js';
import { readLangidBenchmark } from '../../src/language/langid-benchmark.js';
import { referenceEld, referenceNgramsData } from './eld-reference.js';
import { langidBenchmark } from '../external-data.js';

const LANGID = langidBenchmark();
const BENCHMARK = LANGID.file;

/** Texts that reach the corners of eld's text processing. */
const EDGE_TEXTS: readonly string[] = [
  '', '   ', '12345 678 90', '👍👍👍', '😀 bonjour 😀', '\u200b', '\u0000abc',
  '你好，世界。今天天气很好。', 'こんにちは世界', '안녕하세요', 'Привет, как дела? Всё хорошо.', 'Γειά σου κόσμε',
  'مرحبا بالعالم', 'नमस्ते दुनिया', 'สวัสดีชาวโลก', 'Բարեւ', 'ＡＢＣ ｄｅｆ', 'İSTANBUL ŞEHİR', 'ẞ ß ﬁn',
  "l'homme qu'on aime", 'aujourd’hui c’est l’été', 'it\'s "quoted" text', 'back\\slash \\\' and \\\\ and \'\\\'',
  "`backtick` 'single' \"double\"", "''' \"\"\" ``` ’’’", 'tab\tnew\nline\r\ncr', 'e\u0301te\u0301 ça',
  'x', 'ab', 'abc', 'abcd', 'abcde', 'abcdefg', 'Bravo !', 'Le président a dit : « Yes we can! »',
  'www.example.com user@mail.fr 2024', '\ud83d abc \ude00 déf \ud83d', 'anticonstitutionnellement'.repeat(5),
  'é'.repeat(500), 'aa '.repeat(400), `${'a'.repeat(999)}😀 suite`,
  'Le gouvernement a annoncé hier une réforme des retraites qui suscite de vives réactions. '.repeat(60),
];

function differs(a: EldVerdict, b: EldVerdict): boolean {
  return a.language !== b.language || !Object.is(a.top, b.top) || !Object.is(a.second, b.second);
}

/** Every n-gram's scores as a plain object, the way eld's own literal holds them. */
function scoresOf(db: EldDatabase, index: number): Record<string, number> {
  const scores: Record<string, number> = {};
  for (let j = db.scoreStart[index]!; j < db.scoreStart[index + 1]!; j++) scores[db.scoreLanguage[j]!] = db.score[j]!;
  return scores;
}

describe.each(['large', 'small'] as const)('the compact eld %s database', (size: EldSize) => {
  const db = readEldDatabase(size);
  const compact = createEldScorer(db);
  const reference = referenceEld(size);

  it('holds exactly what eld evaluates from the same file', () => {
    const data = referenceNgramsData(size);
    expect(db.type).toBe(data.type);
    expect(db.languages).toEqual(Object.values(data.languages));
    const keys = Object.keys(data.ngrams);
    expect(db.ngramCount).toBe(keys.length);
    const wrong = keys.filter((key) => {
      const index = findNgram(db, key);
      return index === -1 || JSON.stringify(scoresOf(db, index)) !== JSON.stringify(data.ngrams[key]);
    });
    expect(wrong).toEqual([]);
    expect(findNgram(db, 'not an n-gram')).toBe(-1);
  });

  it.skipIf(LANGID.skip)('gives eld\'s language and exactly its two best scores on every benchmark item', () => {
    expect(existsSync(BENCHMARK)).toBe(true);
    const items = readLangidBenchmark(BENCHMARK);
    // The benchmark's items, and the same lower-cased without accents (as informal comments are).
    const texts = items.flatMap((i) => [i.text, i.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()]);
    const mismatches = texts.filter((t) => differs(compact(t), reference(t))).map((t) => ({ text: t, compact: compact(t), eld: reference(t) }));
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(texts.length).toBe(2 * items.length);
  });

  it.each(EDGE_TEXTS.map((t) => [t.length > 40 ? `${t.slice(0, 40)}… (${t.length})` : t, t]))('gives eld\'s verdict on %j', (_, text) => {
    const ours = compact(text);
    const theirs = reference(text);
    expect(ours.language).toBe(theirs.language);
    expect(ours.top).toBe(theirs.top);
    expect(ours.second).toBe(theirs.second);
  });
});

/** A database module around `ngrams` and `languages` literals (three languages unless given). */
function moduleText(ngrams: string, languages = "{0:'fr',1:'en',2:'de'}"): string {
  return `/* header */\nexport const ngramsData = {type:'T3',languages:${languages},isSubset:false,ngrams:${ngrams}};\n`;
}

describe('parseEldDatabase', () => {
  it('reads every key form and escape as JavaScript does', () => {
    const ngrams = String.raw`{5656:{0:1},L_QL:{1:2},$a:{2:3},' a\'b ':{0:4,2:5},'\\x':{1:6},"d\"q":{0:7},'\x41\u00e9\u{1F600}':{2:8},'t\tn\n':{0:9},'e\0':{1:10},'c\
ont':{0:11},' ':{},'  // not a comment ':{2:-12},
  /* comment */ 'last' : { 1 : 13 , } , }`;
    const db = parseEldDatabase(moduleText(ngrams), 'test.js');
    // The reference reading of the literal: JavaScript's own.
    const expected = new Function(`return ${ngrams}`)() as Record<string, Record<string, number>>;
    expect(db.ngramCount).toBe(Object.keys(expected).length);
    for (const [key, scores] of Object.entries(expected)) {
      const index = findNgram(db, key);
      expect(index, key).not.toBe(-1);
      expect(scoresOf(db, index)).toEqual(scores);
    }
    expect(db.type).toBe('T3');
    expect(db.languages).toEqual(['fr', 'en', 'de']);
  });

  const unknownEscape = moduleText(String.raw`{'a\qb':{0:1}}`);
  const repeated = moduleText("{'ab':{0:1},ab:{1:2}}");
  it.each([
    ['an unterminated string', moduleText("{'abc:{0:1}}"), /offset \d+ .*expected the closing quote/u],
    ['an unknown escape', unknownEscape, new RegExp(`offset ${unknownEscape.indexOf('\\q')} .*known escape sequence`, 'u')],
    ['an octal escape', moduleText(String.raw`{'a\01':{0:1}}`), /known escape sequence/u],
    ['a repeated n-gram', repeated, new RegExp(`offset ${repeated.indexOf('ab:')} .*n-gram "ab" only once`, 'u')],
    ['a repeated language in an n-gram', moduleText("{'ab':{0:1,0:2}}"), /language 0 only once/u],
    ['a language id without a language', moduleText("{'ab':{3:1}}"), /language ids below 3/u],
    ['a fractional score', moduleText("{'ab':{0:1.5}}"), /expected a decimal integer/u],
    ['a number with a leading zero', moduleText("{'ab':{01:1}}"), /expected a decimal integer/u],
    ['a gap in the languages', moduleText("{'ab':{0:1}}", "{0:'fr',2:'de'}"), /without a gap at 1/u],
    ['a __proto__ key', moduleText("{__proto__:{0:1}}"), /not __proto__/u],
    ['a missing ngrams property', "export const ngramsData = {type:'T',languages:{0:'fr'}};", /"ngrams" property/u],
    ['text after the literal', `${moduleText("{'ab':{0:1}}")}export const x = 1;`, /expected the end of the file/u],
    ['a function call', "export const ngramsData = load('large');", /expected "\{"/u],
  ])('rejects %s, naming the file and the offset', (_, text, message) => {
    expect(() => parseEldDatabase(text, 'broken.js')).toThrow(/^broken\.js: offset \d+ \(line \d+, column \d+\): expected /u);
    expect(() => parseEldDatabase(text, 'broken.js')).toThrow(message);
  });

  it('rejects a truncated or damaged copy of eld\'s large database', () => {
    const file = eldFile('src/ngrams/large.js');
    const text = readFileSync(file, 'utf8');
    const middle = text.indexOf(':{', text.length / 2);
    expect(() => parseEldDatabase(text.slice(0, text.length / 2), file)).toThrow(/large\.js: offset \d+ .*found the end of the file/u);
    expect(() => parseEldDatabase(`${text.slice(0, middle)}:[${text.slice(middle + 2)}`, file)).toThrow(new RegExp(`large\\.js: offset ${middle + 1} .*expected "\\{", found "\\[`, 'u'));
  });
});
