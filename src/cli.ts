#!/usr/bin/env node
import path from 'node:path';
import os from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerClaimsCommand } from './commands/claims.js';
import { registerEvaluateCommand } from './commands/evaluate.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerFitCommand } from './commands/fit.js';
import { registerLexiconCommand } from './commands/lexicon.js';
import { parseFieldsFlag } from './commands/fields-option.js';
import { registerMergeCommand } from './commands/merge.js';
import { createProgressDisplay } from './commands/progress.js';
import { registerSampleCommand } from './commands/sample.js';
import { registerInitCommand } from './commands/init.js';
import { registerVerifyCommand } from './commands/verify.js';
import { printSummary } from './commands/summary.js';
import { DETECTORS, type DetectorName } from './language/detect-language.js';
import { environmentError, EXIT, UserError } from './errors.js';
import { DEFAULTS, type RunOptions, type Shard } from './options.js';
import { run } from './run.js';
import { terminalSafe } from './text/terminal-safe.js';
import { TOOL_VERSION } from './version.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP, lexiconOptions } from './lexicon/lexicon-folder.js';

function parseWorkers(value: string): number {
  if (!/^[1-9]\d*$/u.test(value)) throw new InvalidArgumentError('expected a whole number of worker threads, at least 1.');
  return Number(value);
}

/** Below this, an analysis thread cannot even load the lexicons and the language detector. */
const MIN_WORKER_MEMORY_MB = 64;

function parseWorkerMemory(value: string): number {
  if (!/^[1-9]\d*$/u.test(value) || Number(value) < MIN_WORKER_MEMORY_MB) throw new InvalidArgumentError(`expected a whole number of MB, at least ${MIN_WORKER_MEMORY_MB}.`);
  return Number(value);
}

function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/u.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N, e.g. 3/8.');
  return { index, count };
}

function buildProgram(): Command {
  const program = new Command('controverse')
    .description('French online debates (articles + reader comments) → CSV tables of units, languages, stances and recurring claims.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .option('--debug', 'print the stack of an error, not only its one-line reason', false);

  program
    .command('run')
    .description('analyse a corpus (folders searched recursively, or files) and write the reports into the output folder')
    .argument('[paths...]', 'corpus folders or files', [...DEFAULTS.inputs])
    .option('-o, --out <dir>', 'output folder', DEFAULTS.outDir)
    .option('-l, --lexicons <dir>', LEXICONS_OPTION_HELP)
    .addOption(new Option('--lang-detector <name>', 'language detector').choices([...DETECTORS]).default(DEFAULTS.langDetector))
    .option('--spreadsheet', 'CSVs with a BOM and ";" separators, for spreadsheets set to French', false)
    .option('-q, --quiet', 'no progress output', false)
    .option('--workers <n>', 'worker threads analysing files (default: available cores)', parseWorkers)
    .option('--worker-memory <MB>', 'heap cap of each analysis thread; a file needing more gets an analysis-failed row (default: no cap)', parseWorkerMemory)
    .option('--full', 're-analyse every file, ignoring what the store in the output folder already knows (a damaged store is rebuilt)', false)
    .option('--rebuild-store', 'delete the store of the output folder (controverse.sqlite) and analyse everything again', false)
    .option('--follow-links', 'follow symbolic links that lead out of the corpus folders (not followed by default)', false)
    .option('--fields <map>', 'export field names beyond the usual aliases, field=name,… (e.g. text=corps,author=pseudo)', parseFieldsFlag)
    .option('--no-fitted', 'score with the lexicon weights, ignoring the fitted weights of the lexicon folder (fitted.yaml, see "controverse fit")')
    .option('--shard <K/N>', 'process only the K-th of N deterministic partitions of the corpus into this output folder (then "controverse merge")', parseShard)
    .exitOverride()
    .action(async (paths: string[], flags: { out: string; lexicons?: string; langDetector: DetectorName; spreadsheet: boolean; quiet: boolean; workers?: number; workerMemory?: number; full: boolean; rebuildStore: boolean; followLinks: boolean; shard?: Shard; fields?: Record<string, string>; fitted: boolean }) => {
      const options: RunOptions = {
        inputs: paths.map((p) => path.resolve(p)),
        outDir: path.resolve(flags.out),
        ...lexiconOptions(chooseLexiconDir(flags.lexicons, process.cwd())),
        langDetector: flags.langDetector,
        spreadsheet: flags.spreadsheet,
        commandLine: ['controverse', ...process.argv.slice(2)],
        workers: flags.workers ?? os.availableParallelism(),
        ...(flags.workerMemory === undefined ? {} : { workerMemoryMb: flags.workerMemory }),
        full: flags.full,
        rebuildStore: flags.rebuildStore,
        followLinks: flags.followLinks,
        shard: flags.shard,
        fields: flags.fields,
        fitted: flags.fitted,
        // For the benchmark only (docs/benchmarks.md): stage times go to this folder, not to the reports.
        ...(process.env.CONTROVERSE_STAGE_TIMES ? { stageTimes: path.resolve(process.env.CONTROVERSE_STAGE_TIMES) } : {}),
      };
      const progress = createProgressDisplay(process.stderr, flags.quiet);
      let summary;
      try {
        summary = await run(options, (p) => progress.update(p));
      } finally {
        progress.stop();
      }
      if (!flags.quiet) printSummary(summary);
      process.exitCode = summary.errors > 0 ? EXIT.skipped : EXIT.ok;
    });
  registerMergeCommand(program);
  registerClaimsCommand(program);
  registerLexiconCommand(program);
  registerExplainCommand(program);
  registerEvaluateCommand(program);
  registerFitCommand(program);
  registerSampleCommand(program);
  registerInitCommand(program);
  registerVerifyCommand(program, (options) => run(options));
  return program;
}

/**
 * Parse argv and run. The one place that prints errors and sets exit codes: usage and
 * configuration errors exit 2, environment failures (disk full, unwritable or damaged output) and
 * bugs exit 3, each as one line on stderr; the stack only with --debug.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const debug = argv.slice(2).includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') process.exit(EXIT.ok);
      // commander already printed its one-line reason
      process.stderr.write('Run "controverse --help" for usage.\n');
      process.exit(EXIT.usage);
    }
    const known = error instanceof UserError ? error : environmentError(error);
    if (debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    if (known !== undefined) {
      const hint = known.hint ?? (known.exitCode === EXIT.usage ? 'Run "controverse --help" for usage.' : undefined);
      process.stderr.write(`controverse: ${oneLine(known.message)}\n${hint === undefined ? '' : `${hint}\n`}`);
      process.exit(known.exitCode);
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`controverse: the run could not finish (${oneLine(reason)})${debug ? '' : '; run again with --debug for the stack, and report it'}\n`);
    process.exit(EXIT.failed);
  }
}

/** Control characters (ESC, BEL, new lines…) never reach the terminal from a message quoting a path or a library. */
function oneLine(text: string): string {
  return terminalSafe(text).trim();
}

await main(process.argv);
