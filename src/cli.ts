#!/usr/bin/env node
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { registerClaimsCommand } from './commands/claims.js';
import { registerEvaluateCommand } from './commands/evaluate.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerLexiconCommand } from './commands/lexicon.js';
import { registerSampleCommand } from './commands/sample.js';
import { CorpusPathError } from './ingest/list-corpus.js';
import { DETECTORS, type DetectorName } from './language/detect-language.js';
import { LexiconError } from './lexicon/load-lexicon.js';
import { DEFAULTS, type RunOptions } from './options.js';
import { run } from './run.js';
import { TOOL_VERSION } from './version.js';

/** Exit codes: 0 done, 1 done with skipped input, 2 bad usage or configuration. */
export const EXIT = { ok: 0, skipped: 1, usage: 2 } as const;

class UsageError extends Error {}

function usageFail(message: string): never {
  process.stderr.write(`controverse: ${message}\nRun "controverse --help" for usage.\n`);
  process.exit(EXIT.usage);
}

function buildProgram(): Command {
  const program = new Command('controverse')
    .description('French online debates (articles + reader comments) → CSV tables of units, languages, stances and recurring claims.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('run')
    .description('analyse a corpus (folders searched recursively, or files) and write the reports into the output folder')
    .argument('[paths...]', 'corpus folders or files', [...DEFAULTS.inputs])
    .option('-o, --out <dir>', 'output folder', DEFAULTS.outDir)
    .option('-l, --lexicons <dir>', 'lexicon folder', DEFAULTS.lexiconDir)
    .addOption(new Option('--lang-detector <name>', 'language detector').choices([...DETECTORS]).default(DEFAULTS.langDetector))
    .option('--spreadsheet', 'CSVs with a BOM and ";" separators, for spreadsheets set to French', false)
    .option('-q, --quiet', 'no progress output', false)
    .exitOverride()
    .action((paths: string[], flags: { out: string; lexicons: string; langDetector: DetectorName; spreadsheet: boolean; quiet: boolean }) => {
      const options: RunOptions = {
        inputs: paths.map((p) => path.resolve(p)),
        outDir: path.resolve(flags.out),
        lexiconDir: path.resolve(flags.lexicons),
        langDetector: flags.langDetector,
        spreadsheet: flags.spreadsheet,
        commandLine: ['controverse', ...process.argv.slice(2)],
      };
      const isTty = process.stderr.isTTY === true;
      let lastLine = 0;
      const summary = run(options, (p) => {
        if (flags.quiet) return;
        const now = Date.now();
        if (p.done !== p.total && now - lastLine < 1000) return;
        lastLine = now;
        const line = `controverse: ${p.done}/${p.total} files, ${(p.bytes / 1e6).toFixed(1)} MB`;
        process.stderr.write(isTty ? `\r${line}` : `${line}\n`);
      });
      if (!flags.quiet) {
        if (isTty) process.stderr.write('\n');
        process.stderr.write(
          `controverse: ${summary.files} files, ${summary.documents} documents, ${summary.units} units; ` +
            `${summary.diagnostics} diagnostics (${summary.errors} errors) → ${path.relative(process.cwd(), summary.outDir) || '.'}/\n`,
        );
      }
      process.exitCode = summary.errors > 0 ? EXIT.skipped : EXIT.ok;
    });
  registerClaimsCommand(program);
  registerLexiconCommand(program);
  registerExplainCommand(program);
  registerEvaluateCommand(program);
  registerSampleCommand(program);
  return program;
}

/** Parse argv and run; maps configuration errors to exit 2 with one line on stderr. */
export function main(argv: readonly string[]): void {
  const program = buildProgram();
  try {
    program.parse([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') process.exit(EXIT.ok);
      // commander already printed its one-line reason
      process.stderr.write('Run "controverse --help" for usage.\n');
      process.exit(EXIT.usage);
    }
    if (error instanceof LexiconError || error instanceof CorpusPathError || error instanceof UsageError) usageFail(error.message);
    throw error;
  }
}

main(process.argv);
