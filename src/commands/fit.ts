import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { codedSha256 } from '../evaluate/read-coded.js';
import { FIT_FEATURES, fitStances, type FitFeature } from '../fit/fit-stances.js';
import { fittedYaml } from '../fit/write-fitted.js';
import { LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';
import { FITTED_FILE, stanceLexiconsHash } from '../lexicon/load-fitted.js';
import { UserError } from '../errors.js';
import { fitClaimsCommand } from './fit-claims-command.js';
import { readFitSample } from './fit-sample.js';

const f2 = (x: number): string => x.toFixed(2);

/** `controverse fit --gold coded.tsv`: learn entry weights and thresholds from hand-coded units into the lexicon folder's fitted.yaml. */
export function registerFitCommand(program: Command): void {
  program
    .command('fit')
    .description(`learn each stance entry's weight and each stance's threshold from hand-coded units (logistic regression, penalty chosen by 5-fold cross-validation over pages) and write them to ${FITTED_FILE} in the lexicon folder, which run, explain and evaluate then use`)
    .requiredOption('--gold <file>', 'coded units with their text: a TSV, CSV, JSONL or JSON file, or a folder of them (format of eval/stances/pages/*.tsv)')
    .option('--split-file <file>', 'a TSV doc_id → split (eval/stances/split.tsv), to fit on one split only')
    .option('--split <name>', 'with --split-file: the split to fit on (dev); never the one you report')
    .option('-l, --lexicons <dir>', LEXICONS_OPTION_HELP)
    .option('--output <file>', `write the weights here instead of ${FITTED_FILE} in the lexicon folder`)
    .option('--features <list>', `feature groups offered to cross-validation beyond entries and flags, comma-separated: words (one weight per word stem found on at least 3 pages), bigrams (pairs of adjacent stems, on top of words), context (the lexicon label of the page's article and of the unit before); each is kept per stance only when cross-validation over pages finds it helps`, 'words')
    .option('--no-words', 'fit the entries and flags only (offers no feature group)')
    .option('--claims', 'fit the claims instead of the stances: per claim with enough coded units, a model over the lexicon\'s finding, the concept families and (when cross-validation keeps them) the word stems and the article\'s claims, written to fitted-claims.yaml (docs/commands.md); --features then lists words, article')
    .action((flags: { gold: string; splitFile?: string; split?: string; lexicons?: string; output?: string; words: boolean; features: string; claims?: boolean }, command: Command) => {
      if ((flags.splitFile === undefined) !== (flags.split === undefined)) throw new UserError('--split-file and --split go together', 'e.g. --split-file eval/stances/split.tsv --split dev');
      if (flags.claims === true) {
        fitClaimsCommand({ ...flags, features: command.getOptionValueSource('features') === 'default' ? undefined : flags.features });
        return;
      }
      const features = flags.features.split(',').map((f) => f.trim()).filter((f) => f !== '');
      const unknown = features.filter((f) => !(FIT_FEATURES as readonly string[]).includes(f));
      if (unknown.length > 0) throw new UserError(`--features: unknown feature group "${unknown[0]}"`, `expected a comma-separated list of ${FIT_FEATURES.join(', ')}`);
      // The fit starts from the lexicon weights, never from an earlier fit.
      const { dir, lexicons, gold, units } = readFitSample(flags, 'fitted weights');
      const fits = fitStances(units, lexicons, { words: flags.words, features: features as FitFeature[] });
      const yaml = fittedYaml(fits, { goldSha256: codedSha256(gold), goldUnits: units.length, split: flags.split, lexiconsSha256: stanceLexiconsHash(lexicons.files) });
      const output = flags.output === undefined ? path.join(dir, FITTED_FILE) : path.resolve(flags.output);
      writeFileSync(output, yaml);
      const lines = [
        `fitted on ${units.length} units, ${new Set(units.map((u) => u.docId)).size} pages${flags.split === undefined ? '' : ` (split ${flags.split})`} → ${path.relative(process.cwd(), output) || output}`,
        `  ${'stance'.padEnd(14)} units  pos  penalty  entries  words (penalty)  F1 lexicon weights  F1 fitted (out-of-fold)  kept`,
        ...fits.map((f) => `  ${f.stance.padEnd(14)} ${String(f.units).padStart(5)} ${String(f.positives).padStart(4)} ${String(f.regularisation).padStart(8)} ${String(f.entries.length).padStart(8)} ${(f.wordRegularisation === undefined ? 'none' : `${f.words.length} (${f.wordRegularisation})`).padStart(16)} ${f2(f.unfittedF1).padStart(19)} ${f2(f.cvF1).padStart(24)}  ${f.features.length === 0 ? 'entries and flags' : f.features.join(', ')}`),
        'The out-of-fold F1 is measured on pages each fold did not see; report figures on a split the fit never saw (controverse evaluate --split test).',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
