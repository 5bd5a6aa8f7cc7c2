import type { Diagnostic } from '../model.js';
import { docIdFor } from './ingest-file.js';

/** A corpus file's document id and, when it had to differ from the usual one, the warning that says so. */
export interface FileDocId {
  readonly docId: string;
  readonly collision?: Diagnostic;
}

const withExtension = (file: string): string => file.replace(/[%#]/gu, (c) => (c === '%' ? '%25' : '%23'));

/**
 * The document id of every corpus file (the base of `path#record` ids for files of records), unique
 * whatever the names. The rule: the corpus-relative path without its extension, `%` and `#` written
 * `%25` and `%23` (so "x#1.txt" is `x%231`, never record 1 of "x.jsonl"); when two files would share
 * that id ("page.txt" and "page.html"), each keeps its extension (`page.txt`, `page.html`) and gets a
 * warning row; should that still collide, `~2`, `~3`… in path order. An id depends only on the names
 * in the corpus, not on the order files are read in, so every shard of a corpus agrees.
 */
export function corpusDocIds(files: readonly string[]): Map<string, FileDocId> {
  const usual = new Map(files.map((f) => [f, docIdFor(f)]));
  const holders = new Map<string, number>();
  for (const id of usual.values()) holders.set(id, (holders.get(id) ?? 0) + 1);
  const widened = files.map((f) => ((holders.get(usual.get(f)!) ?? 0) > 1 ? withExtension(f) : usual.get(f)!));
  // What still collides ("a.txt" kept whole meeting the id of "a.txt.json"): numbered in path order.
  const all = new Set(widened);
  const ids = new Map<string, string>();
  const assigned = new Set<string>();
  [...files.keys()].sort((a, b) => (files[a]! < files[b]! ? -1 : 1)).forEach((i) => {
    let id = widened[i]!;
    if (assigned.has(id)) {
      const base = id;
      for (let n = 2; all.has(id) || assigned.has(id); n += 1) id = `${base}~${n}`;
    }
    assigned.add(id);
    ids.set(files[i]!, id);
  });
  const result = new Map<string, FileDocId>();
  for (const [file, docId] of ids) {
    result.set(file, usual.get(file) === docId ? { docId } : {
      docId,
      collision: { level: 'warning', code: 'document-id-collision', file, docId, message: `another corpus file would also have the document id "${usual.get(file)}": this file's documents are ${docId}` },
    });
  }
  return result;
}
