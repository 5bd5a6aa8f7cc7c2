import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { parseFitted, stanceLexiconsHash } from '../lexicon/load-fitted.js';
import type { FittedWeights } from '../stance/fitted-weights.js';
import type { StanceFit } from './fit-stances.js';
import { fittedYaml } from './write-fitted.js';

/**
 * The weights of a fit as `run` would load them from its file (written and read back, rounded the
 * same way), without writing it: for `npm run eval:coded` and the tests that fit in memory.
 */
export function fittedWeightsOf(fits: readonly StanceFit[], lexicons: LexiconSet, goldSha256 = '', goldUnits = 0): FittedWeights {
  const yaml = fittedYaml(fits, { goldSha256, goldUnits, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
  return parseFitted(yaml, lexicons, lexicons.categories.map((c) => c.name), (message) => new Error(message)).fitted;
}
