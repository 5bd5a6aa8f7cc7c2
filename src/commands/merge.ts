import path from 'node:path';
import { Option, type Command } from 'commander';
import { DETECTORS, type DetectorName } from '../language/detect-language.js';
import { DEFAULTS } from '../options.js';
import { mergeShards } from '../pipeline/merge-shards.js';
import { parseFieldsFlag } from './fields-option.js';
import { printSummary } from './summary.js';
import { EXIT } from '../errors.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP, lexiconOptions } from '../lexicon/lexicon-folder.js';

/** `controverse merge <shard-dirs…> --out DIR`: combine the stores of a sharded run and write the reports. */
export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('combine the output folders of "run --shard K/N" (every shard of the job) into one store and write the reports')
    .argument('<shard-dirs...>', 'output folders of the shards')
    .option('-o, --out <dir>', 'output folder of the merged reports', DEFAULTS.outDir)
    .option('-l, --lexicons <dir>', `${LEXICONS_OPTION_HELP}; must be the one the shards used`)
    .addOption(new Option('--lang-detector <name>', 'language detector the shards used').choices([...DETECTORS]).default(DEFAULTS.langDetector))
    .option('--fields <map>', 'the export field names the shards were run with (--fields of "run"); must be the same', parseFieldsFlag)
    .option('--spreadsheet', 'CSVs with a BOM and ";" separators, for spreadsheets set to French', false)
    .option('--no-fitted', 'ignore the fitted weights of the lexicon folder, as the shards did with --no-fitted')
    .option('-q, --quiet', 'no summary on stderr', false)
    .exitOverride()
    .action(async (dirs: string[], flags: { out: string; lexicons?: string; langDetector: DetectorName; spreadsheet: boolean; quiet: boolean; fields?: Record<string, string>; fitted: boolean }) => {
      const summary = await mergeShards({
        shardDirs: dirs.map((d) => path.resolve(d)),
        outDir: path.resolve(flags.out),
        ...lexiconOptions(chooseLexiconDir(flags.lexicons, process.cwd())),
        langDetector: flags.langDetector,
        fields: flags.fields,
        spreadsheet: flags.spreadsheet,
        fitted: flags.fitted,
        commandLine: ['controverse', ...process.argv.slice(2)],
      });
      if (!flags.quiet) printSummary(summary);
      process.exitCode = summary.errors > 0 ? EXIT.skipped : EXIT.ok;
    });
}
