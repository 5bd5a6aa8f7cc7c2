import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, type YAMLMap } from 'yaml';
import type { Stance } from '../model.js';
import { foldForMatching } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import { Lexicon, type EntryKind, type LexiconEntry, type NegationRules, type PatternToken, type WhenNegated } from './lexicon.js';
import { UserError } from '../errors.js';
import { hostileYamlShape, parseLexiconYaml } from './parse-lexicon-yaml.js';
import { ClaimConcepts, type ConceptRule } from '../claims/claim-concepts.js';
import type { FittedWeights } from '../stance/fitted-weights.js';
import { FITTED_FILE, parseFitted } from './load-fitted.js';
import { FITTED_CLAIMS_FILE, parseFittedClaims } from './load-fitted-claims.js';
import type { FittedClaims } from '../claims/fitted-claims.js';
import { CATEGORY_COLOUR, CATEGORY_NAME, orderCategories, type StanceCategory } from './stance-category.js';

/** A configuration problem: names file, line and entry, and stops the run before any work. */
export class LexiconError extends UserError {
  override readonly name = 'LexiconError';
}

/** A lexicon file as recorded in the manifest. */
export interface LexiconFile {
  readonly path: string;
  readonly sha256: string;
  readonly version: number;
  readonly entries: number;
}

/** Everything loaded from a lexicon folder, once per run. */
export interface LexiconSet {
  /** The stance categories, one per file of `stances/`, in their order: stances.csv, claims.csv and the report follow it. */
  readonly categories: readonly StanceCategory[];
  readonly stances: Lexicon;
  readonly claims: Lexicon;
  /** The claims' `concepts` and `together` rules: claims found by co-occurring word families. */
  readonly claimConcepts: ClaimConcepts;
  readonly files: readonly LexiconFile[];
  /** Weights fitted on a coded sample (fitted.yaml), when the folder has them and they are not ignored. */
  readonly fitted?: FittedWeights;
  /** Claims fitted on a coded sample (fitted-claims.yaml), when the folder has them and they are not ignored. */
  readonly fittedClaims?: FittedClaims;
}

/** How a lexicon folder is loaded. */
export interface LoadLexiconOptions {
  /** Use fitted.yaml and fitted-claims.yaml when the folder has them (default); false scores with the lexicon weights and finds claims with the lexicon alone (`--no-fitted`). */
  readonly fitted?: boolean;
}

/** Gap "…" or "..." in a pattern: up to this many words between its neighbours. */
export const GAP_MAX_WORDS = 4;

/** A prefix wildcard shorter than this ("de*") would match almost any word. */
export const MIN_PREFIX_LETTERS = 3;

const ENTRY_KEYS = new Set(['id', 'match', 'weight', 'note', 'examples', 'counter', 'label', 'definition', 'kind', 'also', 'when_negated', 'cancels', 'together']);
const STANCE_FILE_KEYS = new Set(['version', 'stance', 'label', 'colour', 'description', 'order', 'entries']);
const CLAIMS_FILE_KEYS = new Set(['version', 'description', 'entries', 'concepts', 'together_within']);
const INTENSIFIER_FILE_KEYS = new Set(['version', 'description', 'entries']);
const NEGATION_FILE_KEYS = new Set(['version', 'description', 'cues', 'with_ne', 'ne', 'not_negating', 'window', 'barriers', 'belief_verbs', 'ne_subjects']);
const KINDS: readonly EntryKind[] = ['cue', 'sarcasm', 'topic', 'intensifier'];

/** What sort of file the entries come from: decides which kinds and keys are allowed. */
type FileRole = 'stance' | 'claims' | 'intensifiers';

// Characters a pattern may hold besides letters and digits: anything else is dropped by the
// tokeniser, so "c++" would silently match "c".
const PATTERN_PIECE = /^[\p{L}\p{N}]+(?:[-'’‘ʼ][\p{L}\p{N}]*)*\*?$|^(?:…|\.\.\.)$/u;

interface YamlFile {
  readonly rel: string;
  readonly text: string;
  readonly root: YAMLMap;
  readonly lines: LineCounter;
}

/**
 * Largest lexicon file read, in bytes. The shipped files are under 100 KB and a large imported
 * dictionary a few MB; every analysis thread compiles its own copy (a 50 MB file took 8.9 GB with
 * two workers), so past this the run stops before any work and says so.
 */
export const MAX_LEXICON_BYTES = 8 * 1024 * 1024;

/** A lexicon file's text, or a LexiconError when it is missing, a folder or over MAX_LEXICON_BYTES. */
export function readLexiconText(dir: string, rel: string, what = 'lexicon file'): string {
  const file = path.join(dir, rel);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new LexiconError(`${rel}: missing ${what} (expected in ${dir})`);
  }
  if (!stat.isFile()) throw new LexiconError(`${rel}: expected a ${what} in ${dir}, found a folder or another kind of entry`);
  if (stat.size > MAX_LEXICON_BYTES) {
    throw new LexiconError(`${rel}: ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_LEXICON_BYTES / 1024 / 1024} MB limit for one lexicon file (each analysis thread holds its own copy); split it or keep the entries that matter`);
  }
  const text = readFileSync(file, 'utf8');
  const hostile = hostileYamlShape(text);
  if (hostile !== undefined) throw new LexiconError(`${rel}: ${hostile}: not a lexicon file (refused before parsing, the YAML parser would take minutes)`);
  return text;
}

function readYaml(dir: string, rel: string): YamlFile {
  const text = readLexiconText(dir, rel);
  const lines = new LineCounter();
  const { doc, error } = parseLexiconYaml(text, lines);
  if (error !== undefined) throw new LexiconError(`${rel}:${lines.linePos(error.offset).line}: invalid YAML: ${error.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new LexiconError(`${rel}:1: expected a mapping with "version" and "entries"`);
  return { rel, text, root: doc.contents, lines };
}

function lineOf(f: YamlFile, node: Node | null | undefined): number {
  const offset = node?.range?.[0] ?? 0;
  return f.lines.linePos(offset).line;
}

function checkKeys(f: YamlFile, map: YAMLMap, allowed: ReadonlySet<string>, what: string): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!allowed.has(key)) {
      throw new LexiconError(`${f.rel}:${lineOf(f, pair.key as Node)}: ${what}: unknown key "${key}" (expected one of ${[...allowed].join(', ')})`);
    }
  }
}

function version(f: YamlFile): number {
  const v = f.root.get('version', true);
  if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) {
    throw new LexiconError(`${f.rel}:${lineOf(f, v ?? f.root)}: "version" must be a positive integer`);
  }
  return v.value;
}

function stringListWithLines(f: YamlFile, node: unknown, where: string, key: string, required: boolean): { values: string[]; lines: number[] } {
  if (node === undefined || node === null) {
    if (required) throw new LexiconError(`${where}: "${key}" is required (a list of strings)`);
    return { values: [], lines: [] };
  }
  if (!isSeq(node)) throw new LexiconError(`${where}: "${key}" must be a list of strings`);
  const values: string[] = [];
  const lines: number[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
      throw new LexiconError(`${f.rel}:${lineOf(f, item as Node)}: "${key}" holds a value that is not a non-empty string`);
    }
    values.push(item.value);
    lines.push(lineOf(f, item as Node));
  }
  return { values, lines };
}

function stringList(f: YamlFile, node: unknown, where: string, key: string, required: boolean): string[] {
  return stringListWithLines(f, node, where, key, required).values;
}

function stanceList(f: YamlFile, node: unknown, where: string, key: string, names: readonly Stance[]): Stance[] {
  return stringList(f, node, where, key, false).map((s) => {
    if (!names.includes(s)) throw new LexiconError(`${where}: "${key}" holds "${s}" (expected one of ${names.join(', ')})`);
    return s;
  });
}

/** Reasons a written match can never match text as intended; undefined when it is fine. */
export function neverMatches(match: string): string | undefined {
  for (const piece of match.trim().split(/\s+/u)) {
    if (!PATTERN_PIECE.test(piece)) {
      if (piece.slice(0, -1).includes('*')) return `"*" only ends a word ("dilapid*"), "${piece}" has it inside`;
      return `"${piece}" holds characters the tokeniser drops (only letters, digits, inner - and ', a final *, or a gap … are matched)`;
    }
    if (piece.endsWith('*')) {
      const stem = tokenise(piece.slice(0, -1));
      const last = stem[stem.length - 1];
      if (last === undefined || last.norm.length < MIN_PREFIX_LETTERS) return `prefix "${piece}" is shorter than ${MIN_PREFIX_LETTERS} letters and would match almost any word`;
    }
  }
  return undefined;
}

/** Compile "argent public dilapid*" or "milliards … dilapidés" into pattern tokens, folded like the text. */
export function compilePattern(pattern: string): PatternToken[] {
  const out: PatternToken[] = [];
  for (const piece of pattern.trim().split(/\s+/u)) {
    if (piece === '…' || piece === '...') {
      out.push({ kind: 'gap', max: GAP_MAX_WORDS });
      continue;
    }
    const wildcard = piece.endsWith('*');
    const tokens = tokenise(wildcard ? piece.slice(0, -1) : piece);
    tokens.forEach((t, k) => {
      const isLast = k === tokens.length - 1;
      out.push(wildcard && isLast ? { kind: 'prefix', norm: t.norm } : { kind: 'word', norm: t.norm });
    });
  }
  return out;
}

function patternKey(p: readonly PatternToken[]): string {
  return p.map((t) => (t.kind === 'gap' ? '…' : t.kind === 'prefix' ? `${t.norm}*` : t.norm)).join(' ');
}

function readEntries(f: YamlFile, role: FileRole, stance: Stance | undefined, names: readonly Stance[], negationCues: ReadonlySet<string>, seen: Map<string, string>): LexiconEntry[] {
  const list = f.root.get('entries', true);
  if (!isSeq(list)) throw new LexiconError(`${f.rel}:${lineOf(f, list ?? f.root)}: "entries" must be a list`);
  const entries: LexiconEntry[] = [];
  for (const item of list.items) {
    const line = lineOf(f, item as Node);
    if (!isMap(item)) throw new LexiconError(`${f.rel}:${line}: each entry must be a mapping with id, match, examples`);
    const idNode = item.get('id', true);
    if (!isScalar(idNode) || typeof idNode.value !== 'string' || !/^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/u.test(idNode.value)) {
      throw new LexiconError(`${f.rel}:${line}: entry needs an "id" in dotted kebab case (sceptical.milliards-dilapides)`);
    }
    const id = idNode.value;
    const where = `${f.rel}:${line}: entry "${id}"`;
    checkKeys(f, item, ENTRY_KEYS, `entry "${id}"`);
    const match = stringList(f, item.get('match', true), where, 'match', true);
    if (match.length === 0) throw new LexiconError(`${where}: "match" is empty`);
    const ex = stringListWithLines(f, item.get('examples', true), where, 'examples', true);
    const examples = ex.values;
    if (examples.length === 0) throw new LexiconError(`${where}: "examples" needs at least one sentence that must be tagged`);
    const co = stringListWithLines(f, item.get('counter', true), where, 'counter', false);
    const counter = co.values;
    for (const c of counter) if (examples.includes(c)) throw new LexiconError(`${where}: "${c}" is both an example and a counter-example`);
    const kindNode = item.get('kind', true);
    let kind: EntryKind = role === 'intensifiers' ? 'intensifier' : 'cue';
    if (kindNode !== undefined) {
      const k = isScalar(kindNode) ? String(kindNode.value) : '?';
      if (!(KINDS as readonly string[]).includes(k)) throw new LexiconError(`${where}: kind "${k}" (expected one of ${KINDS.join(', ')})`);
      kind = k as EntryKind;
    }
    if (role === 'intensifiers' && kind !== 'intensifier') throw new LexiconError(`${where}: the intensifiers file holds only kind "intensifier"`);
    if (role === 'stance' && kind === 'intensifier') throw new LexiconError(`${where}: intensifiers belong in intensifiers.fr.yaml (they serve every stance)`);
    if (role === 'claims' && kind !== 'cue') throw new LexiconError(`${where}: a claim has no "kind"`);
    const also = stanceList(f, item.get('also', true), where, 'also', names);
    if (stance !== undefined && also.includes(stance)) throw new LexiconError(`${where}: "also" repeats the file's own stance "${stance}"`);
    const cancels = stanceList(f, item.get('cancels', true), where, 'cancels', names);
    if (cancels.length > 0 && kind !== 'sarcasm') throw new LexiconError(`${where}: only kind "sarcasm" can cancel other stances`);
    const wnNode = item.get('when_negated', true);
    let whenNegated: WhenNegated | undefined;
    if (wnNode !== undefined) {
      const w = isScalar(wnNode) ? String(wnNode.value) : '?';
      if (w !== 'drop' && w !== 'keep' && !names.includes(w)) {
        throw new LexiconError(`${where}: when_negated "${w}" (expected drop, keep or a stance: ${names.join(', ')})`);
      }
      whenNegated = w as WhenNegated;
    }
    if (role !== 'claims' && item.get('together', true) !== undefined) throw new LexiconError(`${where}: "together" applies to claims only`);
    // A claim's "also": the stances asserting it signals (claim-stance-tags.ts).
    if (role === 'intensifiers' && also.length > 0) throw new LexiconError(`${where}: "also" applies to stance and claim entries only`);
    if (role !== 'stance' && whenNegated !== undefined) throw new LexiconError(`${where}: "when_negated" applies to stance entries only`);
    const weightNode = item.get('weight', true);
    let weight = 1;
    if (weightNode !== undefined) {
      if (!isScalar(weightNode) || typeof weightNode.value !== 'number' || !Number.isFinite(weightNode.value)) {
        throw new LexiconError(`${where}: weight "${isScalar(weightNode) ? String(weightNode.value) : '?'}" is not a number`);
      }
      weight = weightNode.value;
      if (weight <= 0) throw new LexiconError(`${where}: weight ${weight} must be above 0 (remove the entry instead)`);
    }
    const optionalText = (key: string): string | undefined => {
      const n = item.get(key, true);
      if (n === undefined) return undefined;
      if (!isScalar(n) || typeof n.value !== 'string') throw new LexiconError(`${where}: "${key}" must be a string`);
      return n.value;
    };
    const patterns = match.map((m) => {
      const never = neverMatches(m);
      if (never !== undefined) throw new LexiconError(`${where}: match "${m}" can never match: ${never}`);
      const p = compilePattern(m);
      if (p.length === 0 || p.every((t) => t.kind === 'gap')) throw new LexiconError(`${where}: match "${m}" has no word and can never match`);
      if (p[0]!.kind === 'gap' || p[p.length - 1]!.kind === 'gap') throw new LexiconError(`${where}: match "${m}" cannot start or end with a gap`);
      const key = patternKey(p);
      const other = seen.get(key);
      if (other !== undefined) throw new LexiconError(`${where}: match "${m}" duplicates ${other}${role === 'claims' ? '' : ': a passage can signal only one entry (use "also" for a second stance)'}`);
      seen.set(key, `"${m}" of entry "${id}" (${f.rel}:${line})`);
      return p;
    });
    if (seen.has(`#id:${id}`)) throw new LexiconError(`${where}: duplicate id (first defined at ${seen.get(`#id:${id}`)})`);
    seen.set(`#id:${id}`, `${f.rel}:${line}`);
    const containsNegation = patterns.some((p) => p.some((t) => t.kind === 'word' && negationCues.has(t.norm)));
    entries.push({
      id, stance, weight, match, patterns, containsNegation, examples, counter,
      label: optionalText('label'), definition: optionalText('definition'), note: optionalText('note'),
      source: `${f.rel}:${line}`,
      kind, ...(also.length > 0 ? { also } : {}), ...(whenNegated !== undefined ? { whenNegated } : {}), ...(cancels.length > 0 ? { cancels } : {}),
      exampleLines: ex.lines, counterLines: co.lines,
    });
  }
  return entries;
}

/** Default largest span, in tokens, of a claim found by its concepts ("together_within"). */
export const TOGETHER_WITHIN = 12;

const CONCEPT_NAME = /^[a-z][a-z0-9_]*$/u;

/**
 * The `concepts` of the claims file (named word families, patterns as in `match`) and each claim's
 * `together` rules (lists of two or more concept names that must share a sentence).
 */
function readConcepts(f: YamlFile, negation: NegationRules): ClaimConcepts {
  const conceptsNode = f.root.get('concepts', true);
  const entries: LexiconEntry[] = [];
  const seen = new Map<string, string>();
  if (conceptsNode !== undefined) {
    if (!isMap(conceptsNode)) throw new LexiconError(`${f.rel}:${lineOf(f, conceptsNode as Node)}: "concepts" must map names to lists of patterns`);
    for (const pair of conceptsNode.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '?';
      const line = lineOf(f, pair.key as Node);
      const where = `${f.rel}:${line}: concept "${name}"`;
      if (!CONCEPT_NAME.test(name)) throw new LexiconError(`${where}: a concept name is lower-case letters, digits and "_" ("us_vendor")`);
      const match = stringList(f, pair.value, where, name, true);
      const patterns = match.map((m) => {
        const never = neverMatches(m);
        if (never !== undefined) throw new LexiconError(`${where}: pattern "${m}" can never match: ${never}`);
        const p = compilePattern(m);
        if (p.length === 0 || p[0]!.kind === 'gap' || p[p.length - 1]!.kind === 'gap') throw new LexiconError(`${where}: pattern "${m}" needs a word at each end`);
        const key = patternKey(p);
        const other = seen.get(key);
        if (other !== undefined) throw new LexiconError(`${where}: pattern "${m}" is already in ${other}`);
        seen.set(key, `concept "${name}" (${f.rel}:${line})`);
        return p;
      });
      const containsNegation = patterns.some((p) => p.some((t) => t.kind === 'word' && negation.cues.has(t.norm)));
      entries.push({ id: name, weight: 1, match, patterns, containsNegation, examples: [], counter: [], source: `${f.rel}:${line}` });
    }
  }
  const names = new Set(entries.map((e) => e.id));
  const rules: ConceptRule[] = [];
  const list = f.root.get('entries', true);
  for (const item of isSeq(list) ? list.items : []) {
    if (!isMap(item)) continue;
    const together = item.get('together', true);
    if (together === undefined) continue;
    const id = String(item.get('id') ?? '?');
    const where = `${f.rel}:${lineOf(f, together as Node)}: entry "${id}"`;
    if (!isSeq(together)) throw new LexiconError(`${where}: "together" must be a list of rules, each a list of concept names`);
    for (const rule of together.items) {
      // Each slot names a concept, or several joined by "|" ("us_vendor|us_chips"): any of them fills it.
      const concepts = stringList(f, rule, where, 'together', true).map((slot) => slot.split('|').map((c) => c.trim()));
      if (concepts.length < 2) throw new LexiconError(`${where}: a "together" rule names at least two concepts`);
      for (const c of concepts.flat()) if (!names.has(c)) throw new LexiconError(`${where}: "together" names "${c}", which is not in "concepts"`);
      rules.push({ claimId: id, concepts, source: `${f.rel}:${lineOf(f, rule as Node)}` });
    }
  }
  const withinNode = f.root.get('together_within', true);
  let within = TOGETHER_WITHIN;
  if (withinNode !== undefined) {
    if (!isScalar(withinNode) || typeof withinNode.value !== 'number' || !Number.isInteger(withinNode.value) || withinNode.value < 2) {
      throw new LexiconError(`${f.rel}:${lineOf(f, withinNode as Node)}: "together_within" must be an integer of at least 2 (tokens)`);
    }
    within = withinNode.value;
  }
  return new ClaimConcepts(new Lexicon(entries, negation), rules, within);
}

function fileInfo(f: YamlFile, entries: number): LexiconFile {
  return { path: f.rel, sha256: createHash('sha256').update(f.text).digest('hex'), version: version(f), entries };
}

function loadNegation(dir: string): { rules: NegationRules; file: LexiconFile } {
  const f = readYaml(dir, 'negation.fr.yaml');
  checkKeys(f, f.root, NEGATION_FILE_KEYS, 'negation file');
  const where = `${f.rel}:${lineOf(f, f.root)}`;
  const cues = stringList(f, f.root.get('cues', true), where, 'cues', true).map((c) => compilePattern(c)[0]);
  const barriers = stringList(f, f.root.get('barriers', true), where, 'barriers', false).map((c) => compilePattern(c)[0]);
  const withNe = stringList(f, f.root.get('with_ne', true), where, 'with_ne', false).map((c) => compilePattern(c)[0]);
  // "n'" is an elided clitic: the tokeniser keeps its apostrophe, so fold it rather than tokenise it.
  const ne = stringList(f, f.root.get('ne', true), where, 'ne', false).map((c): PatternToken => ({ kind: 'word', norm: foldForMatching(c.trim()) }));
  const notNegating = stringList(f, f.root.get('not_negating', true), where, 'not_negating', false).map((c) => compilePattern(c).flatMap((t) => (t.kind === 'word' ? [t.norm] : [])));
  const beliefVerbs = stringList(f, f.root.get('belief_verbs', true), where, 'belief_verbs', false).map((c) => compilePattern(c)[0]);
  const neSubjects = stringList(f, f.root.get('ne_subjects', true), where, 'ne_subjects', false).map((c) => compilePattern(c)[0]);
  if (withNe.length > 0 && ne.length === 0) throw new LexiconError(`${where}: "with_ne" needs "ne" (the particle those words pair with)`);
  const windowNode = f.root.get('window', true);
  if (!isScalar(windowNode) || typeof windowNode.value !== 'number' || !Number.isInteger(windowNode.value) || windowNode.value < 1) {
    throw new LexiconError(`${f.rel}:${lineOf(f, windowNode ?? f.root)}: "window" must be a positive integer (tokens to look back)`);
  }
  const norms = (list: (PatternToken | undefined)[]): Set<string> =>
    new Set(list.flatMap((t) => (t !== undefined && t.kind === 'word' ? [t.norm] : [])));
  const info = fileInfo(f, cues.length);
  return {
    rules: {
      cues: norms(cues), barriers: norms(barriers), window: windowNode.value, version: info.version, source: f.rel,
      withNe: norms(withNe), ne: norms(ne), notNegating: notNegating.filter((seq) => seq.length > 1),
      beliefVerbs: norms(beliefVerbs), neSubjects: norms(neSubjects),
    },
    file: info,
  };
}

function headerText(f: YamlFile, key: string, what: string): { value: string; line: number } {
  const node = f.root.get(key, true);
  const line = lineOf(f, node ?? f.root);
  if (node === undefined) throw new LexiconError(`${f.rel}:${line}: a stance file needs "${key}" (${what})`);
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    throw new LexiconError(`${f.rel}:${line}: "${key}" must be a non-empty string (${what})`);
  }
  return { value: node.value.trim(), line };
}

/** The header of a stance file: the category's name, label, colour, description and order. */
function readCategory(f: YamlFile): StanceCategory {
  const name = headerText(f, 'stance', 'the category\'s name, such as "pro_europe"');
  if (!CATEGORY_NAME.test(name.value)) {
    throw new LexiconError(`${f.rel}:${name.line}: stance "${name.value}" must be lower-case letters, digits and "_", starting with a letter ("pro_europe")`);
  }
  const label = headerText(f, 'label', 'a short human name');
  const description = headerText(f, 'description', 'what the category covers');
  // Unquoted, "colour: #0072B2" is a YAML comment and reads as nothing.
  const colourNode = f.root.get('colour', true);
  if (isScalar(colourNode) && colourNode.value === null) {
    throw new LexiconError(`${f.rel}:${lineOf(f, colourNode)}: "colour" is empty: quote it, since YAML reads # as a comment (colour: "#0072B2")`);
  }
  const colour = headerText(f, 'colour', 'the report\'s colour, "#RRGGBB" in quotes');
  if (!CATEGORY_COLOUR.test(colour.value)) throw new LexiconError(`${f.rel}:${colour.line}: colour "${colour.value}" is not "#RRGGBB" (six hexadecimal digits: "#0072B2")`);
  const orderNode = f.root.get('order', true);
  let order: number | undefined;
  if (orderNode !== undefined) {
    if (!isScalar(orderNode) || typeof orderNode.value !== 'number' || !Number.isInteger(orderNode.value) || orderNode.value < 1) {
      throw new LexiconError(`${f.rel}:${lineOf(f, orderNode)}: "order" must be a positive integer (1 comes first)`);
    }
    order = orderNode.value;
  }
  return { name: name.value, label: label.value, colour: colour.value, description: description.value, ...(order === undefined ? {} : { order }), source: `${f.rel}:${name.line}` };
}

/** Every `stances/*.yaml` file of the folder, by file name; at least one. */
function stanceFiles(dir: string): string[] {
  const folder = path.join(dir, 'stances');
  const names = existsSync(folder) && statSync(folder).isDirectory() ? readdirSync(folder).filter((n) => /\.ya?ml$/u.test(n)).sort() : [];
  if (names.length === 0) throw new LexiconError(`stances/: no stance file (expected one .yaml file per stance category in ${folder})`);
  return names.map((n) => `stances/${n}`);
}

/**
 * Load and validate every lexicon of a folder: each `stances/*.yaml` file (one stance category
 * each: see readCategory), `intensifiers.fr.yaml`, `claims.fr.yaml` and `negation.fr.yaml`.
 * Throws LexiconError naming file, line and entry. Intensifiers join the stance lexicon (they
 * modify stance cues), with no stance. `fitted.yaml`, when present, comes last (see loadFitted).
 */
export function loadLexicons(dir: string, options: LoadLexiconOptions = {}): LexiconSet {
  if (!existsSync(dir)) throw new LexiconError(`${dir}: lexicon folder not found`);
  if (!statSync(dir).isDirectory()) throw new LexiconError(`${dir}: expected the lexicon folder, found a file`);
  const negation = loadNegation(dir);
  const files: LexiconFile[] = [negation.file];
  const stanceYaml = stanceFiles(dir).map((rel) => readYaml(dir, rel));
  const read = stanceYaml.map((f) => {
    checkKeys(f, f.root, STANCE_FILE_KEYS, 'stance file');
    return { f, category: readCategory(f) };
  });
  const categories = orderCategories(read.map((r) => r.category), (message) => new LexiconError(message));
  const names = categories.map((c) => c.name);
  const stanceEntries: LexiconEntry[] = [];
  const seen = new Map<string, string>();
  for (const { f, category } of [...read].sort((a, b) => names.indexOf(a.category.name) - names.indexOf(b.category.name))) {
    const entries = readEntries(f, 'stance', category.name, names, negation.rules.cues, seen);
    files.push(fileInfo(f, entries.length));
    stanceEntries.push(...entries);
  }
  const intensifiers = readYaml(dir, 'intensifiers.fr.yaml');
  checkKeys(intensifiers, intensifiers.root, INTENSIFIER_FILE_KEYS, 'intensifiers file');
  const intensifierEntries = readEntries(intensifiers, 'intensifiers', undefined, names, negation.rules.cues, seen);
  files.push(fileInfo(intensifiers, intensifierEntries.length));
  stanceEntries.push(...intensifierEntries);
  const claimsFile = readYaml(dir, 'claims.fr.yaml');
  checkKeys(claimsFile, claimsFile.root, CLAIMS_FILE_KEYS, 'claims file');
  const claimEntries = readEntries(claimsFile, 'claims', undefined, names, negation.rules.cues, new Map());
  for (const e of claimEntries) {
    if (e.label === undefined) throw new LexiconError(`${e.source}: entry "${e.id}": a claim needs a "label"`);
  }
  files.push(fileInfo(claimsFile, claimEntries.length));
  const stances = new Lexicon(stanceEntries, negation.rules);
  const claims = new Lexicon(claimEntries, negation.rules);
  const fitted = options.fitted === false || !existsSync(path.join(dir, FITTED_FILE))
    ? undefined
    : parseFitted(readLexiconText(dir, FITTED_FILE, 'fitted weights file'), { stances, claims }, names, (message) => new LexiconError(message));
  if (fitted !== undefined) files.push(fitted.file);
  const claimConcepts = readConcepts(claimsFile, negation.rules);
  const fittedClaims = options.fitted === false || !existsSync(path.join(dir, FITTED_CLAIMS_FILE))
    ? undefined
    : parseFittedClaims(readLexiconText(dir, FITTED_CLAIMS_FILE, 'fitted claims file'), claims, claimConcepts, (message) => new LexiconError(message));
  if (fittedClaims !== undefined) files.push(fittedClaims.file);
  return {
    categories,
    stances,
    claims,
    claimConcepts,
    files,
    ...(fitted === undefined ? {} : { fitted: fitted.fitted }),
    ...(fittedClaims === undefined ? {} : { fittedClaims: fittedClaims.fitted }),
  };
}

/** The lexicons scored with the fitted weights of `file` (a fitted.yaml kept elsewhere: `evaluate --weights`), in place of the folder's. */
export function withFittedFile(set: LexiconSet, file: string): LexiconSet {
  const text = readLexiconText(path.dirname(file), path.basename(file), 'fitted weights file');
  const { fitted, file: info } = parseFitted(text, set, set.categories.map((c) => c.name), (message) => new LexiconError(message.replace(FITTED_FILE, file)));
  return { ...set, fitted, files: [...set.files.filter((f) => f.path !== FITTED_FILE), { ...info, path: file }] };
}
