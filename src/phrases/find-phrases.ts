// Phrase discovery: recurring phrases found without a lexicon (phrases.csv). The one entry point of
// src/phrases/; the other files of the folder are its parts, by job: vocabulary (content stems and
// phrase keys), segments (where phrases break, repeated text, surface forms), signature (what is
// kept of each document; pack-signature, its stored form), walk-signatures, count-phrases,
// phrase-rows (the phrases tallied and kept, packed), score-phrases, merge-phrases, variants.
import { readAsFrench } from '../language/lexicon-language.js';
import type { AnalysedDocument } from '../model.js';
import { countSignedPhrases } from './count-phrases.js';
import { mergePhrases } from './merge-phrases.js';
import type { FindPhrasesOptions, Phrase, PhraseStats, PhraseUnit } from './phrase.js';
import { PhraseSigner } from './signature.js';
import type { SignedCorpus, SignedDocument } from './walk-signatures.js';

export { passesFor } from './count-phrases.js';
export { loadPhraseWords, FUNCTION_WORDS_FILE, type PhraseWords } from './load-phrase-words.js';
export * from './phrase.js';
export { PHRASE_MAX_WORDS, PHRASE_MIN_WORDS, REPEATED_SENTENCE_MIN_WORDS } from './segments.js';
export { packSignature, signatureUnpacker, unpackSignature } from './pack-signature.js';
export { DocumentSignatures, PhraseSigner, type SignedUnitInput } from './signature.js';
export type { SignedCorpus, SignedDocument } from './walk-signatures.js';

/** Recurring phrases of signed documents (see PhraseSigner), best first, with how the counting went. */
export function findSignedPhrases(corpus: SignedCorpus, options: Omit<FindPhrasesOptions, 'words'> = {}): { phrases: Phrase[]; stats: PhraseStats } {
  const counted = countSignedPhrases(corpus, options);
  return { phrases: mergePhrases(counted, corpus, options.limit), stats: counted.stats };
}

/** Sign units given document by document (a document's units together). */
function signUnits(units: Iterable<PhraseUnit>, signer: PhraseSigner): SignedDocument[] {
  const groups: PhraseUnit[][] = [];
  for (const u of units) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]!.docId === u.docId) last.push(u);
    else groups.push([u]);
  }
  return groups.map((g) => {
    const texts = new Map(g.map((u) => [u.position, u.text]));
    return { docId: g[0]!.docId, signature: signer.sign(g), unitTexts: () => texts };
  });
}

/** Recurring phrases of units given document by document, best first, with how the counting went. */
export function countPhrases(units: () => Iterable<PhraseUnit>, options: FindPhrasesOptions): { phrases: Phrase[]; stats: PhraseStats } {
  const signed = signUnits(units(), new PhraseSigner(options.words));
  return findSignedPhrases(() => signed, options);
}

/** Recurring phrases, best first: see countSignedPhrases and mergePhrases. */
export function findPhrases(units: () => Iterable<PhraseUnit>, options: FindPhrasesOptions): Phrase[] {
  return countPhrases(units, options).phrases;
}

/** The units of analysed documents, in report order, as phrase discovery reads them. */
export function* phraseUnitsOf(docs: Iterable<AnalysedDocument>): Generator<PhraseUnit> {
  for (const d of docs) {
    for (const { unit, lang } of d.units) {
      // The function words and the stemmer are French: other languages' phrases would be noise.
      if (readAsFrench(lang.code)) yield { docId: d.document.id, position: unit.position, author: unit.author, text: unit.text };
    }
  }
}
