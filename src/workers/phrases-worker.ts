import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysedDocument } from '../model.js';
import { loadPhraseWords } from '../claims/load-phrase-words.js';
import { writePhrasesReport } from '../run.js';
import { Store } from '../store/store.js';

/** What the phrases worker needs: the store to read and the file to write. */
export interface PhrasesJob {
  readonly storeFile: string;
  readonly target: string;
  readonly spreadsheet: boolean;
  /** Where function-words.fr.yaml is (already validated by the main thread). */
  readonly lexiconDir: string;
}

// Worker thread: phrase discovery reads every unit of the corpus (twice), so it runs beside the main
// thread's other reports instead of after them. It reads the store through its own connection.
const job = workerData as PhrasesJob;
const store = Store.openReadonly(job.storeFile);

function* documents(): Generator<AnalysedDocument> {
  for (const json of store.analyses()) yield JSON.parse(json) as AnalysedDocument;
}

try {
  const outcome = writePhrasesReport(job.target, documents, { spreadsheet: job.spreadsheet }, loadPhraseWords(job.lexiconDir));
  parentPort?.postMessage({ ok: true, value: outcome });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({ ok: false, message: e.stack ?? e.message });
} finally {
  store.close();
}
