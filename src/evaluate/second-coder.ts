import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { formatAgreement, measureAgreement, pairCodings } from './agreement.js';
import { ci, f2, predictCoded, scoreCoded, type CodedEvaluation } from './evaluate-coded.js';
import { readCodedUnits } from './read-coded.js';

/**
 * `evaluate --gold A --second-coder B`: how far two coders of the same units agree, and the tool
 * against each of them on those units, so that a figure against one coder is read against the
 * coders' own agreement (the ceiling no instrument scored on one coder can pass by more than noise).
 */


function toolRow(name: string, e: CodedEvaluation): string {
  const perStance = e.stances.map((s) => `${s.stance} ${f2(s.f1)}`).join(', ');
  return `  ${name.padEnd(24)} macro-F1 ${f2(e.macroF1)} ${ci(e.macroInterval)} (${perStance}); claims P ${f2(e.claims.precision)} R ${f2(e.claims.recall)} F1 ${f2(e.claims.f1)}`;
}

/** The agreement table, then the tool's figures against each coder on the units both coded. */
export function secondCoderReport(goldPath: string, secondPath: string, lexicons: LexiconSet, pages?: ReadonlySet<string>): string[] {
  const stances = lexicons.categories.map((c) => c.name);
  const { pairs, onlyFirst, onlySecond } = pairCodings(readCodedUnits(goldPath, stances, pages), readCodedUnits(secondPath, stances, pages));
  const firsts = pairs.map((p) => p.first);
  const seconds = pairs.map((p) => p.second);
  const predictions = predictCoded(firsts, lexicons);
  const lines = [
    ...formatAgreement(`Agreement between the two coders (1st ${goldPath}, 2nd ${secondPath})`, measureAgreement(pairs, stances)),
    `  units coded by one coder only (left out): 1st ${onlyFirst}, 2nd ${onlySecond}`,
    '',
    'The tool on the same units, against each coder:',
    toolRow('against the 1st coder', scoreCoded(firsts, predictions, stances)),
    toolRow('against the 2nd coder', scoreCoded(seconds, predictions, stances)),
  ];
  return lines;
}
