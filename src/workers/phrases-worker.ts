import { parentPort, workerData } from 'node:worker_threads';
import { findSignedPhrases, passesFor, type Phrase, type PhraseStats } from '../phrases/find-phrases.js';
import { signedDocumentsOf } from '../store/signed-documents.js';
import { Store } from '../store/store.js';

/** What the phrases worker needs: the store to read. */
export interface PhrasesJob {
  readonly storeFile: string;
}

/** What it answers: the rows of phrases.csv and how the counting went. */
export interface PhrasesResult {
  readonly phrases: Phrase[];
  readonly stats: PhraseStats;
}

// Worker thread: phrase discovery walks the phrase signatures of every document of the store (no
// text, no tokenising), then reads the text of the few documents that supply the surface forms of
// the rows written. It reads the store through its own connection.
const job = workerData as PhrasesJob;
const store = Store.openReadonly(job.storeFile);

try {
  const found: PhrasesResult = findSignedPhrases(() => signedDocumentsOf(store), { passes: passesFor(store.phraseSignatureWords()) });
  parentPort?.postMessage({ ok: true, value: found });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({ ok: false, message: e.stack ?? e.message });
} finally {
  store.close();
}
