import { filesOfRun } from './ingest/shard-of.js';
import { loadRunLexiconsCached } from './lexicon/lexicon-cache.js';
import type { RunOptions } from './options.js';
import { activeSecondsSince, writeStageTimes } from './pipeline/stage-times.js';
import type { RunProgress, RunSummary } from './pipeline/run-summary.js';
import { writeReports } from './report/write-reports.js';
import { analysisKey, pipelineHash } from './store/analysis-key.js';
import { openOutput } from './store/open-output.js';
import { peekLexiconCache } from './store/peek-lexicon-cache.js';
import { updateStore } from './store/update-store.js';

/**
 * The whole pipeline: load lexicons (from the store when their folder is as the last run read it)
 * and list the corpus (configuration errors throw before any work), take the output folder's lock,
 * bring the store up to date (only new or changed files are analysed, on worker threads), then
 * rebuild the reports from the store.
 */
export async function run(options: RunOptions, onProgress?: (p: RunProgress) => void): Promise<RunSummary> {
  const started = new Date();
  const codeHash = pipelineHash();
  // Read and checked from the folder, or taken from the store when the folder is as the last run read it.
  const cachedLexicons = options.rebuildStore === true ? undefined : peekLexiconCache(options.outDir);
  const { lexicons, store: lexiconsToCache } = loadRunLexiconsCached(options.lexiconDir, { fitted: options.fitted }, codeHash, cachedLexicons);
  const { files, skipped } = filesOfRun(options.inputs, options.shard, { outDir: options.outDir, followLinks: options.followLinks });
  const key = analysisKey({ pipeline: codeHash, lexicons: lexicons.files, langDetector: options.langDetector, fields: options.fields });
  const output = openOutput(options.outDir, { rebuild: options.rebuildStore, repair: options.full });
  try {
    const { store } = output;
    if (lexiconsToCache !== undefined) store.setLexiconCache(lexiconsToCache);
    store.setListingDiagnostics(skipped);
    const analysisStarted = Date.now();
    const mainThreadActive = options.stageTimes === undefined ? undefined : activeSecondsSince();
    // A phrase state is of no use when every document is analysed again: keep no signature for it.
    if (options.full === true || store.getMeta('analysis_key') !== key) store.dropPhraseState();
    const { changes, files: stored } = await updateStore(store, files, key, options, onProgress, lexicons);
    const analysisSeconds = (Date.now() - analysisStarted) / 1000;
    if (options.stageTimes !== undefined && mainThreadActive !== undefined) writeStageTimes(options.stageTimes, 'main', { store: mainThreadActive() });
    store.setMeta('analysis_key', key);
    store.setMeta('corpus', JSON.stringify(options.inputs));
    if (options.shard === undefined) store.deleteMeta('shard');
    else store.setMeta('shard', `${options.shard.index}/${options.shard.count}`);
    const summary = await writeReports(store, { lexicons, options, started, analysisKey: key, codeHash, changes, analysisSeconds, files: stored });
    return output.rebuiltFrom === undefined ? summary : { ...summary, storeRebuiltFrom: output.rebuiltFrom };
  } finally {
    output.close();
  }
}

