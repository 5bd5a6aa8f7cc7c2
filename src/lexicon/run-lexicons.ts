import { loadPhraseWords, type PhraseWords } from '../phrases/find-phrases.js';
import { loadLexicons, type LexiconFile, type LexiconSet, type LoadLexiconOptions } from './load-lexicon.js';

/** Every lexicon a run reads: stances, claims, negation (LexiconSet) and phrase discovery's word lists. */
export interface RunLexicons {
  readonly set: LexiconSet;
  readonly phraseWords: PhraseWords;
  /** Every file, as the manifest and the cache keys record them. */
  readonly files: readonly LexiconFile[];
}

/** Load and validate every lexicon of the folder, before any work (LexiconError on a problem). */
export function loadRunLexicons(dir: string, options: LoadLexiconOptions = {}): RunLexicons {
  const set = loadLexicons(dir, options);
  const phraseWords = loadPhraseWords(dir);
  return { set, phraseWords, files: [...set.files, phraseWords.file] };
}
