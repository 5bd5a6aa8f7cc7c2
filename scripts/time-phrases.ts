/**
 * Phrase discovery alone, on one thread, over the phrase signatures of a run's store: what the
 * phrases worker does, without the analysis workers and the other reports beside it. Prints the
 * time, the phrases written, the passes and the process's peak resident memory.
 *
 *   node --import tsx scripts/time-phrases.ts OUT/controverse.sqlite
 *
 * OUT is the output folder of a run, e.g. /tmp/bench200/out-2 after `npm run bench -- --mb 200 --dir /tmp/bench200`.
 */
import { findSignedPhrases, passesFor } from '../src/phrases/find-phrases.js';
import { signedDocumentsOf } from '../src/store/signed-documents.js';
import { Store } from '../src/store/store.js';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: time-phrases.ts STORE_FILE');
const store = Store.openReadonly(file);
const words = store.phraseSignatureWords();
const started = Date.now();
const { phrases, stats } = findSignedPhrases(() => signedDocumentsOf(store), { passes: passesFor(words) });
console.log(`phrases: ${((Date.now() - started) / 1000).toFixed(1)} s, ${phrases.length} rows, ${stats.passes} passes over ${(words / 1e6).toFixed(1)} M signature words, ${stats.trackedPeak} phrases tallied at most, peak ${process.resourceUsage().maxRSS >> 10} MB resident`);
store.close();
