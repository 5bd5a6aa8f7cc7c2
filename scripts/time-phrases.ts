/**
 * Phrase discovery alone, on one thread, over the phrase signatures of a run's store: what the
 * phrases worker does, without the analysis workers and the other reports beside it. Prints the
 * time, the phrases written, the passes and the process's peak resident memory; the heap after the
 * count (with the bytes of the kept phrases) and after the merge; and a digest of the rows, to
 * compare two versions of the code on one store.
 *
 *   node --import tsx scripts/time-phrases.ts OUT/controverse.sqlite
 *
 * OUT is the output folder of a run, e.g. /tmp/bench200/out-2 after `npm run bench -- --mb 200 --dir /tmp/bench200`.
 */
import { createHash } from 'node:crypto';
import { countSignedPhrases } from '../src/phrases/count-phrases.js';
import { mergePhrases } from '../src/phrases/merge-phrases.js';
import { signedDocumentsOf } from '../src/store/signed-documents.js';
import { Store } from '../src/store/store.js';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: time-phrases.ts STORE_FILE');
const store = Store.openReadonly(file);
const words = store.phraseSignatureWords();
const corpus = (): ReturnType<typeof signedDocumentsOf> => signedDocumentsOf(store);
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const started = Date.now();
const counted = countSignedPhrases(corpus);
const counting = (Date.now() - started) / 1000;
const afterCount = process.memoryUsage();
const phrases = mergePhrases(counted, corpus);
const { stats } = counted;
const afterMerge = process.memoryUsage();
console.log(`phrases: ${((Date.now() - started) / 1000).toFixed(1)} s (count ${counting.toFixed(1)} s), ${phrases.length} rows, ${stats.passes} passes over ${(words / 1e6).toFixed(1)} M signature words, ${stats.trackedPeak} phrases tallied at most, peak ${process.resourceUsage().maxRSS >> 10} MB resident`);
console.log(`after the count: ${counted.kept.length} phrases kept in ${mb(counted.kept.bytes)}, heap ${mb(afterCount.heapUsed)}, array buffers ${mb(afterCount.arrayBuffers)}, resident ${mb(afterCount.rss)}; after the merge: heap ${mb(afterMerge.heapUsed)}, resident ${mb(afterMerge.rss)}`);
console.log(`rows digest: ${createHash('sha256').update(JSON.stringify(phrases)).digest('hex').slice(0, 16)}`);
store.close();
