import { parentPort, workerData } from 'node:worker_threads';
import { findSignedPhrases, type Phrase, type PhraseDelta, type PhraseHistory, type PhraseStats } from '../phrases/find-phrases.js';
import { signedDocumentsOf } from '../store/signed-documents.js';
import { Store } from '../store/store.js';

/** What the phrases worker needs: the store to read, and whether to count from scratch. */
export interface PhrasesJob {
  readonly storeFile: string;
  /** Ignore the store's phrase state (a run with --full). */
  readonly full?: boolean;
}

/** What it answers: the rows of phrases.csv, how the counting went, and the state for the next count. */
export interface PhrasesResult {
  readonly phrases: Phrase[];
  readonly stats: PhraseStats;
  /** The packed phrase state of this count: the main thread stores it. */
  readonly state: Uint8Array;
  /** Whether the count started from the store's phrase state. */
  readonly recounted: boolean;
}

/** The store's phrase state and what changed since: the signatures of documents added, and of those gone (kept for it). */
function historyOf(store: Store): PhraseHistory | undefined {
  const state = store.phraseState();
  if (state === undefined) return undefined;
  const delta = (counted: Uint32Array): PhraseDelta | undefined => {
    const now = store.phraseSerials();
    const before = new Set(counted);
    const current = new Set(now);
    const added = now.filter((s) => !before.has(s)).map((s) => store.signatureOf(s)!);
    const retired: PhraseDelta['retired'][number][] = [];
    for (const s of before) {
      if (current.has(s)) continue;
      const signature = store.retiredSignature(s);
      if (signature === undefined) return undefined; // gone without being kept (a store written by an older version)
      retired.push({ serial: s, signature });
    }
    return { retired, added };
  };
  return { state, delta };
}

// Worker thread: phrase discovery counts from the store's phrase state and the documents added and
// gone since, or, without one, walks the phrase signatures of every document (no text, no
// tokenising); then it reads the text of the few documents that supply the surface forms of the
// rows written. It reads the store through its own connection.
const job = workerData as PhrasesJob;
const store = Store.openReadonly(job.storeFile);

try {
  const since = job.full === true ? undefined : historyOf(store);
  const found = findSignedPhrases(() => signedDocumentsOf(store), since === undefined ? {} : { since });
  const value: PhrasesResult = { phrases: found.phrases, stats: found.stats, state: found.state(), recounted: found.recounted };
  parentPort?.postMessage({ ok: true, value });
} catch (error) {
  const e = error as Error;
  parentPort?.postMessage({ ok: false, message: e.stack ?? e.message });
} finally {
  store.close();
}
