/**
 * Phrase discovery's second pass alone, on one thread, over the documents of a run's store: pass 1
 * is counted first (not timed), then pass 2 of one partition is timed. Isolates the counting code
 * from what a real run does beside it (analysis workers, the other reports). Prints both times,
 * what pass 2 kept and the process's peak resident memory.
 *
 *   node --import tsx scripts/time-phrase-pass2.ts OUT/controverse.sqlite [partition]
 *
 * OUT is the output folder of a run, e.g. /tmp/bench200/out-2 after `npm run bench -- --mb 200 --dir /tmp/bench200`.
 */
import path from 'node:path';
import { countPhrasePartitions, loadPhraseWords, phraseUnitsOf } from '../src/phrases/find-phrases.js';
import type { AnalysedDocument } from '../src/model.js';
import { Store } from '../src/store/store.js';

const [file, partitionArg = '0'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: time-phrase-pass2.ts STORE_FILE [partition]');
const store = Store.openReadonly(file);
function* documents(): Generator<AnalysedDocument> {
  for (const json of store.analyses()) yield JSON.parse(json) as AnalysedDocument;
}
const options = { words: loadPhraseWords(path.resolve('lexicons')) };

let started = Date.now();
const pass1 = countPhrasePartitions(() => phraseUnitsOf(documents()), options, []);
console.log(`pass 1: ${((Date.now() - started) / 1000).toFixed(1)} s`);
started = Date.now();
const pass2 = countPhrasePartitions(() => phraseUnitsOf(documents()), options, [Number(partitionArg)], pass1.sketch);
console.log(`pass 2, partition ${partitionArg}: ${((Date.now() - started) / 1000).toFixed(1)} s, ${pass2.kept.length} phrases kept, floor ${pass2.stats.floor}, peak ${process.resourceUsage().maxRSS >> 10} MB resident`);
store.close();
