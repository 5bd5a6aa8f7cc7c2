import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { loadRunLexicons } from '../lexicon/run-lexicons.js';
import type { RunOptions } from '../options.js';
import { writeReports } from '../report/write-reports.js';
import { analysisKey, pipelineHash } from '../store/analysis-key.js';
import { openOutput } from '../store/open-output.js';
import { STORE_FILE, Store } from '../store/store.js';
import type { RunChanges, RunSummary } from './run-summary.js';

/** A shard folder that cannot be merged: a usage error (exit 2), raised before any work. */
export class MergeError extends UserError {
  override readonly name = 'MergeError';
}

/** What `controverse merge` needs: the shards' output folders and where the merged reports go. */
export interface MergeOptions extends Omit<RunOptions, 'inputs' | 'workers' | 'full' | 'shard'> {
  readonly shardDirs: readonly string[];
}

function readShard(dir: string, key: string): { file: string; shard: string; corpus: readonly string[] } {
  const file = path.join(dir, STORE_FILE);
  if (!existsSync(file)) throw new MergeError(`${dir}: no ${STORE_FILE} (not the output folder of a "controverse run --shard")`);
  const store = Store.openReadonly(file);
  try {
    const shard = store.getMeta('shard');
    if (shard === undefined) throw new MergeError(`${dir}: this store was not made by a run with --shard K/N`);
    if (store.getMeta('analysis_key') !== key) {
      throw new MergeError(`${dir}: shard ${shard} was analysed with another controverse version, lexicons, language detector or --fields than given here`);
    }
    return { file, shard, corpus: JSON.parse(store.getMeta('corpus') ?? '[]') as string[] };
  } finally {
    store.close();
  }
}

/**
 * Combine the stores of every shard of an array job into the output folder's store and write the
 * reports, as one run over the whole corpus would have. Every shard 1..N must be there, once.
 */
export async function mergeShards(options: MergeOptions): Promise<RunSummary> {
  const started = new Date();
  const lexicons = loadRunLexicons(options.lexiconDir, { fitted: options.fitted });
  const codeHash = pipelineHash();
  // The same key as the shards' runs: --fields changes which documents a file reads into.
  const key = analysisKey({ pipeline: codeHash, lexicons: lexicons.files, langDetector: options.langDetector, fields: options.fields });
  const shards = options.shardDirs.map((d) => readShard(d, key));
  const count = Number(shards[0]?.shard.split('/')[1] ?? 0);
  const seen = new Set(shards.map((s) => s.shard));
  if (seen.size !== shards.length) throw new MergeError('the same shard is given twice');
  const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((s) => !seen.has(s));
  if (missing.length > 0 || shards.some((s) => !s.shard.endsWith(`/${count}`))) {
    throw new MergeError(`shards do not form one complete job: have ${[...seen].sort().join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`);
  }
  const output = openOutput(options.outDir);
  try {
    const { store } = output;
    const before = store.files();
    store.clear();
    for (const s of shards) {
      try {
        store.copyFrom(s.file);
      } catch (error) {
        throw new MergeError(`shard ${s.shard} (${s.file}) overlaps another shard: ${(error as Error).message}`);
      }
    }
    const after = store.files();
    const changes: RunChanges = {
      full: false,
      added: [...after.keys()].filter((p) => !before.has(p)).sort(),
      changed: [...after.entries()].filter(([p, f]) => before.has(p) && before.get(p)!.sha256 !== f.sha256).map(([p]) => p).sort(),
      removed: [...before.keys()].filter((p) => !after.has(p)).sort(),
      reanalysed: 0,
      reused: [...after.entries()].filter(([p, f]) => before.get(p)?.sha256 === f.sha256).length,
    };
    store.setMeta('analysis_key', key);
    store.deleteMeta('shard');
    const inputs = shards[0]?.corpus ?? [];
    store.setMeta('corpus', JSON.stringify(inputs));
    return await writeReports(store, { lexicons, options: { ...options, inputs }, started, analysisKey: key, codeHash, changes, analysisSeconds: 0, files: after });
  } finally {
    output.close();
  }
}

