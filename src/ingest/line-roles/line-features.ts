import { authorOf, dateCueOf, DEFAULT_LINE_CUES, isInterfaceLine, type LineCueSet, mayHoldDate, replyCueOf, segmentsOf } from '../layouts/line-cues.js';
import { indentOf, isBlank, isLetter, wordCount } from '../layouts/text-lines.js';

/**
 * The generic cues of every line of a page, as named binary features for the line-role model: the
 * cues of line-cues.ts (dates FR+EN, names, interface words, reply markers), the line's length,
 * indentation and function-word density, whether its masked shape repeats on the page (the page's
 * template), its position, and the same cues of the lines around it. No site name, no kind-specific
 * string: a feature is a property any page may show.
 */

/** Longest line looked at for header cues; a longer line is text. */
const MAX_CUE_CHARS = 160;

/** French and English function words: prose is dense in them, headers and furniture are not. */
const FUNCTION_WORDS = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'de', 'du', 'à', 'au', 'aux', 'et', 'ou', 'en', 'pas', 'ne', 'je', 'tu', 'il', 'elle', 'on',
  'nous', 'vous', 'ils', 'elles', 'ce', 'que', 'qui', 'pour', 'sur', 'avec', 'dans', 'mais', 'donc', 'est', 'sont', 'a', 'se', 'sa', 'son',
  'the', 'an', 'of', 'to', 'in', 'is', 'are', 'and', 'or', 'not', 'it', 'that', 'this', 'for', 'with', 'on', 'we', 'you', 'i', 'be',
]);

/** "👍 38", "↑ 142 ↓", "14 réponses", "12 « J'aime »", "1,2 k": a count with a symbol or a counted word. */
const COUNTER = /^[^\p{L}\p{N}]*\d+(?:[.,]\d+)?\s*k?\s*[^\p{L}\p{N}]*$|\b\d+(?:[.,]\d+)?\s*k?\s*(?:«\s*)?(?:réponses?|replies|reply|likes?|j['’]aime|commentaires?|comments?|votes?|points?|messages?|partages?|shares?|reposts?|retweets?|vues|views|réactions?|reactions?)\b/iu;

/** Generic boilerplate openings of any site: "Lire aussi", newsletters, cookies, paywalls, ads. */
const BOILERPLATE = /^(?:lire aussi|à lire aussi|read more|related|sur le même sujet|newsletter|recevez|abonnez-vous|inscrivez-vous|publicité|advertisement|nous utilisons des cookies|cookies?|cet article est réservé|il vous reste|déjà abonné|subscribe|sign up|accueil|home|menu|rechercher|search|connexion|log in|se connecter|mentions légales|©)/iu;

/** Longest function word, in UTF-16 code units: a longer token is not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((w) => w.length));

/**
 * The runs of letters and apostrophes (`[\p{L}'’]+`) of a lower-cased line, and how many are function
 * words, an elided article ("l'", "d’") dropped before the lookup. Read character by character, a token
 * sliced only when it is short enough to be one (most words of prose are not).
 */
function functionWordsOf(low: string): { tokens: number; functionWords: number } {
  let tokens = 0;
  let functionWords = 0;
  let start = -1;
  for (let i = 0; i <= low.length;) {
    const c = i < low.length ? low.codePointAt(i)! : -1;
    const inToken = c === 39 || c === 0x2019 || (c >= 0 && isLetter(c));
    if (inToken && start === -1) start = i;
    if (!inToken && start !== -1) {
      tokens += 1;
      const first = low.charCodeAt(start);
      const second = low.charCodeAt(start + 1);
      const elided = i - start >= 2 && (second === 39 || second === 0x2019) && first >= 97 && first <= 122;
      const from = elided ? start + 2 : start;
      if (i - from <= LONGEST_FUNCTION_WORD && FUNCTION_WORDS.has(low.slice(from, i))) functionWords += 1;
      start = -1;
    }
    i += c > 0xffff ? 2 : 1;
  }
  return { tokens, functionWords };
}

/** The masked shape of a short line: digits, capitalised and lower-case words each stand for their class. */
export function shapeOf(line: string): string {
  const t = line.trim();
  if (t.length > 100) return `long:${t}`;
  return t.replace(/\p{N}+/gu, '0').replace(/\p{Lu}[\p{L}\p{M}\p{N}'’_.-]*/gu, 'A').replace(/[\p{Ll}\p{Lo}][\p{L}\p{M}\p{N}'’_.-]*/gu, 'a')
    .replace(/a(?: a)+/gu, 'a+').replace(/A(?: A)+/gu, 'A+').replace(/\s+/gu, ' ');
}

/** A measure cut at its edges: `name0` up to the first edge, `name1` up to the second… The labels are built once. */
function bucketing(name: string, edges: readonly number[]): (x: number) => string {
  const labels = Array.from({ length: edges.length + 1 }, (_, k) => `${name}${k}`);
  return (x) => {
    let k = 0;
    while (k < edges.length && x > edges[k]!) k += 1;
    return labels[k]!;
  };
}

const charsBucket = bucketing('chars', [12, 30, 60, 120, 240]);
const wordsBucket = bucketing('words', [1, 3, 6, 14, 30]);
const indentBucket = bucketing('indent', [2, 4, 8]);
const fwBucket = bucketing('fw', [0, 0.15, 0.3]);
const shapeRepeatsBucket = bucketing('shapeRepeats', [2, 4]);

/** The cues of one line alone, without its neighbours. */
function ownCues(line: string, cues: LineCueSet): string[] {
  if (isBlank(line)) return ['blank'];
  const t = line.trim();
  const f: string[] = [];
  // The largest word count a cue tells apart is "more than 30".
  const words = wordCount(t, 31);
  f.push(charsBucket(t.length), wordsBucket(words));
  const indent = indentOf(line);
  if (indent > 0) f.push('indented', indentBucket(indent));
  if (/[.!?…»")]$/u.test(t)) f.push('endsSentence');
  if (/[:]$/u.test(t)) f.push('endsColon');
  if (/^\p{Lu}/u.test(t)) f.push('startsUpper');
  if (/^[\p{Ll}]/u.test(t)) f.push('startsLower');
  if (/^[-*•·>]\s/u.test(t)) f.push('startsBullet');
  if (/^>/u.test(t)) f.push('startsQuoteMark');
  if (/^@/u.test(t) || /(?:^|\s)@[\p{L}\p{N}_]/u.test(t)) f.push('handle');
  if (/https?:\/\/|www\.|\.(?:fr|com|org)\b/u.test(t)) f.push('url');
  if (/[·•|»]/u.test(t)) f.push('separator');
  if (/^\d+$/u.test(t)) f.push('number');
  if (BOILERPLATE.test(t)) f.push('boilerplate');
  if (words > 0) {
    const { tokens, functionWords } = functionWordsOf(t.toLowerCase());
    f.push(fwBucket(tokens === 0 ? 0 : functionWords / tokens));
  }
  if (t.length <= MAX_CUE_CHARS) {
    // Every counter has a digit.
    if (/\d/u.test(t) && COUNTER.test(t)) f.push('counter');
    if (isInterfaceLine(t, cues)) f.push('interface');
    const reply = replyCueOf(t);
    if (reply?.quote !== undefined) f.push('replyQuote');
    else if (reply?.depth !== undefined) f.push('replyDepth');
    else if (reply?.target !== undefined) f.push('replyTarget');
    // Both end the trimmed line: its last character is tested first (the second, unanchored, read the whole line).
    const last = t.charAt(t.length - 1);
    if (last === ':' && /^\S.{1,40}:$/u.test(t)) f.push('nameColon');
    if (':↑tTeE'.includes(last) && /\b(?:a écrit|wrote|écrivait)\s*:?\s*↑?$/iu.test(t)) f.push('wroteMarker');
    const segments = words <= 14 ? segmentsOf(t) : [];
    if (segments.length > 1) f.push('segmented');
    let date = false;
    let name = false;
    if (mayHoldDate(t)) {
      for (const s of segments) {
        const cue = dateCueOf(s, cues) ?? (/^(.+?)\s+(?:le|on|at|du|-|–)\s+(.+)$/u.exec(s) === null ? undefined : dateCueOf(s.replace(/^(.+?)\s+(?:le|on|at|du|-|–)\s+/u, ''), cues));
        if (cue !== undefined) { date = true; f.push(cue.iso === undefined ? 'relativeDate' : 'absoluteDate'); break; }
      }
    }
    // A line without separators is its only segment: its name cue is its whole-line name cue.
    const whole = segments.length === 1 && segments[0] === t;
    if (words <= 8) for (const s of segments) if (authorOf(s, cues) !== undefined) { name = true; break; }
    if (name) f.push('name');
    if (date) f.push('date');
    if (date && name) f.push('nameAndDate');
    if (words <= 6 && (whole ? name : authorOf(t, cues) !== undefined)) f.push('wholeName');
  }
  return f;
}

/** Cues of one line or of a neighbour, their names prefixed by `prefix` ("prev:…") when it is not empty. Arrays are shared between the lines that have the same ones. */
export interface FeatureGroup {
  readonly prefix: string;
  readonly cues: readonly string[];
}

const NONE: readonly string[] = ['none'];

/** The features of every line of a page as groups of cues (undefined for a blank line): its own cues, the page's template cues, its position, and its neighbours' cues. */
export function lineFeatureGroups(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): (FeatureGroup[] | undefined)[] {
  const features = lineFeatureReader(lines, cues);
  return lines.map((_, i) => features.at(i));
}

/** The features of a page's lines, each computed when asked for, and the number of its non-blank lines. */
export interface LineFeatureReader {
  readonly nonBlank: number;
  /** The groups of line `i` (undefined for a blank line), as `lineFeatureGroups` gives them. */
  at(i: number): FeatureGroup[] | undefined;
}

/**
 * The features of a page's lines, a line's own cues (the costly part) read only for the lines asked
 * for and their neighbours: the template and position cues need only each line's shape.
 */
export function lineFeatureReader(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LineFeatureReader {
  // Lines repeat on a page (furniture, names, dates): each distinct line is read once.
  const memo = new Map<string, { own: string[] | undefined; shape: string; trimmed: string; blank: boolean }>();
  const read = lines.map((l) => {
    let r = memo.get(l);
    if (r === undefined) {
      const trimmed = l.trim();
      const blank = trimmed === '';
      r = { own: undefined, shape: blank ? '' : shapeOf(l), trimmed, blank };
      memo.set(l, r);
    }
    return r;
  });
  const ownAt = (i: number): string[] => {
    const r = read[i]!;
    if (r.own === undefined) r.own = ownCues(lines[i]!, cues);
    return r.own;
  };
  const shapeCount = new Map<string, number>();
  const lineCount = new Map<string, number>();
  for (const r of read) {
    if (r.blank) continue;
    shapeCount.set(r.shape, (shapeCount.get(r.shape) ?? 0) + 1);
    lineCount.set(r.trimmed, (lineCount.get(r.trimmed) ?? 0) + 1);
  }
  // Few combinations of the template and position cues exist: each is one shared array, by a number that says which cues it holds.
  const shared = new Map<number, string[]>();
  const sharedOf = (key: number, make: () => string[]): string[] => { let out = shared.get(key); if (out === undefined) { out = make(); shared.set(key, out); } return out; };
  const template = read.map((r): string[] => {
    if (r.blank) return [];
    const shape = shapeCount.get(r.shape) ?? 0;
    const repeats = shape >= 2 && !r.shape.startsWith('long:') ? (shape > 4 ? 3 : shape > 2 ? 2 : 1) : 0;
    const lineRepeats = (lineCount.get(r.trimmed) ?? 0) >= 2;
    return sharedOf(repeats * 2 + (lineRepeats ? 1 : 0), () => {
      const f: string[] = [];
      if (repeats > 0) f.push(shapeRepeatsBucket(shape));
      if (lineRepeats) f.push('lineRepeats');
      return f;
    });
  });
  // Rank of each non-blank line among them, from 1.
  const seenAt: number[] = [];
  let nonBlank = 0;
  for (const r of read) { if (!r.blank) nonBlank += 1; seenAt.push(nonBlank); }
  const blankAt = (i: number): boolean => read[i]!.blank;
  const neighbourOf = (i: number, step: 1 | -1): number | undefined => {
    for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < 3; j += step, n += 1) if (!blankAt(j)) return j;
    return undefined;
  };
  const at = (i: number): FeatureGroup[] | undefined => {
    if (read[i]!.blank) return undefined;
    const seen = seenAt[i]!;
    const position = seen / Math.max(1, nonBlank);
    const first = seen <= 5;
    const before = i === 0 || blankAt(i - 1);
    const after = i + 1 >= lines.length || blankAt(i + 1);
    const positionBucket = position > 0.7 ? 3 : position > 0.3 ? 2 : position > 0.1 ? 1 : 0;
    const place = sharedOf(16 + positionBucket * 8 + (first ? 4 : 0) + (before ? 2 : 0) + (after ? 1 : 0), () => {
      const f = ['bias', `position${positionBucket}`];
      if (first) f.push('firstLines');
      if (before) f.push('blankBefore');
      if (after) f.push('blankAfter');
      return f;
    });
    const groups: FeatureGroup[] = [{ prefix: '', cues: ownAt(i) }, { prefix: '', cues: template[i]! }, { prefix: '', cues: place }];
    const prev = neighbourOf(i, -1);
    const next = neighbourOf(i, 1);
    const context = (prefix: string, j: number | undefined): void => {
      if (j === undefined) { groups.push({ prefix, cues: NONE }); return; }
      groups.push({ prefix, cues: ownAt(j) }, { prefix, cues: template[j]! });
    };
    context('prev', prev);
    context('next', next);
    context('prev2', prev === undefined ? undefined : neighbourOf(prev, -1));
    context('next2', next === undefined ? undefined : neighbourOf(next, 1));
    return groups;
  };
  return { nonBlank, at };
}

/** The names of a line's features. */
export const featureNames = (groups: readonly FeatureGroup[]): string[] => groups.flatMap((g) => (g.prefix === '' ? g.cues : g.cues.map((c) => `${g.prefix}:${c}`)));

/** The named features of every line of a page, in line order; a blank line has only `blank`. */
export function lineFeatures(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): string[][] {
  return lineFeatureGroups(lines, cues).map((g) => (g === undefined ? ['blank'] : featureNames(g)));
}
