import path from 'node:path';
import type { Command } from 'commander';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import { alignUnits, docIdOfFile, evaluateStances, type Evaluation, type PredictedUnit } from '../stance/evaluate-stances.js';
import { plainCountLabels, plainCountLexicon } from '../stance/plain-count.js';
import { readDocumentFiles, readGold, readPredictions } from '../stance/read-run-output.js';
import { DEFAULTS } from '../options.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';
import { evaluateCoded, formatCodedEvaluation, hasTextColumn } from '../evaluate/evaluate-coded.js';
import { UserError } from '../errors.js';


const f2 = (x: number): string => x.toFixed(2);

function table(title: string, e: Evaluation): string[] {
  const lines = [title, `  ${'stance'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp  fp  fn  tn`];
  for (const s of e.scores) {
    lines.push(`  ${s.stance.padEnd(14)} ${f2(s.precision).padStart(5)} ${f2(s.recall).padStart(5)} ${f2(s.f1).padStart(5)}  ${[s.tp, s.fp, s.fn, s.tn].map((n) => String(n).padStart(3)).join(' ')}`);
  }
  lines.push(`  ${'macro-F1'.padEnd(14)} ${''.padStart(5)} ${''.padStart(5)} ${f2(e.macroF1).padStart(5)}`);
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
    .action((flags: { gold: string; out: string; lexicons?: string; baseline: boolean; confusions: boolean; splitFile?: string; split?: string }) => {
      if (hasTextColumn(path.resolve(flags.gold))) {
        if ((flags.splitFile === undefined) !== (flags.split === undefined)) throw new UserError('--split-file and --split go together', 'e.g. --split-file eval/stances/split.tsv --split dev');
        const lexicons = loadLexicons(chooseLexiconDir(flags.lexicons, process.cwd()).dir);
        const split = flags.splitFile === undefined ? undefined : { file: path.resolve(flags.splitFile), name: flags.split! };
        const { evaluation } = evaluateCoded(path.resolve(flags.gold), lexicons, split);
        process.stdout.write(`${formatCodedEvaluation(`${flags.gold}${split === undefined ? '' : ` (split ${split.name})`}`, evaluation).join('\n')}\n`);
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
