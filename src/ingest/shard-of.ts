import { createHash } from 'node:crypto';
import type { Shard } from '../options.js';
import { listCorpus, type CorpusFile } from './list-corpus.js';

/** The partition (1..count) a corpus file belongs to: from its path only, so every shard agrees. */
export function shardOf(file: string, count: number): number {
  return (createHash('sha256').update(file).digest().readUInt32BE(0) % count) + 1;
}

/** The corpus files of a run: all of them, or one shard's. */
export function filesOfRun(inputs: readonly string[], shard: Shard | undefined): CorpusFile[] {
  const files = listCorpus(inputs);
  return shard === undefined ? files : files.filter((f) => shardOf(f.relative, shard.count) === shard.index);
}
