import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { lexiconDataOf, runLexiconsOf, type LexiconData } from './lexicon-data.js';
import type { LoadLexiconOptions } from './load-lexicon.js';
import { loadRunLexicons, type RunLexicons } from './run-lexicons.js';

/**
 * The lexicons of a run, read and checked once, kept in the store so that the next run on the same
 * folder skips the YAML parsing and the checks (most of a thread's start, on a rerun): `key` is
 * lexiconCacheKey's, `data` the LexiconData (v8 serialised, brotli'd, base64).
 */
export interface CachedLexicons {
  readonly key: string;
  readonly data: string;
}

/** Changes the key of every cache written before it, when what is cached changes form. */
const CACHE_FORMAT = 'lexicon-data-1';

/** Past this many bytes in the folder, no key is made: hashing it would cost more than the cache saves. */
const MAX_KEYED_BYTES = 64 * 1024 * 1024;

/** Every regular file of `dir` (links followed), by name, dot files included. */
function filesOf(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isFile()).sort();
}

/**
 * What the lexicons of `dir` are read from, hashed: the bytes of every file at the folder's top and
 * in its `stances/` folder (a superset of the files the loaders read: a file added, removed or
 * edited there changes the key), whether fitted weights are used, this code (`codeHash`: every file
 * of the pipeline, the tool's version with it) and node's version (v8's serialisation). Undefined
 * when the folder cannot be listed or is too large to hash: the folder is then read as always.
 */
export function lexiconCacheKey(dir: string, options: LoadLexiconOptions, codeHash: string): string | undefined {
  try {
    const stances = path.join(dir, 'stances');
    let stancesListed: string[] = [];
    try {
      if (statSync(stances).isDirectory()) stancesListed = filesOf(stances).map((name) => `stances/${name}`);
    } catch {
      // no stances folder: the loader says so
    }
    const rels = [...filesOf(dir), ...stancesListed];
    const bytes = rels.reduce((n, rel) => n + statSync(path.join(dir, rel)).size, 0);
    if (bytes > MAX_KEYED_BYTES) return undefined;
    const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${codeHash}\0${process.version}\0${options.fitted !== false}\0`);
    for (const rel of rels) hash.update(`${rel}\0${createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex')}\0`);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** The lexicons in the form CachedLexicons.data keeps. */
export function packLexicons(lexicons: RunLexicons): string {
  const bytes = v8.serialize(lexiconDataOf(lexicons));
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).toString('base64');
}

/** The lexicons packLexicons kept, compiled. */
export function unpackLexicons(data: string): RunLexicons {
  return runLexiconsOf(v8.deserialize(brotliDecompressSync(Buffer.from(data, 'base64'))) as LexiconData);
}

/**
 * The lexicons of `dir`: those of `cached` when its key is the folder's (no file parsed), else read
 * and checked from the folder (a LexiconError as always), with `store` the cache to keep for the
 * next run (absent on a hit, or when the folder has no key).
 */
export function loadRunLexiconsCached(
  dir: string, options: LoadLexiconOptions, codeHash: string, cached: CachedLexicons | undefined,
): { readonly lexicons: RunLexicons; readonly store?: CachedLexicons } {
  const key = lexiconCacheKey(dir, options, codeHash);
  if (key !== undefined && cached?.key === key) {
    try {
      return { lexicons: unpackLexicons(cached.data) };
    } catch {
      // a cache that cannot be read is a miss
    }
  }
  const lexicons = loadRunLexicons(dir, options);
  // A file edited while it was read is not cached under either version's key.
  return key === undefined || lexiconCacheKey(dir, options, codeHash) !== key ? { lexicons } : { lexicons, store: { key, data: packLexicons(lexicons) } };
}
