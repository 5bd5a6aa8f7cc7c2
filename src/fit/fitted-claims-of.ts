import type { FittedClaims } from '../claims/fitted-claims.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { stanceLexiconsHash } from '../lexicon/load-fitted.js';
import { parseFittedClaims } from '../lexicon/load-fitted-claims.js';
import { MIN_CLAIM_POSITIVES, type ClaimFit, type ClaimKept } from './fit-claims.js';
import { fittedClaimsYaml } from './write-fitted-claims.js';

/** The fitted claims as `run` would load them from their file (written and read back, rounded the same way), without writing it: for the dev script and the tests. */
export function fittedClaimsOf(fits: readonly ClaimFit[], kept: readonly ClaimKept[], lexicons: LexiconSet, minPositives = MIN_CLAIM_POSITIVES): FittedClaims {
  const yaml = fittedClaimsYaml(fits, kept, minPositives, { goldSha256: '', goldUnits: 0, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
  return parseFittedClaims(yaml, lexicons.claims, lexicons.claimConcepts, (message) => new Error(message)).fitted;
}
