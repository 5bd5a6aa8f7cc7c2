import type { SignedDocument } from '../phrases/find-phrases.js';
import type { Store } from './store.js';

/**
 * The store's documents as phrase discovery reads them, in report order: the phrase signature of
 * each, and its units' texts read from the stored analysis only when asked for.
 */
export function* signedDocumentsOf(store: Store): Generator<SignedDocument> {
  for (const { path, ord, docId, serial, signature } of store.phraseSignatures()) {
    const unitTexts = (): ReadonlyMap<number, string> => {
      const doc = store.analysisOf(path, ord);
      return new Map(doc.units.map(({ unit }) => [unit.position, unit.text]));
    };
    yield { docId, serial, signature, unitTexts };
  }
}
