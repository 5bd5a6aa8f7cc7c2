import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { LexiconError, type LexiconFile, readLexiconText } from '../lexicon/load-lexicon.js';
import { parseLexiconYaml } from '../lexicon/parse-lexicon-yaml.js';
import { foldForMatching } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';

/** The word lists phrase discovery needs, folded like tokens (`Token.norm`). */
export interface PhraseWords {
  /** Function words: never the first or last word of a phrase, left out of its key. */
  readonly functionWords: ReadonlySet<string>;
  /** Word → group key ("millions" → "#amount"): grouped words count as one in a phrase key. */
  readonly groups: ReadonlyMap<string, string>;
  readonly file: LexiconFile;
}

/** File name of the function-word list inside the lexicon folder. */
export const FUNCTION_WORDS_FILE = 'function-words.fr.yaml';

const FILE_KEYS = new Set(['version', 'description', 'words', 'groups']);

/**
 * Load `function-words.fr.yaml` from a lexicon folder, once per run. Throws LexiconError naming
 * file and line on a missing file, an unknown key, a duplicate or an entry that is not one word.
 */
export function loadPhraseWords(dir: string): PhraseWords {
  const rel = FUNCTION_WORDS_FILE;
  const text = readLexiconText(dir, rel, 'function-word list');
  const lines = new LineCounter();
  const { doc, error } = parseLexiconYaml(text, lines);
  const lineOf = (node: unknown): number => lines.linePos((node as Node | undefined)?.range?.[0] ?? 0).line;
  if (error !== undefined) throw new LexiconError(`${rel}:${lines.linePos(error.offset).line}: invalid YAML: ${error.message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) throw new LexiconError(`${rel}:1: expected a mapping with "version", "words" and "groups"`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!FILE_KEYS.has(key)) throw new LexiconError(`${rel}:${lineOf(pair.key)}: unknown key "${key}" (expected one of ${[...FILE_KEYS].join(', ')})`);
  }
  const v = root.get('version', true);
  if (!isScalar(v) || typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1) {
    throw new LexiconError(`${rel}:${lineOf(v ?? root)}: "version" must be a positive integer`);
  }
  const seen = new Map<string, number>();
  const oneWord = (item: unknown, what: string): string => {
    const line = lineOf(item);
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') throw new LexiconError(`${rel}:${line}: ${what} holds a value that is not a word`);
    const tokens = tokenise(item.value);
    if (tokens.length !== 1) throw new LexiconError(`${rel}:${line}: "${item.value}" is not one word (it tokenises as ${tokens.length})`);
    // tokenise drops a trailing apostrophe ("l'" → "l"); elided clitics are tokens "l'" in text.
    const norm = foldForMatching(item.value.trim());
    const other = seen.get(norm);
    if (other !== undefined) throw new LexiconError(`${rel}:${line}: "${item.value}" duplicates line ${other}`);
    seen.set(norm, line);
    return norm;
  };
  const words = root.get('words', true);
  if (!isSeq(words) || words.items.length === 0) throw new LexiconError(`${rel}:${lineOf(words ?? root)}: "words" must be a non-empty list of words`);
  const functionWords = new Set(words.items.map((item) => oneWord(item, '"words"')));
  const groups = new Map<string, string>();
  const groupsNode = root.get('groups', true);
  if (groupsNode !== undefined) {
    if (!isMap(groupsNode)) throw new LexiconError(`${rel}:${lineOf(groupsNode)}: "groups" must map a group name to a list of words`);
    for (const pair of groupsNode.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!/^[a-z_]+$/u.test(name)) throw new LexiconError(`${rel}:${lineOf(pair.key)}: group name "${name}" must be lower-case letters and _`);
      if (!isSeq(pair.value)) throw new LexiconError(`${rel}:${lineOf(pair.key)}: group "${name}" must be a list of words`);
      for (const item of pair.value.items) groups.set(oneWord(item, `group "${name}"`), `#${name}`);
    }
  }
  return {
    functionWords, groups,
    file: { path: rel, sha256: createHash('sha256').update(text).digest('hex'), version: v.value, entries: functionWords.size + groups.size },
  };
}
