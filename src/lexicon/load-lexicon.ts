import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { STANCES, type Stance } from '../model.js';
import { tokenise } from '../text/tokenise.js';
import { Lexicon, type LexiconEntry, type NegationRules, type PatternToken } from './lexicon.js';

/** A configuration problem: names file, line and entry, and stops the run before any work. */
export class LexiconError extends Error {
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
  readonly stances: Lexicon;
  readonly claims: Lexicon;
  readonly files: readonly LexiconFile[];
}

/** Gap "…" or "..." in a pattern: up to this many words between its neighbours. */
export const GAP_MAX_WORDS = 4;

const ENTRY_KEYS = new Set(['id', 'match', 'weight', 'note', 'examples', 'counter', 'label', 'definition']);
const STANCE_FILE_KEYS = new Set(['version', 'stance', 'description', 'entries']);
const CLAIMS_FILE_KEYS = new Set(['version', 'description', 'entries']);
const NEGATION_FILE_KEYS = new Set(['version', 'description', 'cues', 'window', 'barriers']);

interface YamlFile {
  readonly rel: string;
  readonly text: string;
  readonly root: YAMLMap;
  readonly lines: LineCounter;
}

function readYaml(dir: string, rel: string): YamlFile {
  const file = path.join(dir, rel);
  if (!existsSync(file)) throw new LexiconError(`${rel}: missing lexicon file (expected in ${dir})`);
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const line = lines.linePos(firstError.pos[0]).line;
    throw new LexiconError(`${rel}:${line}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
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

function stringList(f: YamlFile, node: unknown, where: string, key: string, required: boolean): string[] {
  if (node === undefined || node === null) {
    if (required) throw new LexiconError(`${where}: "${key}" is required (a list of strings)`);
    return [];
  }
  if (!isSeq(node)) throw new LexiconError(`${where}: "${key}" must be a list of strings`);
  return node.items.map((item) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
      throw new LexiconError(`${f.rel}:${lineOf(f, item as Node)}: "${key}" holds a value that is not a non-empty string`);
    }
    return item.value;
  });
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

function readEntries(f: YamlFile, stance: Stance | undefined, negationCues: ReadonlySet<string>, seen: Map<string, string>): LexiconEntry[] {
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
    const examples = stringList(f, item.get('examples', true), where, 'examples', true);
    if (examples.length === 0) throw new LexiconError(`${where}: "examples" needs at least one sentence that must be tagged`);
    const counter = stringList(f, item.get('counter', true), where, 'counter', false);
    const weightNode = item.get('weight', true);
    let weight = 1;
    if (weightNode !== undefined) {
      if (!isScalar(weightNode) || typeof weightNode.value !== 'number' || !Number.isFinite(weightNode.value)) {
        throw new LexiconError(`${where}: weight "${isScalar(weightNode) ? String(weightNode.value) : '?'}" is not a number`);
      }
      weight = weightNode.value;
    }
    const optionalText = (key: string): string | undefined => {
      const n = item.get(key, true);
      if (n === undefined) return undefined;
      if (!isScalar(n) || typeof n.value !== 'string') throw new LexiconError(`${where}: "${key}" must be a string`);
      return n.value;
    };
    const patterns = match.map((m) => {
      const p = compilePattern(m);
      if (p.length === 0 || p.every((t) => t.kind === 'gap')) throw new LexiconError(`${where}: match "${m}" has no word and can never match`);
      if (p[0]!.kind === 'gap' || p[p.length - 1]!.kind === 'gap') throw new LexiconError(`${where}: match "${m}" cannot start or end with a gap`);
      const key = patternKey(p);
      const other = seen.get(key);
      if (other !== undefined) throw new LexiconError(`${where}: match "${m}" duplicates ${other}`);
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
    });
  }
  return entries;
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
  const windowNode = f.root.get('window', true);
  if (!isScalar(windowNode) || typeof windowNode.value !== 'number' || !Number.isInteger(windowNode.value) || windowNode.value < 1) {
    throw new LexiconError(`${f.rel}:${lineOf(f, windowNode ?? f.root)}: "window" must be a positive integer (tokens to look back)`);
  }
  const norms = (list: (PatternToken | undefined)[]): Set<string> =>
    new Set(list.flatMap((t) => (t !== undefined && t.kind === 'word' ? [t.norm] : [])));
  const info = fileInfo(f, cues.length);
  return {
    rules: { cues: norms(cues), barriers: norms(barriers), window: windowNode.value, version: info.version, source: f.rel },
    file: info,
  };
}

/**
 * Load and validate every lexicon of a folder: `stances/{trust_state,sceptical,sovereigntist}.fr.yaml`,
 * `claims.fr.yaml` and `negation.fr.yaml`. Throws LexiconError naming file, line and entry.
 */
export function loadLexicons(dir: string): LexiconSet {
  if (!existsSync(dir)) throw new LexiconError(`${dir}: lexicon folder not found`);
  const negation = loadNegation(dir);
  const files: LexiconFile[] = [negation.file];
  const stanceEntries: LexiconEntry[] = [];
  const seen = new Map<string, string>();
  for (const stance of STANCES) {
    const f = readYaml(dir, `stances/${stance}.fr.yaml`);
    checkKeys(f, f.root, STANCE_FILE_KEYS, 'stance file');
    const declared = f.root.get('stance');
    if (declared !== undefined && declared !== stance) {
      throw new LexiconError(`${f.rel}:1: "stance" says "${String(declared)}" but the file is for "${stance}"`);
    }
    const entries = readEntries(f, stance, negation.rules.cues, seen);
    files.push(fileInfo(f, entries.length));
    stanceEntries.push(...entries);
  }
  const claimsFile = readYaml(dir, 'claims.fr.yaml');
  checkKeys(claimsFile, claimsFile.root, CLAIMS_FILE_KEYS, 'claims file');
  const claimEntries = readEntries(claimsFile, undefined, negation.rules.cues, new Map());
  for (const e of claimEntries) {
    if (e.label === undefined) throw new LexiconError(`${e.source}: entry "${e.id}": a claim needs a "label"`);
  }
  files.push(fileInfo(claimsFile, claimEntries.length));
  return {
    stances: new Lexicon(stanceEntries, negation.rules),
    claims: new Lexicon(claimEntries, negation.rules),
    files,
  };
}
