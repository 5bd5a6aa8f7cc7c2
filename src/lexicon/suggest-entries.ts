import type { Token } from '../model.js';
import { tokenise } from '../text/tokenise.js';
import type { Lexicon } from './lexicon.js';

/**
 * `controverse lexicon suggest`: words and phrases (1 to 3 words, folded as the matcher folds them)
 * that units coded with a stance or claim use more than the other units, where the lexicon found
 * nothing. Ranked by keyness (Dunning's log-likelihood G², counted in units, not in words: a
 * comment that says "gabegie" three times is one unit for it), with the units each candidate would
 * fix (coded, missed today) or break (not coded, not tagged today, would be).
 */

/** One unit to mine: its text, whether it is coded with the target, whether the lexicons tag it today. */
export interface SuggestUnit {
  readonly id: string;
  readonly text: string;
  readonly coded: boolean;
  readonly predicted: boolean;
}

export interface SuggestOptions {
  /** Coded units a candidate must occur in. */
  readonly minUnits?: number;
  readonly maxWords?: number;
  readonly top?: number;
  /** Function words ("de", "la", "que"): never the first or last word of a candidate. */
  readonly functionWords: ReadonlySet<string>;
}

/** One occurrence of a candidate, for its context and its surface form. */
export interface Occurrence {
  readonly unit: number;
  readonly start: number;
  readonly end: number;
  /** True when a negation word governs it (such a unit makes a poor example). */
  readonly negated: boolean;
}

export interface Suggestion {
  /** Folded words, space-separated: the candidate's key. */
  readonly key: string;
  /** A match pattern as it would be written in a lexicon file ("cherchez l'erreur"). */
  readonly match: string;
  readonly g2: number;
  /** Coded units and other units it occurs in. */
  readonly inCoded: number;
  readonly inOthers: number;
  /** Coded units the lexicons miss today that it would tag. */
  readonly fixes: readonly string[];
  /** Units not coded and not tagged today that it would tag. */
  readonly breaks: readonly string[];
  /** First occurrence in each coded unit, in unit order. */
  readonly occurrences: readonly Occurrence[];
}

export const MIN_UNITS = 3;
export const MAX_WORDS = 3;
export const TOP = 20;
/** Two candidates whose coded units overlap this much say the same thing: the weaker is dropped ("cherchez" beside "cherchez l'erreur"). */
const SAME_UNITS = 0.8;

/** Dunning's G² of a 2×2 table: `a` of `n1` target units and `b` of `n2` others hold the candidate. */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const n = n1 + n2;
  const k = a + b;
  const cells: [number, number][] = [[a, (n1 * k) / n], [b, (n2 * k) / n], [n1 - a, (n1 * (n - k)) / n], [n2 - b, (n2 * (n - k)) / n]];
  return 2 * cells.reduce((g, [o, e]) => (o > 0 && e > 0 ? g + o * Math.log(o / e) : g), 0);
}

/** A candidate's words as a lexicon pattern: surfaces lower-cased, no space after an elided article ("l'erreur"). */
function patternOf(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    const s = t.surface.toLocaleLowerCase('fr').replace(/[’‘ʼ]/gu, "'");
    out += out === '' || out.endsWith("'") ? s : ` ${s}`;
  }
  return out;
}

const hasLetter = (s: string): boolean => /\p{L}/u.test(s);

/** Candidates ranked by G², strongest first; only over-represented ones that fix at least one unit. */
export function suggestEntries(units: readonly SuggestUnit[], lexicon: Lexicon, options: SuggestOptions): Suggestion[] {
  const minUnits = options.minUnits ?? MIN_UNITS;
  const maxWords = options.maxWords ?? MAX_WORDS;
  const seen = new Map<string, { coded: Set<number>; others: Set<number>; occurrences: Occurrence[]; match: string }>();
  units.forEach((u, ui) => {
    const tokens = tokenise(u.text);
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const m of lexicon.findAll(tokens)) for (let k = m.start; k < m.end; k += 1) covered[k] = true;
    const here = new Set<string>();
    for (let i = 0; i < tokens.length; i += 1) {
      for (let n = 1; n <= maxWords && i + n <= tokens.length; n += 1) {
        if (covered[i + n - 1]) break;
        const words = tokens.slice(i, i + n);
        const first = words[0]!.norm;
        const last = words[n - 1]!.norm;
        if (options.functionWords.has(first) || options.functionWords.has(last) || !words.some((w) => hasLetter(w.norm))) continue;
        const key = words.map((w) => w.norm).join(' ');
        if (here.has(key)) continue;
        here.add(key);
        let s = seen.get(key);
        if (s === undefined) {
          s = { coded: new Set(), others: new Set(), occurrences: [], match: patternOf(words) };
          seen.set(key, s);
        }
        (u.coded ? s.coded : s.others).add(ui);
        if (u.coded) s.occurrences.push({ unit: ui, start: words[0]!.span.start, end: words[n - 1]!.span.end, negated: lexicon.negationBefore(tokens, i, undefined, u.text) >= 0 });
      }
    }
  });
  const n1 = units.filter((u) => u.coded).length;
  const n2 = units.length - n1;
  const ranked: Suggestion[] = [];
  for (const [key, s] of seen) {
    const a = s.coded.size;
    const b = s.others.size;
    if (a < minUnits || a / Math.max(1, n1) <= b / Math.max(1, n2)) continue;
    const fixes = [...s.coded].filter((i) => !units[i]!.predicted).map((i) => units[i]!.id);
    if (fixes.length === 0) continue;
    const breaks = [...s.others].filter((i) => !units[i]!.predicted).map((i) => units[i]!.id);
    ranked.push({ key, match: s.match, g2: logLikelihood(a, n1, b, n2), inCoded: a, inOthers: b, fixes, breaks, occurrences: s.occurrences });
  }
  ranked.sort((x, y) => y.g2 - x.g2 || y.key.split(' ').length - x.key.split(' ').length || (x.key < y.key ? -1 : 1));
  const kept: Suggestion[] = [];
  const unitsOf = (s: Suggestion): Set<number> => new Set(s.occurrences.map((o) => o.unit));
  for (const s of ranked) {
    if (kept.length >= (options.top ?? TOP)) break;
    const mine = unitsOf(s);
    const same = kept.some((k) => {
      if (!` ${k.key} `.includes(` ${s.key} `) && !` ${s.key} `.includes(` ${k.key} `)) return false;
      const theirs = unitsOf(k);
      const shared = [...mine].filter((u) => theirs.has(u)).length;
      return shared >= SAME_UNITS * Math.min(mine.size, theirs.size);
    });
    if (!same) kept.push(s);
  }
  return kept;
}
