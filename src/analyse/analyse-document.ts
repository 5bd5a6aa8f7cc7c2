import { findClaims } from '../claims/find-claims.js';
import type { DocumentSignatures } from '../phrases/find-phrases.js';
import { UNDETERMINED, type LanguageDetector } from '../language/detect-language.js';
import { detectDocumentLanguages } from '../language/detect-document-languages.js';
import { readAsFrench } from '../language/lexicon-language.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { StanceCategory } from '../lexicon/stance-category.js';
import type { AnalysedDocument, AnalysedUnit, Document, StanceVerdict } from '../model.js';
import { scoreStances } from '../stance/score-stances.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import type { WordFolder } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';

/** What the per-document stages need, built once per run (or once per worker). */
export interface AnalysisContext {
  readonly detector: LanguageDetector;
  readonly lexicons: LexiconSet;
  /** Folds the words of every unit analysed with this context (a cache: the norms are the same without it). */
  readonly folder?: WordFolder;
  /** When set, every French (or undetermined) unit is added to it, for its document's phrase signature. */
  readonly phrases?: DocumentSignatures;
}

function notAnalysed(lang: string, categories: readonly StanceCategory[]): StanceVerdict[] {
  return categories.map(({ name: stance }) => ({ stance, score: 0, label: 0, hits: 0, evidence: `not tagged: language ${lang}, lexicons are French` }));
}

/** Language, stances and claims of every unit of one document. Pure: same document + context → same result. */
export function analyseDocument(document: Document, context: AnalysisContext): AnalysedDocument {
  const languages = detectDocumentLanguages(document, context.detector);
  const units: AnalysedUnit[] = document.units.map((unit, i) => {
    const tokens = tokenise(unit.text, context.folder);
    const lang = languages.units[i] ?? UNDETERMINED;
    const french = readAsFrench(lang.code);
    const { lexicons } = context;
    const claims = french ? findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts) : [];
    const stances = french ? scoreStances(unit.text, tagUnitStances(unit, tokens, claims, lexicons), lexicons.categories, lexicons.fitted) : notAnalysed(lang.code, lexicons.categories);
    if (french) context.phrases?.add(document.id, { position: unit.position, author: unit.author, text: unit.text, tokens });
    return { unit, lang, nTokens: tokens.length, stances, claims };
  });
  return { document, lang: languages.document, units };
}
