import { stringify } from 'yaml';
import { FITTED_FORMAT } from '../lexicon/load-fitted.js';
import type { StanceFit } from './fit-stances.js';

/** What the fitted file records about where its weights come from: no date, so the same fit writes the same bytes. */
export interface FitProvenance {
  readonly goldSha256: string;
  readonly goldUnits: number;
  /** The split the weights were fitted on ("dev"), or undefined for the whole gold. */
  readonly split?: string;
  readonly lexiconsSha256: string;
}

/** The fitted weights as the readable YAML of lexicons/fitted.yaml (loaded back by load-fitted.ts). */
export function fittedYaml(fits: readonly StanceFit[], provenance: FitProvenance): string {
  const doc = {
    format: FITTED_FORMAT,
    version: 1,
    description: `Weights fitted by "controverse fit" on ${provenance.goldUnits} coded units${provenance.split === undefined ? '' : ` (split ${provenance.split})`}: per stance, a logistic regression of the coded label on the lexicon score (lexicon_scale), one weight per entry seen in the sample, flags of negated, quoted, ironic or intensified cues, and, where 5-fold cross-validation over pages kept them for the stance (features), one weight per word stem, or pair of adjacent stems ("stem stem"), held by units of at least 3 pages, and one per context feature (the lexicon label of this stance on the page's article body, on the unit just before), L2 penalties chosen by the same cross-validation. A unit's score is the sum of the weights of its counted entries (an entry not listed weighs lexicon_scale × its lexicon weight), times intensity, plus the weights of its flags, plus the weights of its distinct word stems and stem pairs (French Snowball stems of the folded words; one not listed weighs 0) divided by the square root of its number of distinct stems, plus the weights of its context features that hold; the label is set at score >= threshold. Delete this file, or run with --no-fitted, to score with the lexicon weights alone.`,
    gold_sha256: provenance.goldSha256,
    gold_units: provenance.goldUnits,
    ...(provenance.split === undefined ? {} : { gold_split: provenance.split }),
    lexicons_sha256: provenance.lexiconsSha256,
    stances: Object.fromEntries(fits.map((f) => [f.stance, {
      units: f.units, positives: f.positives, regularisation: f.regularisation, cv_f1: f.cvF1,
      intercept: f.intercept, threshold: f.threshold, lexicon_scale: f.lexiconScale, flags: f.flags,
      entries: Object.fromEntries(f.entries),
      ...(f.features.length === 0 ? {} : { features: f.features }),
      ...(f.context === undefined ? {} : { context: f.context }),
      ...(f.wordRegularisation === undefined ? {} : { word_regularisation: f.wordRegularisation, words: Object.fromEntries(f.words) }),
    }])),
  };
  return `# Fitted stance weights (controverse fit). Generated: edit the lexicons and fit again rather than this file.\n${stringify(doc, { lineWidth: 0 })}`;
}
