import type { Stance, Token } from '../model.js';
import { beliefNegationBefore } from './belief-negation.js';
import { CharSet } from '../text/char-set.js';
import type { TokenIds, Vocabulary } from '../text/vocabulary.js';

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
/**
 * `cue`: counts for its stance. `sarcasm`: counts and may cancel praise (`cancels`). `topic`: names
 * what the debate is about (a US vendor) and counts only in a unit that takes a position, with
 * another counted cue (topic-cues.ts). `intensifier`: strengthens the next cue.
 */
export type EntryKind = 'cue' | 'sarcasm' | 'topic' | 'intensifier';

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
  /** Lexicon.holdsNegation of the match, when the matcher worked it out beforehand. */
  readonly holds?: boolean;
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
const CLAUSE_BREAK = new CharSet('.;:!?()[]«»"“”…—–,\n');

function tokenMatches(p: PatternToken, norm: string): boolean {
  if (p.kind === 'word') return p.norm === norm;
  if (p.kind === 'prefix') return norm.startsWith(p.norm);
  return false;
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
  return CLAUSE_BREAK.anyIn(text, left.span.end, right.span.start);
}

/** A pattern an entry is found by, with its entry. */
interface Candidate {
  readonly entry: LexiconEntry;
  readonly pattern: readonly PatternToken[];
  /**
   * Where the pattern stood in the order the matcher always tried them at a word (the word's own
   * patterns, then the prefix patterns, each in lexicon order): of two equally good matches, the
   * lower rank wins, as the first one tried did.
   */
  readonly rank: number;
  /** True when the pattern itself spells a negation (Lexicon.holdsNegation). */
  readonly holds: boolean;
}

/** A pattern whose next element is a gap: matched from there by matchPattern, which backtracks. */
interface GapTail {
  readonly candidate: Candidate;
  /** Index of the gap in the pattern. */
  readonly at: number;
}

/**
 * A node of the pattern trie: the patterns whose elements up to here have matched. Edges are
 * words (by folded form) and prefixes ("dilapid*"); a pattern ends at a node or hands over at its
 * first gap.
 */
interface TrieNode {
  readonly words: Map<string, TrieNode>;
  readonly prefixes: { readonly norm: string; readonly node: TrieNode }[];
  readonly ends: Candidate[];
  readonly gaps: GapTail[];
  /**
   * Where a word leads from here, by its id (vocabulary and generation of `Lexicon.idsOf`): the
   * answers of `step`, kept as words are met, for nodes with prefix edges (each tried on every word).
   */
  readonly byId: Map<number, readonly TrieNode[]>;
  /** This node alone: what a word edge leads to, without an array per step. */
  readonly alone: readonly TrieNode[];
  /**
   * The word edges again, by the word's index among the lexicon's edge words (`Lexicon.edgeWords`):
   * the indexes in ascending order and, parallel, the nodes they lead to. A node has a handful of
   * word edges, most words none of them: a scan of a few integers rejects them without hashing.
   */
  readonly edgeIndexes: Int32Array;
  readonly edgeNodes: readonly TrieNode[];
  /** True when no pattern ends or hands over to a gap here: there is nothing to collect at this node. */
  readonly passing: boolean;
}

/** firstStepCode's answers: no pattern starts at the word; look with longestFrom; one simple node, by serial, from SIMPLE_START. */
const NO_START = 1;
const FULL_START = 2;
const SIMPLE_START = 3;

/** True when a pattern holds a negation word ("pas fiable", "aucun résultat"; "plus" only with "ne" in it). */
function patternHoldsNegation(pattern: readonly PatternToken[], negation: NegationRules): boolean {
  const words = pattern.map((t) => (t.kind === 'word' ? t.norm : ''));
  const hasNe = words.some((w) => negation.ne?.has(w) === true);
  return words.some((w) => negation.cues.has(w) || (hasNe && negation.withNe?.has(w) === true));
}

const NO_NODES: readonly TrieNode[] = [];
const NO_INDEXES = new Int32Array(0);

/** Word edges past which `edgeTo` halves its range instead of scanning (the first word's node for "de" has hundreds). */
const EDGE_SCAN = 8;

/** The node the word edge of index `index` leads to from `node`, or undefined. */
function edgeTo(node: TrieNode, index: number): TrieNode | undefined {
  const indexes = node.edgeIndexes;
  let lo = 0;
  let hi = indexes.length;
  while (hi - lo > EDGE_SCAN) {
    const mid = (lo + hi) >>> 1;
    if (indexes[mid]! <= index) lo = mid;
    else hi = mid;
  }
  for (let k = lo; k < hi; k += 1) if (indexes[k] === index) return node.edgeNodes[k];
  return undefined;
}

function trieNode(): TrieNode {
  const node: { -readonly [K in keyof TrieNode]: TrieNode[K] } = { words: new Map(), prefixes: [], ends: [], gaps: [], byId: new Map(), alone: [], edgeIndexes: NO_INDEXES, edgeNodes: [], passing: true };
  node.alone = [node];
  return node;
}

/** `table`, or a copy of it long enough to hold index `id` (twice as long at least). */
function withSlot(table: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  if (id < table.length) return table;
  const grown = new Int32Array(Math.max(id + 1, 2 * table.length));
  grown.set(table);
  return grown;
}

/** Every node of the trie under `node`, itself included. */
function nodesUnder(node: TrieNode, into: TrieNode[] = []): TrieNode[] {
  into.push(node);
  for (const next of node.words.values()) nodesUnder(next, into);
  for (const e of node.prefixes) nodesUnder(e.node, into);
  return into;
}

/** Adds a pattern's path to the trie; a pattern that starts with a gap can never match and is left out, as before. */
function insertPattern(root: TrieNode, candidate: Candidate): void {
  const { pattern } = candidate;
  if (pattern[0] === undefined || pattern[0].kind === 'gap') return;
  let node = root;
  for (let q = 0; q < pattern.length; q += 1) {
    const p = pattern[q]!;
    if (p.kind === 'gap') {
      node.gaps.push({ candidate, at: q });
      return;
    }
    if (p.kind === 'word') {
      let next = node.words.get(p.norm);
      if (next === undefined) {
        next = trieNode();
        node.words.set(p.norm, next);
      }
      node = next;
    } else {
      let edge = node.prefixes.find((e) => e.norm === p.norm);
      if (edge === undefined) {
        edge = { norm: p.norm, node: trieNode() };
        node.prefixes.push(edge);
      }
      node = edge.node;
    }
  }
  node.ends.push(candidate);
}

/** The nodes one word leads to from `node`: its word edge, then every prefix edge it starts with. */
function step(node: TrieNode, norm: string, into: TrieNode[]): void {
  const byWord = node.words.get(norm);
  if (byWord !== undefined) into.push(byWord);
  for (const e of node.prefixes) if (norm.startsWith(e.norm)) into.push(e.node);
}

/** True when `c` ending at `end` beats the best so far: longer, then higher weight, then lower id, then tried first. */
function beats(c: Candidate, end: number, best: EntryMatch | undefined, bestRank: number): boolean {
  if (best === undefined || end > best.end) return true;
  if (end < best.end) return false;
  const a = c.entry;
  const b = best.entry;
  if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.id !== b.id) return a.id < b.id;
  return c.rank < bestRank;
}


/** Words whose first step a lexicon remembers by folded form (for tokens without ids); past it that memory starts afresh. */
const CANDIDATE_CACHE_WORDS = 50_000;

/** Words a node past the first remembers the step of, by id; past it that node's memory starts afresh. */
const NODE_CACHE_WORDS = 4096;

/** A compiled lexicon: its patterns in a trie over folded words, for fast longest-match lookup. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly negation: NegationRules;
  /** Entries by id, for the stages that start from a tag. */
  readonly byId = new Map<string, LexiconEntry>();
  private readonly root = trieNode();
  /** The root's nodes for a word, by folded form: most words start no pattern. */
  private readonly firstByWord = new Map<string, readonly TrieNode[]>();
  /** The same by the word's id in `idsOf` (one vocabulary and generation at a time). */
  private firstById: (readonly TrieNode[] | undefined)[] = [];
  /** Every word of a word edge anywhere in the trie → its index (dense from 0). */
  private readonly edgeWords = new Map<string, number>();
  /**
   * By a word's id in `idsOf`: 0 when not looked up yet, -1 when no word edge has it (most words),
   * else 1 + its index in `edgeWords`. A word past the first is stepped by this table and a
   * number-keyed map, not by hashing its text.
   */
  private edgeWordById = new Int32Array(1024);
  private idsOf: { readonly vocabulary: Vocabulary; readonly generation: number } | undefined;
  /**
   * By a word's id in `idsOf`, what may start at it (firstStepCode): 0 when not looked up yet. Most
   * words start no pattern, or one that needs a given next word, and are passed over by this table
   * and the flat copy of the word edges below, without touching the trie's objects.
   */
  private firstCodeById = new Int32Array(1024);
  /** Every node of the trie (a node's place here is its serial), and each node's serial. */
  private readonly nodes: readonly TrieNode[];
  private readonly serialOf = new Map<TrieNode, number>();
  /** The word edges of node `s` by edge-word index: `edgeIndex[edgeStart[s] .. edgeStart[s + 1]]`, ascending. */
  private readonly edgeStart: Int32Array;
  private readonly edgeIndex: Int32Array;

  constructor(entries: readonly LexiconEntry[], negation: NegationRules) {
    this.entries = entries;
    this.negation = negation;
    const all: { entry: LexiconEntry; pattern: readonly PatternToken[] }[] = [];
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const pattern of entry.patterns) if (pattern.length > 0) all.push({ entry, pattern });
    }
    // The order the matcher tried patterns in before the trie: a word's own patterns first.
    all.forEach((c, k) => insertPattern(this.root, { ...c, rank: c.pattern[0]!.kind === 'word' ? k : all.length + k, holds: patternHoldsNegation(c.pattern, negation) }));
    this.nodes = nodesUnder(this.root);
    for (const node of this.nodes as { -readonly [K in keyof TrieNode]: TrieNode[K] }[]) {
      const edges: [number, TrieNode][] = [];
      for (const [word, next] of node.words) {
        let index = this.edgeWords.get(word);
        if (index === undefined) {
          index = this.edgeWords.size;
          this.edgeWords.set(word, index);
        }
        edges.push([index, next]);
      }
      edges.sort((a, b) => a[0] - b[0]);
      node.edgeIndexes = Int32Array.from(edges, (e) => e[0]);
      node.edgeNodes = edges.map((e) => e[1]);
      node.passing = node.ends.length === 0 && node.gaps.length === 0;
    }
    this.edgeStart = new Int32Array(this.nodes.length + 1);
    this.nodes.forEach((node, serial) => {
      this.serialOf.set(node, serial);
      this.edgeStart[serial + 1] = this.edgeStart[serial]! + node.edgeIndexes.length;
    });
    this.edgeIndex = new Int32Array(this.edgeStart[this.nodes.length]!);
    this.nodes.forEach((node, serial) => this.edgeIndex.set(node.edgeIndexes, this.edgeStart[serial]!));
  }

  /**
   * What may start at the word at `i` (ids of the current table): NO_START when no pattern does;
   * SIMPLE_START + s when exactly one does through node s, which collects nothing and has only word
   * edges (a match then needs a word edge of s for the next word); else FULL_START.
   */
  private firstStepCode(tokens: readonly Token[], i: number, ids: TokenIds): number {
    const id = ids.ids[i]!;
    this.firstCodeById = withSlot(this.firstCodeById, id);
    let code = this.firstCodeById[id]!;
    if (code === 0) {
      const nodes = this.firstStep(tokens, i, ids);
      const only = nodes.length === 1 ? nodes[0]! : undefined;
      code = nodes.length === 0 ? NO_START : only !== undefined && only.passing && only.prefixes.length === 0 ? SIMPLE_START + this.serialOf.get(only)! : FULL_START;
      this.firstCodeById[id] = code;
    }
    return code;
  }

  /**
   * False when no entry can start at token `i`, as longestFrom would find (the ids are the current
   * table's): no pattern starts at its word, or the one node it leads to needs a next word that is
   * not there. True means "look": longestFrom decides.
   */
  private mayStartAt(tokens: readonly Token[], i: number, ids: TokenIds): boolean {
    const code = this.firstStepCode(tokens, i, ids);
    if (code < SIMPLE_START) return code === FULL_START;
    const at = i + 1;
    if (at >= tokens.length) return false;
    const index = this.edgeWordAt(tokens, at, ids);
    if (index < 0) return false;
    const serial = code - SIMPLE_START;
    const end = this.edgeStart[serial + 1]!;
    for (let k = this.edgeStart[serial]!; k < end; k += 1) if (this.edgeIndex[k] === index) return true;
    return false;
  }

  /** Index in `edgeWords` of the word at `at`, or -1 when no word edge has it (by its id; the table is the current one's). */
  private edgeWordAt(tokens: readonly Token[], at: number, ids: TokenIds): number {
    const id = ids.ids[at]!;
    this.edgeWordById = withSlot(this.edgeWordById, id);
    let known = this.edgeWordById[id]!;
    if (known === 0) {
      known = 1 + (this.edgeWords.get(tokens[at]!.norm) ?? -2);
      this.edgeWordById[id] = known;
    }
    return known - 1;
  }

  /** The trie nodes one past the first word, remembered by folded form (tokens without ids). */
  private firstByNorm(norm: string): readonly TrieNode[] {
    let nodes = this.firstByWord.get(norm);
    if (nodes === undefined) {
      nodes = this.stepFromRoot(norm);
      if (this.firstByWord.size >= CANDIDATE_CACHE_WORDS) this.firstByWord.clear();
      this.firstByWord.set(norm, nodes);
    }
    return nodes;
  }

  /** The table of first steps by id for these ids' vocabulary and generation (a new one when they change). */
  private tableFor(ids: TokenIds): (readonly TrieNode[] | undefined)[] {
    if (this.idsOf === undefined || this.idsOf.vocabulary !== ids.vocabulary || this.idsOf.generation !== ids.generation) {
      // The nodes' steps by id were for the former ids (none before the first table).
      if (this.idsOf !== undefined) for (const node of nodesUnder(this.root)) node.byId.clear();
      this.idsOf = { vocabulary: ids.vocabulary, generation: ids.generation };
      this.firstById = [];
      this.edgeWordById.fill(0);
      this.firstCodeById.fill(0);
    }
    return this.firstById;
  }

  /** The trie nodes one past the first word at `i`: remembered per word (by id when the tokens have them). */
  private firstStep(tokens: readonly Token[], i: number, ids: TokenIds | undefined): readonly TrieNode[] {
    if (ids === undefined) return this.firstByNorm(tokens[i]!.norm);
    const table = this.tableFor(ids);
    const id = ids.ids[i]!;
    let nodes = table[id];
    if (nodes === undefined) {
      nodes = this.stepFromRoot(tokens[i]!.norm);
      // Ids are dense from 0: the table grows by one slot per new word, with no holes to speak of.
      while (table.length < id) table.push(undefined);
      table[id] = nodes;
    }
    return nodes;
  }

  private stepFromRoot(norm: string): readonly TrieNode[] {
    const nodes: TrieNode[] = [];
    step(this.root, norm, nodes);
    return nodes.length === 0 ? NO_NODES : nodes;
  }

  /**
   * The longest entry starting at token `i` ("milliards dilapidés" beats "milliards"); ties go to
   * the higher weight, then the lower id. `ids`, when given, are the tokens' ids (faster, same result).
   */
  longestEntryAt(tokens: readonly Token[], i: number, ids?: TokenIds): EntryMatch | undefined {
    return this.longestFrom(tokens, i, this.startAt(tokens, i, ids), ids);
  }

  /** The nodes the word at `i` leads to from the root; none when no entry can start there (mayStartAt) or `i` is out of range. */
  private startAt(tokens: readonly Token[], i: number, ids: TokenIds | undefined): readonly TrieNode[] {
    if (i < 0 || i >= tokens.length) return NO_NODES;
    if (ids !== undefined) {
      this.tableFor(ids);
      if (!this.mayStartAt(tokens, i, ids)) return NO_NODES;
    }
    return this.firstStep(tokens, i, ids);
  }

  /**
   * The nodes the word at `at` leads to from `node`: its word edge, or when the node has prefix
   * edges, `step`'s answer remembered by the word's id (the ids are the current table's: firstStep
   * or findAll set it).
   */
  private stepFrom(node: TrieNode, tokens: readonly Token[], at: number, ids: TokenIds | undefined): readonly TrieNode[] {
    if (node.prefixes.length === 0) {
      if (ids === undefined) return node.words.get(tokens[at]!.norm)?.alone ?? NO_NODES;
      const index = this.edgeWordAt(tokens, at, ids);
      return index < 0 ? NO_NODES : edgeTo(node, index)?.alone ?? NO_NODES;
    }
    if (ids === undefined) {
      const into: TrieNode[] = [];
      step(node, tokens[at]!.norm, into);
      return into;
    }
    const id = ids.ids[at]!;
    let nodes = node.byId.get(id);
    if (nodes === undefined) {
      const into: TrieNode[] = [];
      step(node, tokens[at]!.norm, into);
      nodes = into.length === 0 ? NO_NODES : into;
      if (node.byId.size >= NODE_CACHE_WORDS) node.byId.clear();
      node.byId.set(id, nodes);
    }
    return nodes;
  }

  /** The nodes the word at `at` leads to from the `active` ones, in their order (each node's word edge, then its prefix edges). */
  private stepAll(active: readonly TrieNode[], tokens: readonly Token[], at: number, ids: TokenIds | undefined): readonly TrieNode[] {
    if (active.length === 1) return this.stepFrom(active[0]!, tokens, at, ids);
    const next: TrieNode[] = [];
    for (const node of active) next.push(...this.stepFrom(node, tokens, at, ids));
    return next;
  }

  /**
   * The longest match of every entry that starts at token `i` (in the order the trie meets them,
   * the same every time): where two word families overlap ("tourne sous" staying with a vendor,
   * "tourne" working), each is found.
   */
  longestPerEntryAt(tokens: readonly Token[], i: number, ids?: TokenIds): EntryMatch[] {
    const first = this.startAt(tokens, i, ids);
    // Most words start no pattern.
    if (first.length === 0) return [];
    const best: EntryMatch[] = [];
    const ranks: number[] = [];
    this.walkFrom(tokens, i, first, ids, (c, end) => {
      const k = best.findIndex((m) => m.entry === c.entry);
      if (k >= 0 && !beats(c, end, best[k], ranks[k]!)) return;
      const match = { entry: c.entry, start: i, end, pattern: c.pattern, holds: c.holds };
      if (k >= 0) {
        best[k] = match;
        ranks[k] = c.rank;
      } else {
        best.push(match);
        ranks.push(c.rank);
      }
    });
    return best;
  }

  /** longestEntryAt, given the nodes the word at `i` leads to. */
  private longestFrom(tokens: readonly Token[], i: number, first: readonly TrieNode[], ids: TokenIds | undefined): EntryMatch | undefined {
    let best: EntryMatch | undefined;
    let bestRank = 0;
    this.walkFrom(tokens, i, first, ids, (c, end) => {
      if (beats(c, end, best, bestRank)) {
        best = { entry: c.entry, start: i, end, pattern: c.pattern, holds: c.holds };
        bestRank = c.rank;
      }
    });
    return best;
  }

  /** Calls `found` with every pattern that matches from token `i` and the token one past its match. */
  private walkFrom(tokens: readonly Token[], i: number, first: readonly TrieNode[], ids: TokenIds | undefined, found: (c: Candidate, end: number) => void): void {
    let active = first;
    if (active.length === 0) return;
    for (let at = i + 1; ; at += 1) {
      // `active`: the nodes whose patterns matched tokens i .. at-1.
      for (const node of active) {
        if (node.passing) continue;
        for (const c of node.ends) found(c, at);
        for (const { candidate: c, at: gap } of node.gaps) {
          const end = matchPattern(c.pattern, tokens, at, gap);
          if (end >= 0) found(c, end);
        }
      }
      if (at >= tokens.length) break;
      const next = this.stepAll(active, tokens, at, ids);
      if (next.length === 0) break;
      active = next;
    }
  }

  /**
   * Every entry found in the tokens, left to right. At each token the longest match wins; a match
   * that a longer one starting inside it would swallow is kept, and no token counts twice.
   */
  findAll(tokens: readonly Token[], ids?: TokenIds): EntryMatch[] {
    const found: EntryMatch[] = [];
    // Most words start no pattern: they are passed over with one table read.
    if (ids !== undefined) this.tableFor(ids);
    let i = 0;
    while (i < tokens.length) {
      if (ids !== undefined && !this.mayStartAt(tokens, i, ids)) {
        i += 1;
        continue;
      }
      const m = this.longestFrom(tokens, i, this.firstStep(tokens, i, ids), ids);
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
    return m.holds ?? patternHoldsNegation(m.pattern, this.negation);
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
