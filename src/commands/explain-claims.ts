import { claimSignals, heldClaims } from '../claims/claim-signals.js';
import { claimScore, hasClaimWords } from '../claims/fitted-claims.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { Token, Unit } from '../model.js';
import { unitWords } from '../stance/unit-words.js';
import { createStemmer } from '../text/stem-fr.js';
import { tokenise } from '../text/tokenise.js';

/** Features shown per claim, strongest first; the rest are summed in one line. */
const SHOWN_PARTS = 8;

const r3 = (x: number): number => Math.round(x * 1000) / 1000 + 0;

/**
 * `explain`'s lines for the fitted claims (fitted-claims.yaml): each claim the file lists, found
 * or not, its score against its threshold and the features that made it, strongest first. `article`:
 * the page's article body, for a model that weighs the article's claims (undefined: taken as holding none).
 */
export function explainFittedClaims(unit: Unit, tokens: readonly Token[], lexicons: LexiconSet, article?: Unit): string[] {
  const fitted = lexicons.fittedClaims;
  if (fitted === undefined) return [];
  const { signals } = claimSignals(unit, tokens, lexicons.claims, lexicons.claimConcepts);
  const words = hasClaimWords(fitted) ? unitWords(tokens, createStemmer()) : undefined;
  const articleClaims = article === undefined ? undefined : heldClaims(claimSignals(article, tokenise(article.text), lexicons.claims, lexicons.claimConcepts).signals);
  const lines = ['', `claims with the fitted models of ${fitted.source} (found at score ≥ each claim's threshold; claims not listed there keep the lexicon's finding; --no-fitted for the lexicon alone):`];
  for (const [claimId, model] of [...fitted.claims].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const { score, parts } = claimScore(model, claimId, signals, words, articleClaims);
    const found = score >= model.threshold;
    lines.push(`  ${claimId}: ${found ? 'found' : 'not found'}, score ${r3(score)} (${found ? '≥' : '<'} ${model.threshold}; intercept ${model.intercept})`);
    for (const p of parts.slice(0, SHOWN_PARTS)) lines.push(`    ${p.weight >= 0 ? '+' : '−'} ${Math.abs(r3(p.weight))} ${p.feature}`);
    const rest = parts.slice(SHOWN_PARTS);
    if (rest.length > 0) lines.push(`    ${rest.reduce((s, p) => s + p.weight, 0) >= 0 ? '+' : '−'} ${Math.abs(r3(rest.reduce((s, p) => s + p.weight, 0)))} ${rest.length} more features`);
  }
  return lines;
}
