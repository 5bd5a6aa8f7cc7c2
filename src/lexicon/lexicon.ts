import type { Stance, Token } from '../model.js';
import { beliefNegationBefore } from './belief-negation.js';

/** One element of a compiled pattern: a word, a word prefix ("dilapid*"), or a gap of a few words ("…"). */
export type PatternToken =
  | { readonly kind: 'word'; readonly norm: string }
  | { readonly kind: 'prefix'; readonly norm: string }
  | { readonly kind: 'gap'; readonly max: number };

/**
 * What an entry does when found: `cue` signals its stance (the default); `sarcasm` signals its
 * stance and turns the praise of the stances it `cancels` into irony ("…et on y croit !");
 * `intensifier` multiplies the weight of the cue that follows it ("vraiment", "totalement").
 */
export type EntryKind = 'cue' | 'sarcasm' | 'intensifier';

/** What a negated cue does: `drop` it (shown as NOT), `keep` it ("pas souverain" is still sovereignty talk), or signal another stance. */
export type WhenNegated = 'drop' | 'keep' | Stance;

/** An entry of a stance or claims lexicon, as loaded and validated. */
export interface LexiconEntry {
  readonly id: string;
  /** The stance an entry of a stance lexicon signals; undefined in the claims lexicon and for intensifiers. */
  readonly stance?: Stance;
  readonly weight: number;
  readonly match: readonly string[];
  readonly patterns: readonly (readonly PatternToken[])[];
  /** True when a pattern itself holds a negation cue ("pas fiable du tout"): no second flip. */
  readonly containsNegation: boolean;
  readonly label?: string;
  readonly definition?: string;
  readonly note?: string;
  readonly examples: readonly string[];
  readonly counter: readonly string[];
  /** Where the entry is defined: "lexicons/stances/sceptical.fr.yaml:14". */
  readonly source: string;
  /** `cue` when undefined. */
  readonly kind?: EntryKind;
  /** Further stances the same passage signals ("Vous appelez ça souverain ???": sceptical and sovereigntist). */
  readonly also?: readonly Stance[];
  /** `drop` when undefined. */
  readonly whenNegated?: WhenNegated;
  /** For sarcasm: stances whose cues in the same unit are read as irony and not counted. */
  readonly cancels?: readonly Stance[];
  /** Line of each example and counter-example, parallel to `examples` and `counter`. */
  readonly exampleLines?: readonly number[];
  readonly counterLines?: readonly number[];
}

/** A lexicon entry found in a token stream. */
export interface EntryMatch {
  readonly entry: LexiconEntry;
  /** Index of the first and one past the last token covered. */
  readonly start: number;
  readonly end: number;
  /** The pattern of the entry that matched. */
  readonly pattern?: readonly PatternToken[];
}

/** Negation cues and how far their scope reaches. */
export interface NegationRules {
  /** Words that negate on their own, with or without "ne" ("pas", "jamais", "sans"). */
  readonly cues: ReadonlySet<string>;
  /** Tokens to look back for a cue. */
  readonly window: number;
  /** Tokens that end a negation's scope ("mais", "et"): a cue before them does not reach past. */
  readonly barriers: ReadonlySet<string>;
  readonly version: number;
  readonly source: string;
  /** Words that negate only after "ne"/"n'" ("n'est plus souverain"); alone they compare ("plus souverain"). */
  readonly withNe?: ReadonlySet<string>;
  /** The particle itself: "ne", "n'". */
  readonly ne?: ReadonlySet<string>;
  /** Sequences starting with a cue that do not negate ("pas mal", "sans doute", "non seulement"). */
  readonly notNegating?: readonly (readonly string[])[];
  /** Verbs of believing or saying whose denial reaches the whole "que" clause (belief-negation.ts). */
  readonly beliefVerbs?: ReadonlySet<string>;
  /** Subjects that negate with "ne": "personne ne croit", "nul ne pense". */
  readonly neSubjects?: ReadonlySet<string>;
}

/** Characters between two tokens that end a clause, and with it a negation's scope. */
const CLAUSE_BREAK = /[.;:!?()[\]«»"“”…—–]|,|\n/u;

function tokenMatches(p: PatternToken, norm: string): boolean {
  if (p.kind === 'word') return p.norm === norm;
  if (p.kind === 'prefix') return norm.startsWith(p.norm);
  return false;
}

// Letters of a prefix pattern ("dilapid*") that index it: the loader's MIN_PREFIX_LETTERS, so every
// prefix it accepts has a key. A word can only start prefixes that share its first letters.
const PREFIX_KEY_LETTERS = 3;

/** The index key of a pattern's first element: the first letters of a prefix long enough to have them. */
function prefixKey(p: PatternToken): string | undefined {
  return p.kind === 'prefix' && p.norm.length >= PREFIX_KEY_LETTERS ? p.norm.slice(0, PREFIX_KEY_LETTERS) : undefined;
}

/** Index one past the last token of `pattern` matched at `i`, or -1. Gaps are lazy but backtrack. */
function matchPattern(pattern: readonly PatternToken[], tokens: readonly Token[], i: number, p = 0): number {
  // Words and prefixes are matched in a loop; only a gap needs the recursion (it backtracks).
  let at = i;
  for (let q = p; q < pattern.length; q += 1) {
    const pt = pattern[q]!;
    if (pt.kind === 'gap') {
      for (let skip = 0; skip <= pt.max && at + skip <= tokens.length; skip += 1) {
        const end = matchPattern(pattern, tokens, at + skip, q + 1);
        if (end >= 0) return end;
      }
      return -1;
    }
    const token = tokens[at];
    if (token === undefined || !tokenMatches(pt, token.norm)) return -1;
    at += 1;
  }
  return at;
}

/** True when the text between tokens `a` and `a + 1` ends a clause (a comma, a full stop, a quote…). */
export function clauseBreakAfter(tokens: readonly Token[], a: number, text: string | undefined): boolean {
  if (text === undefined) return false;
  const left = tokens[a];
  const right = tokens[a + 1];
  if (left === undefined || right === undefined) return false;
  return CLAUSE_BREAK.test(text.slice(left.span.end, right.span.start));
}

/** A pattern an entry is found by, with its entry. */
interface Candidate {
  readonly entry: LexiconEntry;
  readonly pattern: readonly PatternToken[];
}

/** The patterns a word starts, and for a word that starts many, the ones left once the next word is known. */
interface Start {
  readonly candidates: readonly Candidate[];
  /** By next word ('' past the last token); undefined for a short list, tried as it is. */
  readonly byNext: Map<string, readonly Candidate[]> | undefined;
}

const NO_START: Start = { candidates: [], byNext: undefined };

/** Words whose starts a lexicon remembers; past it the memory starts afresh (as WordFolder's). */
const CANDIDATE_CACHE_WORDS = 50_000;
/** Candidates from which a word's list is narrowed by the next word ("l'", "une", "la" start many patterns). */
const NARROW_FROM = 3;
/** Next words a Start remembers narrowed lists for; past it that memory starts afresh. */
const NARROWED_CACHE_WORDS = 2_000;

/** False when `c` cannot match with `next` as the token after its first ('' when there is none). */
function survives(c: Candidate, next: string): boolean {
  const second = c.pattern[1];
  return second === undefined || second.kind === 'gap' || (next !== '' && tokenMatches(second, next));
}

/** The candidates of `start` that the next word leaves, in their order. */
function narrowed(start: Start, next: string): readonly Candidate[] {
  const byNext = start.byNext!;
  let list = byNext.get(next);
  if (list === undefined) {
    list = start.candidates.filter((c) => survives(c, next));
    if (byNext.size >= NARROWED_CACHE_WORDS) byNext.clear();
    byNext.set(next, list);
  }
  return list;
}

/** A compiled lexicon: entries indexed by their first word for fast longest-match lookup. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly negation: NegationRules;
  readonly byFirstWord = new Map<string, Candidate[]>();
  readonly byPrefix: Candidate[] = [];
  /** Entries by id, for the stages that start from a tag. */
  readonly byId = new Map<string, LexiconEntry>();
  /**
   * The byPrefix patterns a word can start, by the word's first PREFIX_KEY_LETTERS letters (each
   * list in byPrefix order, with any shorter prefix), so a token is not tried against them all.
   */
  private readonly prefixesByKey = new Map<string, Candidate[]>();
  /** The byPrefix patterns shorter than PREFIX_KEY_LETTERS: tried on every token (the loader allows none). */
  private readonly shortPrefixes: Candidate[] = [];
  /** startOf's memory, by word. */
  private readonly startsByWord = new Map<string, Start>();

  constructor(entries: readonly LexiconEntry[], negation: NegationRules) {
    this.entries = entries;
    this.negation = negation;
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const pattern of entry.patterns) {
        const first = pattern[0];
        if (first === undefined) continue;
        if (first.kind === 'word') {
          const list = this.byFirstWord.get(first.norm) ?? [];
          list.push({ entry, pattern });
          this.byFirstWord.set(first.norm, list);
        } else {
          this.byPrefix.push({ entry, pattern });
        }
      }
    }
    const isShort = (c: Candidate): boolean => prefixKey(c.pattern[0]!) === undefined;
    for (const c of this.byPrefix) if (isShort(c)) this.shortPrefixes.push(c);
    for (const c of this.byPrefix) {
      const key = prefixKey(c.pattern[0]!);
      if (key === undefined || this.prefixesByKey.has(key)) continue;
      this.prefixesByKey.set(key, this.byPrefix.filter((o) => isShort(o) || prefixKey(o.pattern[0]!) === key));
    }
  }

  /**
   * The patterns whose first element a word matches, in the order longestEntryAt tries them (first
   * word, then prefixes), by word: a corpus repeats the same words, and most start no pattern.
   */
  private startOf(norm: string): Start {
    let start = this.startsByWord.get(norm);
    if (start === undefined) {
      const found: Candidate[] = [...(this.byFirstWord.get(norm) ?? [])];
      const prefixes = this.prefixesByKey.get(norm.slice(0, PREFIX_KEY_LETTERS)) ?? this.shortPrefixes;
      for (const c of prefixes) if (tokenMatches(c.pattern[0]!, norm)) found.push(c);
      start = found.length === 0 ? NO_START : { candidates: found, byNext: found.length >= NARROW_FROM ? new Map() : undefined };
      if (this.startsByWord.size >= CANDIDATE_CACHE_WORDS) this.startsByWord.clear();
      this.startsByWord.set(norm, start);
    }
    return start;
  }

  /** The longest entry starting at token `i` ("milliards dilapidés" beats "milliards"); ties go to the higher weight, then the lower id. */
  longestEntryAt(tokens: readonly Token[], i: number): EntryMatch | undefined {
    const token = tokens[i];
    if (token === undefined) return undefined;
    const start = this.startOf(token.norm);
    // A word that starts many patterns: only those the next word leaves are tried.
    const candidates = start.byNext === undefined ? start.candidates : narrowed(start, tokens[i + 1]?.norm ?? '');
    let best: EntryMatch | undefined;
    for (let k = 0; k < candidates.length; k += 1) {
      const { entry, pattern } = candidates[k]!;
      // Every candidate's first element matches this token: matching goes on from the second.
      const end = matchPattern(pattern, tokens, i + 1, 1);
      if (end < 0) continue;
      if (
        best === undefined ||
        end > best.end ||
        (end === best.end && (entry.weight > best.entry.weight || (entry.weight === best.entry.weight && entry.id < best.entry.id)))
      ) {
        best = { entry, start: i, end, pattern };
      }
    }
    return best;
  }

  /**
   * Every entry found in the tokens, left to right. At each token the longest match wins; a match
   * that a longer one starting inside it would swallow is kept, and no token counts twice.
   */
  findAll(tokens: readonly Token[]): EntryMatch[] {
    const found: EntryMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.longestEntryAt(tokens, i);
      if (m === undefined) {
        i += 1;
        continue;
      }
      found.push(m);
      i = Math.max(m.end, i + 1);
    }
    return found;
  }

  /**
   * True when the matched pattern itself holds a negation word ("pas fiable", "aucun résultat"):
   * such a cue is not negated again. Per pattern: "un pas dans la bonne direction" holds "pas",
   * "dans le bon sens" of the same entry does not.
   */
  holdsNegation(m: EntryMatch): boolean {
    if (m.pattern === undefined) return m.entry.containsNegation;
    const words = m.pattern.map((t) => (t.kind === 'word' ? t.norm : ''));
    const hasNe = words.some((w) => this.negation.ne?.has(w) === true);
    return words.some((w) => this.negation.cues.has(w) || (hasNe && this.negation.withNe?.has(w) === true));
  }

  /** True when the cue at `k` is the start of a fixed phrase that does not negate ("pas mal", "sans doute"). */
  private isNotNegating(tokens: readonly Token[], k: number): boolean {
    for (const seq of this.negation.notNegating ?? []) {
      if (seq.every((w, j) => tokens[k + j]?.norm === w)) return true;
    }
    return false;
  }

  /** True when the token at `k` negates: a cue, or a "ne"-word ("plus", "point") with "ne" shortly before it. */
  isNegationCue(tokens: readonly Token[], k: number): boolean {
    const norm = tokens[k]?.norm;
    if (norm === undefined) return false;
    if (this.negation.cues.has(norm)) return !this.isNotNegating(tokens, k);
    if (this.negation.withNe?.has(norm) === true) {
      // "n'est plus", "ne sera plus jamais", "n'y a plus": "ne" within the three tokens before.
      for (let j = k - 1; j >= 0 && j >= k - 3; j -= 1) if (this.negation.ne?.has(tokens[j]!.norm) === true) return true;
    }
    return false;
  }

  /**
   * Index of the negation cue governing token `i`, or -1: a cue within the window, not cut off by
   * a barrier word or, when `text` is given, by punctuation ("pas cher, gaspillé" does not negate "gaspillé").
   */
  negationBefore(tokens: readonly Token[], i: number, window = this.negation.window, text?: string): number {
    const near = this.nearNegationBefore(tokens, i, window, text);
    if (near >= 0 || this.negation.beliefVerbs === undefined || this.negation.beliefVerbs.size === 0) return near;
    // Past the window: a denied belief ("je ne crois pas une seconde que …") reaches its whole clause.
    const rules = { beliefVerbs: this.negation.beliefVerbs, neSubjects: this.negation.neSubjects ?? new Set<string>(), ne: this.negation.ne ?? new Set<string>() };
    // A cue of the frame is read bare: "pas que" is "not only" elsewhere, but "ne dis pas que" denies.
    const isCue = (k: number): boolean => this.negation.cues.has(tokens[k]!.norm) || this.isNegationCue(tokens, k);
    return beliefNegationBefore(tokens, i, rules, isCue, (k) => clauseBreakAfter(tokens, k, text));
  }

  /** The negation cue within `window` tokens before `i`, in its clause, or -1. */
  private nearNegationBefore(tokens: readonly Token[], i: number, window: number, text: string | undefined): number {
    for (let k = i - 1; k >= 0 && k >= i - window; k -= 1) {
      if (clauseBreakAfter(tokens, k, text)) return -1;
      const norm = tokens[k]!.norm;
      if (this.negation.barriers.has(norm)) return -1;
      if (this.isNegationCue(tokens, k)) return k;
    }
    return -1;
  }
}
