// Phrase discovery: recurring phrases found without a lexicon (phrases.csv). The one entry point of
// src/phrases/; the other files of the folder are its parts, by job: vocabulary (content stems and
// phrase keys), segments (where phrases break, repeated text, surface forms), signature (what is
// kept of each document; pack-signature, its stored form), walk-signatures, count-phrases,
// tally-phrases, phrase-rows (the phrases tallied and kept, packed), phrase-state and
// recount-phrases (a rerun's count from the last one's state), score-phrases, merge-phrases, variants.
import { readAsFrench } from '../language/lexicon-language.js';
import type { AnalysedDocument } from '../model.js';
import { countSignedPhrases } from './count-phrases.js';
import { mergePhrasesAndForms } from './merge-phrases.js';
import type { FindPhrasesOptions, Phrase, PhraseStats, PhraseUnit } from './phrase.js';
import { PhraseSigner } from './signature.js';
import { packPhraseState, unpackPhraseState } from './phrase-state.js';
import { recountSignedPhrases, type PhraseDelta } from './recount-phrases.js';
import type { SignedCorpus, SignedDocument } from './walk-signatures.js';

export { loadPhraseWords, FUNCTION_WORDS_FILE, type PhraseWords } from './load-phrase-words.js';
export * from './phrase.js';
export { PHRASE_MAX_WORDS, PHRASE_MIN_WORDS, REPEATED_SENTENCE_MIN_WORDS } from './segments.js';
export { packSignature, signatureUnpacker, unpackSignature } from './pack-signature.js';
export { DocumentSignatures, PhraseSigner, type SignedUnitInput } from './signature.js';
export type { PhraseDelta } from './recount-phrases.js';
export type { SignedCorpus, SignedDocument } from './walk-signatures.js';

/** Where a count can start from: the state the last one left (packed) and what changed since. */
export interface PhraseHistory {
  readonly state: Uint8Array;
  /** The signatures retired and added since the state, given the serials it counted; undefined when they cannot all be had. */
  readonly delta: (counted: Uint32Array) => PhraseDelta | undefined;
}

/** What findSignedPhrases gives. */
export interface FoundPhrases {
  readonly phrases: Phrase[];
  readonly stats: PhraseStats;
  /** Whether the count started from the history given (else it counted from scratch). */
  readonly recounted: boolean;
  /** The state this count leaves for the next one, packed. */
  readonly state: () => Uint8Array;
}

/**
 * Recurring phrases of signed documents (see PhraseSigner), best first, with how the counting went:
 * from `since` (recountSignedPhrases) when it can be used, else from scratch (countSignedPhrases).
 * The same phrases either way.
 */
export function findSignedPhrases(corpus: SignedCorpus, options: Omit<FindPhrasesOptions, 'words'> & { readonly since?: PhraseHistory } = {}): FoundPhrases {
  const recounted = options.since === undefined ? undefined : recount(corpus, options.since, options);
  const counted = recounted ?? countSignedPhrases(corpus, options);
  const { phrases, forms } = mergePhrasesAndForms(counted, corpus, options.limit, counted.knownForms);
  return { phrases, stats: counted.stats, recounted: recounted !== undefined, state: () => packPhraseState({ ...counted.state, variants: forms }) };
}

/** recountSignedPhrases from a packed state; the state read is let go on return (a hundred MB at 200 MB of corpus). */
function recount(corpus: SignedCorpus, since: PhraseHistory, options: Omit<FindPhrasesOptions, 'words'>): ReturnType<typeof recountSignedPhrases> {
  const previous = unpackPhraseState(since.state);
  const delta = previous === undefined ? undefined : since.delta(previous.serials);
  return delta === undefined ? undefined : recountSignedPhrases(corpus, previous!, delta, options);
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
  const { phrases, stats } = findSignedPhrases(() => signed, options);
  return { phrases, stats };
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
