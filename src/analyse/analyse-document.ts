import { unitClaims } from '../claims/unit-claims.js';
import { hasArticleClaims, hasClaimWords } from '../claims/fitted-claims.js';
import type { DocumentSignatures } from '../phrases/find-phrases.js';
import { UNDETERMINED, type LanguageDetector } from '../language/detect-language.js';
import { detectDocumentLanguages } from '../language/detect-document-languages.js';
import { readAsFrench } from '../language/lexicon-language.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { StanceCategory } from '../lexicon/stance-category.js';
import type { AnalysedDocument, AnalysedUnit, Document, StanceVerdict } from '../model.js';
import { lexiconLabels, scoreStances, stanceContexts } from '../stance/score-stances.js';
import { hasBigramWeights, hasContextWeights, hasWordWeights } from '../stance/fitted-weights.js';
import { unitWords } from '../stance/unit-words.js';
import { createStemmer } from '../text/stem-fr.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import type { WordFolder } from '../text/normalise.js';
import { tokenise, tokeniseWithIds } from '../text/tokenise.js';
import type { Vocabulary } from '../text/vocabulary.js';
import type { StageClock } from '../pipeline/stage-times.js';

/** What the per-document stages need, built once per run (or once per worker). */
export interface AnalysisContext {
  readonly detector: LanguageDetector;
  readonly lexicons: LexiconSet;
  /** Folds the words of every unit analysed with this context (a cache: the norms are the same without it). */
  readonly folder?: WordFolder;
  /** When set, every French (or undetermined) unit is added to it, for its document's phrase signature. */
  readonly phrases?: DocumentSignatures;
  /** Folds each distinct word once and gives it an id, which the lexicon matchers index by (same results, faster). */
  readonly vocabulary?: Vocabulary;
  /** When set, the seconds of each stage are added to it (for the benchmark). */
  readonly clock?: StageClock;
  /** Stems words for a fitted word component (createStemmer: a cache); one is made per document when absent. */
  readonly stem?: (word: string) => string;
}

function notAnalysed(lang: string, categories: readonly StanceCategory[]): StanceVerdict[] {
  return categories.map(({ name: stance }) => ({ stance, score: 0, label: 0, hits: 0, evidence: `not tagged: language ${lang}, lexicons are French` }));
}

/** Language, stances and claims of every unit of one document. Pure: same document + context → same result. */
export function analyseDocument(document: Document, context: AnalysisContext): AnalysedDocument {
  const { clock, vocabulary } = context;
  let t = clock?.now() ?? 0;
  const languages = detectDocumentLanguages(document, context.detector);
  // Words are read only when the fitted weights have a word component.
  const stem = hasWordWeights(context.lexicons.fitted) || hasClaimWords(context.lexicons.fittedClaims) ? context.stem ?? createStemmer() : undefined;
  const stanceStem = hasWordWeights(context.lexicons.fitted) ? stem : undefined;
  // Fitted claims may weigh the claims of the page's article body (unit 0), kept as the units go by.
  const articleContext = hasArticleClaims(context.lexicons.fittedClaims);
  let articleClaims: ReadonlySet<string> | undefined;
  const bigrams = hasBigramWeights(context.lexicons.fitted);
  // A fitted context reads the lexicon labels of the article body and of the unit before (as `fit`
  // read them in the coded sample, which has no parent column): kept as the units go by.
  const withContext = hasContextWeights(context.lexicons.fitted);
  let articleLabels: Record<string, 0 | 1> | undefined;
  let previousLabels: Record<string, 0 | 1> | undefined;
  if (clock !== undefined) t = clock.lap('language', t);
  const units: AnalysedUnit[] = document.units.map((unit, i) => {
    // Tokenised once: the same tokens serve stances, claims and phrases.
    const { tokens, ids } = vocabulary === undefined ? { tokens: tokenise(unit.text, context.folder), ids: undefined } : tokeniseWithIds(unit.text, vocabulary);
    if (clock !== undefined) t = clock.lap('tokenise', t);
    const lang = languages.units[i] ?? UNDETERMINED;
    const french = readAsFrench(lang.code);
    if (!french) {
      previousLabels = undefined;
      return { unit, lang, nTokens: tokens.length, stances: notAnalysed(lang.code, context.lexicons.categories), claims: [] };
    }
    const { lexicons } = context;
    // The stance tags read the lexicon's claims; with fitted claims, the reports get the model's.
    const found = unitClaims(unit, tokens, lexicons, { ...(ids === undefined ? {} : { ids }), ...(stem === undefined ? {} : { stem }), ...(i === 0 || articleClaims === undefined ? {} : { articleClaims }) });
    const claims = found.claims;
    if (articleContext && i === 0 && unit.kind === 'article') articleClaims = found.held;
    if (clock !== undefined) t = clock.lap('claims', t);
    const words = stanceStem === undefined ? undefined : unitWords(tokens, stanceStem, { bigrams, text: unit.text });
    const tags = tagUnitStances(unit, tokens, found.lexicon, lexicons, ids);
    let contexts;
    if (withContext) {
      contexts = stanceContexts(lexicons.categories, i === 0 ? undefined : articleLabels, previousLabels);
      previousLabels = lexiconLabels(tags, lexicons.categories);
      if (i === 0 && unit.kind === 'article') articleLabels = previousLabels;
    }
    const stances = scoreStances(unit.text, tags, lexicons.categories, lexicons.fitted, words, contexts);
    if (clock !== undefined) t = clock.lap('stances', t);
    if (context.phrases !== undefined) {
      context.phrases.add(document.id, { position: unit.position, author: unit.author, text: unit.text, tokens, ...(ids === undefined ? {} : { ids }) });
      if (clock !== undefined) t = clock.lap('phrases', t);
    }
    return { unit, lang, nTokens: tokens.length, stances, claims };
  });
  return { document, lang: languages.document, units };
}
