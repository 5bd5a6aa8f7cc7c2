import { foldForMatching, WORD_FOLDER_MAX_WORDS } from './normalise.js';

/** A word as written, with its matching form and the id of that form. */
export interface VocabularyWord {
  /** foldForMatching of the word. */
  readonly norm: string;
  /** Id of `norm` in its vocabulary: words that fold alike ("État", "ETAT", "etat") share it. */
  readonly id: number;
}

/**
 * The words met by one analysis context, each folded once and given a small integer id for its
 * folded form, so that later stages (the lexicon matchers) look words up by index instead of
 * hashing the same strings again. Bounded like WordFolder: past `maxWords` written forms the
 * memory starts afresh and `generation` changes, which tells whoever keeps tables by id to drop them.
 */
export class Vocabulary {
  private readonly words = new Map<string, VocabularyWord>();
  private readonly ids = new Map<string, number>();
  private currentGeneration = 0;

  /** `maxWords`: written forms remembered; past it the memory starts afresh. */
  constructor(private readonly maxWords: number = WORD_FOLDER_MAX_WORDS) {}

  /** Changes whenever ids are handed out afresh: an id means the same word within one generation only. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Distinct folded forms with an id now: every id is below it. */
  get size(): number {
    return this.ids.size;
  }

  /** The word as written → its folded form and id (same norm as foldForMatching). */
  word(surface: string): VocabularyWord {
    let w = this.words.get(surface);
    if (w === undefined) {
      if (this.words.size >= this.maxWords) {
        this.words.clear();
        this.ids.clear();
        this.currentGeneration += 1;
      }
      const norm = foldForMatching(surface);
      let id = this.ids.get(norm);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(norm, id);
      }
      w = { norm, id };
      this.words.set(surface, w);
    }
    return w;
  }
}

/** The ids of a text's tokens (parallel to the tokens), with the vocabulary and generation they belong to. */
export interface TokenIds {
  readonly vocabulary: Vocabulary;
  readonly generation: number;
  readonly ids: Int32Array;
}
