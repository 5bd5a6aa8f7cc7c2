import { parentPort, workerData } from 'node:worker_threads';
import { countPhrasePartitions, loadPhraseWords, type PartitionCount, phraseUnitsOf } from '../phrases/find-phrases.js';
import type { AnalysedDocument } from '../model.js';
import { Store } from '../store/store.js';

/** What a phrases worker needs: the store to read and the phrase partitions to count. */
export interface PhrasesJob {
  readonly storeFile: string;
  /** Where function-words.fr.yaml is (already validated by the main thread). */
  readonly lexiconDir: string;
  readonly partitions: readonly number[];
  /** Pass 1 made by the analysis workers (tables in shared memory), or undefined: this thread makes it. */
  readonly sketch?: readonly Uint16Array[];
}

// Worker thread: phrase discovery reads every unit of the corpus (twice), so it runs beside the main
// thread's other reports, one thread per share of the phrase partitions. It reads the store through
// its own connection and answers with the phrases its partitions kept.
const job = workerData as PhrasesJob;
const store = Store.openReadonly(job.storeFile);

function* documents(): Generator<AnalysedDocument> {
  for (const json of store.analyses()) yield JSON.parse(json) as AnalysedDocument;
}

try {
  const counted: PartitionCount = countPhrasePartitions(() => phraseUnitsOf(documents()), { words: loadPhraseWords(job.lexiconDir) }, job.partitions, job.sketch);
  parentPort?.postMessage({ ok: true, value: counted });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({ ok: false, message: e.stack ?? e.message });
} finally {
  store.close();
}
