import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import type { Stance } from '../model.js';
import { CONTEXT, FLAGS, type ContextFeature, type FittedStance, type FittedWeights, type Flag } from '../stance/fitted-weights.js';
import type { Lexicon } from './lexicon.js';

/** A lexicon file as the manifest records it (LexiconFile of load-lexicon). */
interface FileInfo { readonly path: string; readonly sha256: string; readonly version: number; readonly entries: number }

/** How a problem is thrown: as a LexiconError, by the loader that reads the folder. */
type Fail = (message: string) => Error;

/** The fitted weights' file in a lexicon folder, written by `controverse fit`. */
export const FITTED_FILE = 'fitted.yaml';
/** Format of the fitted file; a reader refuses another. */
export const FITTED_FORMAT = 1;

const TOP_KEYS = new Set(['version', 'format', 'description', 'gold_sha256', 'gold_units', 'gold_split', 'lexicons_sha256', 'stances']);
const STANCE_KEYS = new Set(['intercept', 'threshold', 'lexicon_scale', 'flags', 'entries', 'cv_f1', 'units', 'positives', 'regularisation', 'word_regularisation', 'words', 'features', 'context']);

/** Hash of the lexicon files a fit depends on: every stance file, the claims (their `also` adds stance tags), intensifiers, negation. */
export function stanceLexiconsHash(files: readonly FileInfo[]): string {
  const hash = createHash('sha256');
  const scoring = (p: string): boolean => p.startsWith('stances/') || p === 'claims.fr.yaml' || p === 'intensifiers.fr.yaml' || p === 'negation.fr.yaml';
  for (const f of files.filter((x) => scoring(x.path)).sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${f.path}\0${f.sha256}\0`);
  return hash.digest('hex');
}

function finite(v: unknown, where: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(`${where} must be a number`);
  return v;
}

/** The lexicons whose entries a fitted file may weigh. */
export interface FittedCues {
  readonly stances: Lexicon;
  readonly claims: Lexicon;
}

function readStance(rel: string, stance: string, node: unknown, cues: FittedCues, fail: Fail): FittedStance {
  const where = `${rel}: stances.${stance}`;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw fail(`${where}: expected a mapping`);
  const m = node as Record<string, unknown>;
  for (const k of Object.keys(m)) if (!STANCE_KEYS.has(k)) throw fail(`${where}: unknown key "${k}" (expected one of ${[...STANCE_KEYS].join(', ')})`);
  const threshold = finite(m.threshold, `${where}.threshold`, fail);
  // A threshold at or below 0 would label every unit, also those with no cue at all.
  if (threshold <= 0) throw fail(`${where}.threshold must be above 0`);
  const flagsNode = (m.flags ?? {}) as Record<string, unknown>;
  const flags = {} as Record<Flag, number>;
  for (const k of Object.keys(flagsNode)) if (!(FLAGS as readonly string[]).includes(k)) throw fail(`${where}.flags: unknown flag "${k}" (expected ${FLAGS.join(', ')})`);
  for (const f of FLAGS) flags[f] = flagsNode[f] === undefined ? 0 : finite(flagsNode[f], `${where}.flags.${f}`, fail);
  const entries = new Map<string, number>();
  for (const [id, w] of Object.entries((m.entries ?? {}) as Record<string, unknown>)) {
    // A stance cue, or a claim whose `also` makes its mentions tags of this stance.
    const entry = cues.stances.byId.get(id) ?? cues.claims.byId.get(id);
    if (entry === undefined || (entry.stance !== stance && !(entry.also ?? []).includes(stance) && entry.whenNegated !== stance)) {
      throw fail(`${where}.entries: "${id}" is not an entry of stance ${stance} in the lexicons; run "controverse fit" again, or delete ${rel}`);
    }
    entries.set(id, finite(w, `${where}.entries.${id}`, fail));
  }
  // The word component: a stem (lower case, no accents, no space) or a pair of stems (one space), and its weight.
  const words = new Map<string, number>();
  for (const [word, w] of Object.entries((m.words ?? {}) as Record<string, unknown>)) {
    if (!/^[\p{Ll}\p{N}'’-]+( [\p{Ll}\p{N}'’-]+)?$/u.test(word)) throw fail(`${where}.words: "${word}" is not a word stem or a pair of stems (folded letters, digits, hyphens; one space in a pair)`);
    words.set(word, finite(w, `${where}.words.${word}`, fail));
  }
  // `features` only records what cross-validation kept: the weights below are what scores.
  if (m.features !== undefined && (!Array.isArray(m.features) || m.features.some((x) => typeof x !== 'string'))) throw fail(`${where}.features must be a list of feature groups`);
  const contextNode = (m.context ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(contextNode)) if (!(CONTEXT as readonly string[]).includes(k)) throw fail(`${where}.context: unknown context "${k}" (expected ${CONTEXT.join(', ')})`);
  const context = {} as Record<ContextFeature, number>;
  for (const c of CONTEXT) context[c] = contextNode[c] === undefined ? 0 : finite(contextNode[c], `${where}.context.${c}`, fail);
  return { intercept: finite(m.intercept, `${where}.intercept`, fail), threshold, lexiconScale: finite(m.lexicon_scale, `${where}.lexicon_scale`, fail), flags, entries, words, context };
}

/**
 * Parse the fitted weights (the text of FITTED_FILE). Refuses a file of another format, a stance
 * that is not a category, or an entry the lexicons do not have: stale weights would silently score
 * something else.
 */
export function parseFitted(text: string, cues: FittedCues, categories: readonly Stance[], fail: Fail): { fitted: FittedWeights; file: FileInfo } {
  let root: unknown;
  try {
    root = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw fail(`${FITTED_FILE}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw fail(`${FITTED_FILE}: expected a mapping with "format" and "stances"`);
  const r = root as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!TOP_KEYS.has(k)) throw fail(`${FITTED_FILE}: unknown key "${k}" (expected one of ${[...TOP_KEYS].join(', ')})`);
  if (r.format !== FITTED_FORMAT) throw fail(`${FITTED_FILE}: "format" must be ${FITTED_FORMAT} (this version of controverse reads that format)`);
  const version = r.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw fail(`${FITTED_FILE}: "version" must be a positive integer`);
  const byStance = new Map<Stance, FittedStance>();
  for (const [stance, node] of Object.entries((r.stances ?? {}) as Record<string, unknown>)) {
    if (!categories.includes(stance)) throw fail(`${FITTED_FILE}: stances.${stance} is not a stance category (${categories.join(', ')})`);
    byStance.set(stance, readStance(FITTED_FILE, stance, node, cues, fail));
  }
  const fitted: FittedWeights = {
    version, source: FITTED_FILE, goldSha256: String(r.gold_sha256 ?? ''), ...(typeof r.gold_split === 'string' ? { goldSplit: r.gold_split } : {}), lexiconsSha256: String(r.lexicons_sha256 ?? ''), stances: byStance,
  };
  const entries = [...byStance.values()].reduce((n, s) => n + s.entries.size + s.words.size, 0);
  return { fitted, file: { path: FITTED_FILE, sha256: createHash('sha256').update(text).digest('hex'), version, entries } };
}
