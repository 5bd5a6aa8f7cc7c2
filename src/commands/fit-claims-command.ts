import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { codedSha256 } from '../evaluate/read-coded.js';
import { CLAIM_FIT_FEATURES, fitClaims, MIN_CLAIM_POSITIVES, type ClaimFitFeature } from '../fit/fit-claims.js';
import { fittedClaimsYaml } from '../fit/write-fitted-claims.js';
import { stanceLexiconsHash } from '../lexicon/load-fitted.js';
import { FITTED_CLAIMS_FILE } from '../lexicon/load-fitted-claims.js';
import { UserError } from '../errors.js';
import { readFitSample, type FitSampleFlags } from './fit-sample.js';

const f2 = (x: number): string => x.toFixed(2);

/** What `fit --claims` reads of fit's flags; `features` undefined when not given (both groups are then offered). */
export interface FitClaimsFlags extends FitSampleFlags {
  readonly words: boolean;
  readonly features?: string;
}

/** `controverse fit --gold coded.tsv --claims`: learn each claim's model from hand-coded units into the lexicon folder's fitted-claims.yaml. */
export function fitClaimsCommand(flags: FitClaimsFlags): void {
  const listed = flags.features === undefined ? [...CLAIM_FIT_FEATURES] : flags.features.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const unknown = listed.filter((f) => !(CLAIM_FIT_FEATURES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UserError(`--features: "${unknown[0]}" is not a feature group of the claims fit`, `with --claims, expected a comma-separated list of ${CLAIM_FIT_FEATURES.join(', ')}`);
  const features = (flags.words ? listed : listed.filter((f) => f !== 'words')) as ClaimFitFeature[];
  // The fit reads the lexicon's own findings, never an earlier fit's.
  const { dir, lexicons, gold, units } = readFitSample(flags, 'fitted claims');
  const { fits, kept } = fitClaims(units, lexicons, { features });
  const yaml = fittedClaimsYaml(fits, kept, MIN_CLAIM_POSITIVES, { goldSha256: codedSha256(gold), goldUnits: units.length, split: flags.split, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
  const output = flags.output === undefined ? path.join(dir, FITTED_CLAIMS_FILE) : path.resolve(flags.output);
  writeFileSync(output, yaml);
  const lines = [
    `claims fitted on ${units.length} units, ${new Set(units.map((u) => u.docId)).size} pages${flags.split === undefined ? '' : ` (split ${flags.split})`} → ${path.relative(process.cwd(), output) || output}`,
    `  ${'claim'.padEnd(32)} pos  penalty  words (penalty)  groups          F1 lexicon  F1 fitted (out-of-fold)`,
    ...fits.map((f) => `  ${f.claimId.padEnd(32)} ${String(f.positives).padStart(3)} ${String(f.regularisation).padStart(8)} ${(f.wordRegularisation === undefined ? 'none' : `${f.words.length} (${f.wordRegularisation})`).padStart(16)}  ${(f.groups.join(',') || '-').padEnd(14)} ${f2(f.lexiconF1).padStart(10)} ${f2(f.cvF1).padStart(24)}`),
    ...kept.map((k) => `  ${k.claimId.padEnd(32)} ${String(k.positives).padStart(3)}  lexicon alone: ${k.cvF1 === undefined ? `fewer than ${MIN_CLAIM_POSITIVES} coded units` : `out-of-fold F1 ${f2(k.cvF1)}, not above the lexicon's ${f2(k.lexiconF1 ?? 0)}`}`),
    'The out-of-fold F1 is measured on pages each fold did not see; report figures on a split the fit never saw (controverse evaluate --split test).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
