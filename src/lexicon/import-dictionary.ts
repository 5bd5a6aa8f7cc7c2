import { parse as parseYaml, stringify } from 'yaml';
import type { StanceCategory } from './stance-category.js';
import { foldForMatching } from '../text/normalise.js';
import { neverMatches } from './load-lexicon.js';
import { UserError } from '../errors.js';

/** Dictionary formats researchers already have. */
export const DICTIONARY_FORMATS = ['liwc', 'quanteda'] as const;
export type DictionaryFormat = (typeof DICTIONARY_FORMATS)[number];

/** A dictionary read from another tool: categories, each with its word patterns. */
export interface ForeignDictionary {
  readonly categories: ReadonlyMap<string, readonly string[]>;
  /** Lines or values that could not be read, with the reason. */
  readonly skipped: readonly string[];
}

/** A problem with the dictionary file itself: the import stops. */
export class DictionaryError extends UserError {
  override readonly name = 'DictionaryError';
}

/**
 * LIWC `.dic`: a header between two `%` lines maps category numbers to names ("1\tposemo"), then
 * one word per line followed by its category numbers ("abandon*\t2 5"). Words may hold spaces
 * (LIWC 2015 phrases) when fields are tab-separated.
 */
export function parseLiwc(text: string, file: string): ForeignDictionary {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const skipped: string[] = [];
  const names = new Map<string, string>();
  const categories = new Map<string, string[]>();
  let section = 0;
  lines.forEach((raw, k) => {
    const line = raw.trim();
    const where = `${file}:${k + 1}`;
    if (line === '') return;
    if (line === '%') {
      section += 1;
      return;
    }
    if (section === 0) throw new DictionaryError(`${where}: a LIWC dictionary starts with a "%" line, then "number<TAB>category" lines, then "%"`);
    if (section === 1) {
      const m = /^(\d+)\s+(.+)$/u.exec(line);
      if (m === null) throw new DictionaryError(`${where}: expected "number<TAB>category name" in the header, got "${line}"`);
      names.set(m[1]!, m[2]!.trim());
      return;
    }
    const fields = raw.includes('\t') ? raw.split('\t').map((f) => f.trim()).filter((f) => f !== '') : line.split(/\s+/u);
    const cats = fields.slice(1);
    const word = fields[0]!;
    if (cats.length === 0 || cats.some((c) => !/^\d+$/u.test(c))) {
      skipped.push(`${where}: "${line}": expected a word followed by category numbers`);
      return;
    }
    for (const c of cats) {
      const name = names.get(c);
      if (name === undefined) {
        skipped.push(`${where}: "${word}": category ${c} is not declared in the header`);
        continue;
      }
      const list = categories.get(name) ?? [];
      list.push(word);
      categories.set(name, list);
    }
  });
  if (section < 2) throw new DictionaryError(`${file}: the header is never closed by a second "%" line`);
  return { categories, skipped };
}

/**
 * quanteda dictionary in YAML: a mapping of categories (nested mappings give "parent.child") to
 * lists of patterns; `*` globs, multi-word values are phrases.
 */
export function parseQuanteda(text: string, file: string): ForeignDictionary {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new DictionaryError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new DictionaryError(`${file}: expected a mapping of categories to lists of patterns`);
  const categories = new Map<string, string[]>();
  const skipped: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      const list = categories.get(path) ?? [];
      for (const v of node) {
        if (typeof v === 'string' && v.trim() !== '') list.push(v.trim());
        else skipped.push(`${file}: category "${path}": value ${JSON.stringify(v)} is not a pattern`);
      }
      categories.set(path, list);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, path === '' ? k : `${path}.${k}`);
    } else if (typeof node === 'string') {
      categories.set(path, [...(categories.get(path) ?? []), node]);
    } else {
      skipped.push(`${file}: category "${path}": ${JSON.stringify(node)} is not a list of patterns`);
    }
  };
  walk(doc, '');
  return { categories, skipped };
}

/** Dotted-kebab id part from a category name: "Argent public" → "argent-public". */
function slug(name: string): string {
  return foldForMatching(name).replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || 'category';
}

/** A sentence made from a pattern, so the imported entry has an example that must be tagged. */
function exampleFor(pattern: string): string {
  return pattern.replace(/\*/gu, '').replace(/\s*(?:…|\.\.\.)\s*/gu, ' ').trim();
}

/** What an import wrote and set aside. */
export interface ImportResult {
  readonly yaml: string;
  readonly entries: number;
  readonly patterns: number;
  readonly skipped: readonly string[];
}

/**
 * Turn a foreign dictionary into a stance lexicon file of ours for one stance category (the file
 * gets the category's header): one entry per dictionary category, id `stance.category`, weight 1. Patterns our matcher cannot honour (a leading `*`, `?`) and
 * patterns already taken by an earlier category are skipped and listed. Each pattern gets a
 * generated example (the pattern itself), flagged in the note for the researcher to replace.
 */
export function toStanceLexicon(dict: ForeignDictionary, category: StanceCategory, sourceName: string, only?: readonly string[]): ImportResult {
  const stance = category.name;
  const skipped = [...dict.skipped];
  const seen = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  let patterns = 0;
  const wanted = only === undefined || only.length === 0 ? undefined : new Set(only);
  for (const [name, words] of dict.categories) {
    if (wanted !== undefined && !wanted.has(name)) continue;
    const match: string[] = [];
    for (const w of words) {
      const never = neverMatches(w);
      if (never !== undefined) {
        skipped.push(`category "${name}": "${w}" skipped: ${never}`);
        continue;
      }
      const key = foldForMatching(w).replace(/\s+/gu, ' ');
      if (seen.has(key)) {
        skipped.push(`category "${name}": "${w}" skipped: already in an earlier category`);
        continue;
      }
      seen.add(key);
      match.push(w);
    }
    if (match.length === 0) continue;
    patterns += match.length;
    entries.push({
      id: `${stance}.${slug(name)}`,
      match,
      weight: 1,
      note: `Imported from ${sourceName}, category "${name}". Examples generated from the patterns: replace them with real sentences.`,
      examples: match.map(exampleFor),
    });
  }
  if (wanted !== undefined) for (const n of wanted) if (!dict.categories.has(n)) skipped.push(`category "${n}" is not in ${sourceName}`);
  const ids = new Set<string>();
  for (const e of entries) {
    let id = e.id as string;
    for (let k = 2; ids.has(id); k += 1) id = `${e.id as string}-${k}`;
    ids.add(id);
    e.id = id;
  }
  const header = `# Imported from ${sourceName} by "controverse lexicon import". Review the entries, write real examples, then run "controverse lexicon check".\n`;
  const { label, colour, description, order } = category;
  const yaml = header + stringify({ version: 1, stance, label, colour, description, ...(order === undefined ? {} : { order }), entries }, { lineWidth: 0, flowCollectionPadding: false });
  return { yaml, entries: entries.length, patterns, skipped };
}

/** Read a dictionary of the given format and turn it into our YAML. */
export function importDictionary(text: string, format: DictionaryFormat, file: string, stance: StanceCategory, only?: readonly string[]): ImportResult {
  const dict = format === 'liwc' ? parseLiwc(text, file) : parseQuanteda(text, file);
  return toStanceLexicon(dict, stance, file, only);
}
