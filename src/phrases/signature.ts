import type { Token } from '../model.js';
import { WordFolder } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import type { TokenIds } from '../text/vocabulary.js';
import { hashString } from './hashes.js';
import type { PhraseWords } from './load-phrase-words.js';
import { GAP_NONE, GAP_SENTENCE_END, gapBefore, hashNorms, REPEATED_SENTENCE_MIN_WORDS } from './segments.js';
import { Vocabulary } from './vocabulary.js';

/**
 * A document's phrase signature: what phrase discovery needs of it, without its text. Made once,
 * when the document is analysed, and kept in the store, so that counting the phrases of a corpus
 * reads these (a few bytes per word) instead of tokenising every unit again. Layout, 32-bit words:
 *
 *   nStems, (k1, k2) × nStems                     the stem keys of the document's content words
 *   nUnits, then per unit:
 *     position, signed, a1, a2                    voice: the author's hash when signed
 *     nTokens, u1, u2                             tokens, and their hash (whole-unit repeats)
 *     nCodes, codes…                              one code per token, markers before tokens
 *
 * Codes: FUNCTION_WORD; PHRASE_BREAK before a token; SENTENCE_END before a token (or after the
 * last), followed by the ended sentence's hash when it has REPEATED_SENTENCE_MIN_WORDS tokens or
 * more; FIRST_STEM + i for a content word of stem i.
 */
export const FUNCTION_WORD = 0;
export const PHRASE_BREAK = 1;
export const SENTENCE_END = 2;
export const FIRST_STEM = 3;

/** A unit to sign: its position in its document, its author, its text and (when known) its tokens. */
export interface SignedUnitInput {
  readonly position: number;
  readonly author?: string;
  readonly text: string;
  readonly tokens?: readonly Token[];
  /** The tokens' ids (tokeniseWithIds), when the caller has them: the same signature, with one lookup per distinct word. */
  readonly ids?: TokenIds;
}

/** A unit's named author, folded so that "Marie" and "marie " are one voice; undefined when unsigned. */
function authorOf(author: string | undefined): string | undefined {
  const a = author?.trim().toLowerCase();
  return a ? a : undefined;
}

/** Makes the signatures of documents; holds the stem vocabulary (a cache) from one document to the next. */
export class PhraseSigner {
  private readonly vocab: Vocabulary;
  private readonly folder = new WordFolder();
  /** By a token id of `idsOf`: 0 when not looked up yet, else 2 + the word's id in `vocab` (which is -1 for a function word). */
  private stemById = new Int32Array(1024);
  private idsOf: { readonly vocabulary: TokenIds['vocabulary']; readonly generation: number } | undefined;
  constructor(words: PhraseWords) {
    this.vocab = new Vocabulary(words);
  }

  /** vocab.idOf of token `k`, looked up once per token id (the ids of one analysis vocabulary and generation at a time). */
  private idAt(tokens: readonly Token[], k: number, ids: TokenIds | undefined): number {
    if (ids === undefined) return this.vocab.idOf(tokens[k]!.norm);
    if (this.idsOf === undefined || this.idsOf.vocabulary !== ids.vocabulary || this.idsOf.generation !== ids.generation) {
      this.idsOf = { vocabulary: ids.vocabulary, generation: ids.generation };
      this.stemById.fill(0);
    }
    const id = ids.ids[k]!;
    if (id >= this.stemById.length) {
      const grown = new Int32Array(Math.max(id + 1, 2 * this.stemById.length));
      grown.set(this.stemById);
      this.stemById = grown;
    }
    let known = this.stemById[id]!;
    if (known === 0) {
      known = 2 + this.vocab.idOf(tokens[k]!.norm);
      this.stemById[id] = known;
    }
    return known - 2;
  }

  /** The signature of one document's units (those phrase discovery reads: French or undetermined). */
  sign(units: Iterable<SignedUnitInput>): Uint32Array {
    const local = new Map<number, number>();
    const stems: number[] = [];
    const body: number[] = [];
    let nUnits = 0;
    for (const u of units) {
      nUnits += 1;
      const tokens = u.tokens ?? tokenise(u.text, this.folder);
      const n = tokens.length;
      const author = authorOf(u.author);
      const [a1, a2] = author === undefined ? [0, 0] : hashString(`a:${author}`);
      const [u1, u2] = n >= REPEATED_SENTENCE_MIN_WORDS ? hashNorms(tokens, 0, n) : [0, 0];
      body.push(u.position, author === undefined ? 0 : 1, a1, a2, n, u1, (u2 ^ 0x5bd1e995) >>> 0);
      const countAt = body.length;
      body.push(0);
      let sentenceStart = 0;
      const endSentence = (k: number): void => {
        body.push(SENTENCE_END);
        if (k - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) body.push(...hashNorms(tokens, sentenceStart, k));
        sentenceStart = k;
      };
      for (let k = 0; k < n; k += 1) {
        if (k > 0) {
          const gap = gapBefore(u.text, tokens, k);
          if (gap === GAP_SENTENCE_END) endSentence(k);
          else if (gap !== GAP_NONE) body.push(PHRASE_BREAK);
        }
        const id = this.idAt(tokens, k, u.tokens === undefined ? undefined : u.ids);
        if (id < 0) {
          body.push(FUNCTION_WORD);
          continue;
        }
        let i = local.get(id);
        if (i === undefined) {
          i = local.size;
          local.set(id, i);
          stems.push(this.vocab.keys1[id]!, this.vocab.keys2[id]!);
        }
        body.push(FIRST_STEM + i);
      }
      if (n - sentenceStart >= REPEATED_SENTENCE_MIN_WORDS) endSentence(n);
      body[countAt] = body.length - countAt - 1;
    }
    const signature = new Uint32Array(2 + stems.length + body.length);
    signature[0] = stems.length / 2;
    signature.set(stems, 1);
    signature[1 + stems.length] = nUnits;
    signature.set(body, 2 + stems.length);
    return signature;
  }
}

/**
 * The units of the documents being analysed, collected as the analysis tokenises them, until each
 * document's signature is taken (once the document is analysed).
 */
export class DocumentSignatures {
  private readonly signer: PhraseSigner;
  private readonly pending = new Map<string, SignedUnitInput[]>();
  constructor(words: PhraseWords) {
    this.signer = new PhraseSigner(words);
  }
  /** Add a unit phrase discovery reads (French or undetermined) of document `docId`. */
  add(docId: string, unit: SignedUnitInput): void {
    const units = this.pending.get(docId);
    if (units === undefined) this.pending.set(docId, [unit]);
    else units.push(unit);
  }
  /** The signature of document `docId` (of no unit when none was added), forgetting its units. */
  take(docId: string): Uint32Array {
    const units = this.pending.get(docId) ?? [];
    this.pending.delete(docId);
    return this.signer.sign(units);
  }
}
