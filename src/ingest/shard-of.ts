import { createHash } from 'node:crypto';
import type { Shard } from '../options.js';
import type { Diagnostic } from '../model.js';
import { corpusDocIds, type FileDocId } from './document-ids.js';
import { type CorpusFile, type ListingOptions, readCorpusListing } from './list-corpus.js';

/** A corpus file of a run, with its document id. */
export type RunFile = CorpusFile & FileDocId;

/** The partition (1..count) a corpus file belongs to: from its path only, so every shard agrees. */
export function shardOf(file: string, count: number): number {
  return (createHash('sha256').update(file).digest().readUInt32BE(0) % count) + 1;
}

/**
 * The corpus files of a run (all of them, or one shard's) with their document ids, formed over the
 * whole corpus so that every shard agrees, and the listing's rows about what it skipped.
 */
export function filesOfRun(inputs: readonly string[], shard: Shard | undefined, listing: ListingOptions = {}): { files: RunFile[]; skipped: Diagnostic[] } {
  const { files, diagnostics } = readCorpusListing(inputs, listing);
  const ids = corpusDocIds(files.map((f) => f.relative));
  const withIds = files.map((f) => ({ ...f, ...ids.get(f.relative)! }));
  return { files: shard === undefined ? withIds : withIds.filter((f) => shardOf(f.relative, shard.count) === shard.index), skipped: diagnostics };
}
