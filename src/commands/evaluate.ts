import path from 'node:path';
import type { Command } from 'commander';
import { loadLexicons, withFittedFile } from '../lexicon/load-lexicon.js';
import { alignUnits, docIdOfFile, evaluateStances, type Evaluation, type PredictedUnit } from '../stance/evaluate-stances.js';
import { plainCountLabels, plainCountLexicon } from '../stance/plain-count.js';
import { readDocumentFiles, readGold, readPredictions } from '../stance/read-run-output.js';
import { DEFAULTS } from '../options.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';
import { evaluateCoded, f2, formatCodedEvaluation, hasTextColumn, macroDifference } from '../evaluate/evaluate-coded.js';
import { codedSha256, readSplit } from '../evaluate/read-coded.js';
import { secondCoderReport } from '../evaluate/second-coder.js';
import { FITTED_FILE, stanceLexiconsHash } from '../lexicon/load-fitted.js';
import { UserError } from '../errors.js';
import { claimsDifference } from '../evaluate/claims-difference.js';
import { FITTED_CLAIMS_FILE } from '../lexicon/load-fitted-claims.js';

function table(title: string, e: Evaluation): string[] {
  const lines = [title, `  ${'stance'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp  fp  fn  tn`];
  for (const s of e.scores) {
    lines.push(`  ${s.stance.padEnd(14)} ${f2(s.precision).padStart(5)} ${f2(s.recall).padStart(5)} ${f2(s.f1).padStart(5)}  ${[s.tp, s.fp, s.fn, s.tn].map((n) => String(n).padStart(3)).join(' ')}`);
  }
  lines.push(`  ${'macro-F1'.padEnd(14)} ${''.padStart(5)} ${''.padStart(5)} ${f2(e.macroF1).padStart(5)}`);
  return lines;
}

/** The figures of a gold whose units carry their text: with fitted weights, the lexicon weights and the fitted ones side by side. */
function evaluateCodedGold(flags: { gold: string; lexicons?: string; splitFile?: string; split?: string; weights?: string; fitted: boolean; secondCoder?: string }): string[] {
  if ((flags.splitFile === undefined) !== (flags.split === undefined)) throw new UserError('--split-file and --split go together', 'e.g. --split-file eval/stances/split.tsv --split dev');
  const dir = chooseLexiconDir(flags.lexicons, process.cwd()).dir;
  const loaded = loadLexicons(dir, { fitted: flags.fitted && flags.weights === undefined });
  const lexicons = flags.weights === undefined ? loaded : withFittedFile(loaded, path.resolve(flags.weights));
  const gold = path.resolve(flags.gold);
  const split = flags.splitFile === undefined ? undefined : { file: path.resolve(flags.splitFile), name: flags.split! };
  const title = `${flags.gold}${split === undefined ? '' : ` (split ${split.name})`}`;
  if (flags.secondCoder !== undefined) return secondCoderReport(flags.gold, flags.secondCoder, lexicons, split === undefined ? undefined : readSplit(split.file, split.name));
  const fitted = lexicons.fitted;
  const fittedClaims = lexicons.fittedClaims;
  const plain = evaluateCoded(gold, { ...lexicons, fitted: undefined, fittedClaims: undefined }, split);
  if (fitted === undefined && fittedClaims === undefined) return formatCodedEvaluation(title, plain.evaluation);
  const withWeights = evaluateCoded(gold, lexicons, split);
  // Fitted claims (fitted-claims.yaml): the claims line of the second table is the models', beside the lexicon's.
  const claimLines = fittedClaims === undefined ? [] : (() => {
    const c = claimsDifference(plain.units, withWeights.predictions, plain.predictions);
    const notes = [`  claims F1 fitted claims (${path.join(path.relative(process.cwd(), dir) || '.', FITTED_CLAIMS_FILE)}) − lexicon alone: ${c.difference >= 0 ? '+' : ''}${f2(c.difference)} [${f2(c.interval.low)}, ${f2(c.interval.high)}] (paired bootstrap over units)`];
    if (fittedClaims.goldSha256 === codedSha256(gold) && (fittedClaims.goldSplit === undefined || fittedClaims.goldSplit === split?.name)) notes.push(`  note: these claims were fitted on this very sample${fittedClaims.goldSplit === undefined ? '' : ` (split ${fittedClaims.goldSplit})`}: the fitted claims figures are in-sample, not a measure of new text`);
    return notes;
  })();
  if (fitted === undefined) {
    return [...formatCodedEvaluation(`${title}, lexicon alone`, plain.evaluation), '', ...formatCodedEvaluation(`${title}, fitted claims`, withWeights.evaluation), '', ...claimLines];
  }
  const stances = lexicons.categories.map((c) => c.name);
  const d = macroDifference(plain.units, withWeights.predictions, plain.predictions, stances);
  const weightsFile = flags.weights ?? path.join(path.relative(process.cwd(), dir) || '.', FITTED_FILE);
  const lines = [
    ...formatCodedEvaluation(`${title}, lexicon weights (unfitted)`, plain.evaluation),
    '',
    ...formatCodedEvaluation(`${title}, fitted weights (${weightsFile})`, withWeights.evaluation),
    '',
    `  macro-F1 fitted − unfitted: ${d.difference >= 0 ? '+' : ''}${f2(d.difference)} [${f2(d.interval.low)}, ${f2(d.interval.high)}] (paired bootstrap over units)`,
    ...claimLines,
  ];
  if (fitted.goldSha256 === codedSha256(gold) && (fitted.goldSplit === undefined || fitted.goldSplit === split?.name)) {
    lines.push(`  note: these weights were fitted on this very sample${fitted.goldSplit === undefined ? '' : ` (split ${fitted.goldSplit})`}: the fitted figures are in-sample, not a measure of new text`);
  }
  if (fitted.lexiconsSha256 !== stanceLexiconsHash(lexicons.files)) {
    lines.push('  note: the lexicons changed since these weights were fitted; run "controverse fit" again');
  }
  return lines;
}

/** `controverse evaluate --gold FILE`: the run's stances against hand-coding. */
export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('compare stances with hand-coding: a gold with a "text" column (eval/stances/pages/*.tsv) is tagged directly, with the plain count, claims and bootstrap intervals; otherwise stances.csv of a run is compared (format of eval/samples/seeds-units.tsv)')
    .requiredOption('--gold <file>', 'hand-coded TSV or folder of TSVs: with a "text" column (doc_id, unit, kind, text, one 0/1 column per stance category, claims, note), or without (file, unit, first_words, the 0/1 columns, note) to compare a run')
    .option('--split-file <file>', 'with a "text" gold: a TSV doc_id → split (eval/stances/split.tsv)')
    .option('--split <name>', 'with --split-file: the split to score (dev, test)')
    .option('-o, --out <dir>', 'output folder of the run', DEFAULTS.outDir)
    .option('-l, --lexicons <dir>', `${LEXICONS_OPTION_HELP}; for --baseline`)
    .option('--baseline', 'also score a plain dictionary count (one-word patterns, any hit sets the label, no negation, no weights), side by side', false)
    .option('--no-confusions', 'do not list the disagreements')
    .option('--weights <file>', `with a "text" gold: score with these fitted weights (written by "controverse fit --output") instead of the lexicon folder's ${FITTED_FILE}`)
    .option('--no-fitted', `with a "text" gold: ignore the lexicon folder's ${FITTED_FILE} and fitted-claims.yaml`)
    .option('--second-coder <file>', 'with a "text" gold: a second coding of the same units (file or folder, same shape): prints the two coders\' agreement (F1 and Cohen\'s kappa per stance, claims) and the tool against each coder on the units both coded')
    .action((flags: { gold: string; out: string; lexicons?: string; baseline: boolean; confusions: boolean; splitFile?: string; split?: string; weights?: string; fitted: boolean; secondCoder?: string }) => {
      if (flags.secondCoder !== undefined && !hasTextColumn(path.resolve(flags.gold))) throw new UserError('--second-coder needs a gold whose units carry their text', 'e.g. --gold eval/stances/pages --second-coder eval/stances/second-coding');
      if (hasTextColumn(path.resolve(flags.gold))) {
        process.stdout.write(`${evaluateCodedGold(flags).join('\n')}\n`);
        return;
      }
      const outDir = path.resolve(flags.out);
      const { stances, units: predicted } = readPredictions(outDir);
      const gold = readGold(path.resolve(flags.gold), stances);
      const files = readDocumentFiles(outDir);
      const docIdOf = (file: string): string => files.get(file) ?? docIdOfFile(file);
      const aligned = alignUnits(gold, predicted, docIdOf);
      const result = evaluateStances(aligned, stances);
      const lines = [
        `gold: ${flags.gold} (${result.units} units: ${result.aligned.position} aligned by position, ${result.aligned['first-words']} by first words, ${result.aligned.missing} not found in the output)`,
        '',
        ...table(`lexicons (${path.join(flags.out, 'stances.csv')})`, result),
      ];
      if (flags.baseline) {
        const plain = plainCountLexicon(loadLexicons(chooseLexiconDir(flags.lexicons, process.cwd()).dir).stances);
        const baseline = evaluateStances(alignUnits(gold, predicted.map((p): PredictedUnit => ({ ...p, ...plainCountLabels(p.text, plain, stances) })), docIdOf), stances);
        lines.push('', ...table('plain dictionary count (baseline)', baseline));
      }
      if (flags.confusions && result.confusions.length > 0) {
        lines.push('', 'confusions (lexicons):');
        for (const c of result.confusions) {
          lines.push(`  ${c.kind} ${c.stance} ${c.unitId} "${c.firstWords}"${c.note === '' ? '' : ` — gold note: ${c.note}`}`);
          lines.push(`    evidence: ${c.evidence === '' ? '(none)' : c.evidence}`);
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
