import { stringify } from 'yaml';
import { FITTED_CLAIMS_FORMAT } from '../lexicon/load-fitted-claims.js';
import type { ClaimFit, ClaimKept } from './fit-claims.js';
import type { FitProvenance } from './write-fitted.js';

/** The fitted claims as the readable YAML of lexicons/fitted-claims.yaml (loaded back by load-fitted-claims.ts). */
export function fittedClaimsYaml(fits: readonly ClaimFit[], kept: readonly ClaimKept[], minPositives: number, provenance: FitProvenance): string {
  const doc = {
    format: FITTED_CLAIMS_FORMAT,
    version: 1,
    description: `Claims fitted by "controverse fit --claims" on ${provenance.goldUnits} coded units${provenance.split === undefined ? '' : ` (split ${provenance.split})`}: per claim with at least ${minPositives} coded units, a logistic regression of the coded claim on what the claims lexicon found in the unit (lexicon.phrase: one of its phrases, not negated; lexicon.rule: one of its together rules; lexicon.negated: found, but only negated; lexicon.some_slot: a slot of one of its rules filled; lexicon.all_slots: every slot of a rule filled somewhere in the unit; unit.article: the unit is an article body), each concept family present (concept.NAME), where cross-validation over pages kept them (groups) the word stems (French Snowball stems of the folded words held by units of at least 3 pages, each worth 1/sqrt(distinct stems of the unit)) and context.article_claim (the page's article body carries the claim by the lexicon). A unit's score is intercept + the weights of the features that hold; the claim is found when score >= threshold (the logit of the cut that gave the best out-of-fold F1). A claim found by the model where the lexicon has no mention is shown by the concept family, else the word, with the strongest positive weight in the unit (else the whole unit). Claims not listed (lexicon_only: too few coded units, or a model whose out-of-fold F1 was not above the lexicon's) keep the lexicon's finding. Delete this file, or run with --no-fitted, to find claims with the lexicon alone.`,
    gold_sha256: provenance.goldSha256,
    gold_units: provenance.goldUnits,
    ...(provenance.split === undefined ? {} : { gold_split: provenance.split }),
    lexicons_sha256: provenance.lexiconsSha256,
    min_positives: minPositives,
    lexicon_only: Object.fromEntries(kept.map((k) => [k.claimId, k.cvF1 === undefined ? `${k.positives} coded units (fewer than ${minPositives})` : `${k.positives} coded units; out-of-fold F1 ${k.cvF1}, not above the lexicon's ${k.lexiconF1}`])),
    claims: Object.fromEntries(fits.map((f) => [f.claimId, {
      units: f.units, positives: f.positives, regularisation: f.regularisation, ...(f.wordRegularisation === undefined ? {} : { word_regularisation: f.wordRegularisation }),
      cv_f1: f.cvF1, lexicon_f1: f.lexiconF1, groups: f.groups, intercept: f.intercept, threshold: f.threshold,
      features: Object.fromEntries(f.features),
      ...(f.words.length === 0 ? {} : { words: Object.fromEntries(f.words) }),
    }])),
  };
  return `# Fitted claims (controverse fit --claims). Generated: edit the lexicons and fit again rather than this file.\n${stringify(doc, { lineWidth: 0 })}`;
}
