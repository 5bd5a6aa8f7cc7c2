import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { checkExamples } from '../lexicon/check-examples.js';
import { DICTIONARY_FORMATS, importDictionary, type DictionaryFormat } from '../lexicon/import-dictionary.js';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import { UserError } from '../errors.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';


/** `controverse lexicon check [DIR]` and `controverse lexicon import FILE`. */
export function registerLexiconCommand(program: Command): void {
  const lexicon = program.command('lexicon').description('validate lexicons, or import a dictionary from another tool');

  lexicon
    .command('check')
    .description('validate the lexicon files and run every example (must be tagged) and counter-example (must not); exit 2 on an error')
    .argument('[dir]', LEXICONS_OPTION_HELP)
    .action((given: string | undefined) => {
      const dir = chooseLexiconDir(given, process.cwd()).dir;
      const set = loadLexicons(dir);
      const { failures, examples, counters } = checkExamples(set);
      for (const f of failures) {
        const want = f.which === 'example' ? 'is not tagged with its entry' : 'is tagged with its entry';
        process.stderr.write(`${path.relative(process.cwd(), path.join(dir, f.source))}: entry "${f.entryId}": ${f.which} "${f.text}" ${want} (found: ${f.found})\n`);
      }
      const perStance = set.categories.map(({ name: s }) => `${s} ${set.stances.entries.filter((e) => e.stance === s).length}`).join(', ');
      const intensifiers = set.stances.entries.filter((e) => e.kind === 'intensifier').length;
      process.stdout.write(
        `${set.files.length} files; entries: ${perStance}, intensifiers ${intensifiers}, claims ${set.claims.entries.length}; ` +
          `${examples} examples and ${counters} counter-examples run, ${failures.length} failed\n` +
          `stance categories: ${set.categories.map((c) => `${c.name} "${c.label}" ${c.colour}`).join(', ')}\n`,
      );
      if (failures.length > 0) throw new UserError(`${failures.length} lexicon examples failed (listed above)`);
    });

  lexicon
    .command('import')
    .description('turn a LIWC .dic or quanteda YAML dictionary into a stance lexicon file of ours (one entry per category)')
    .argument('<file>', 'the dictionary file')
    .addOption(new Option('--format <format>', 'dictionary format').choices([...DICTIONARY_FORMATS]).makeOptionMandatory())
    .requiredOption('--stance <stance>', 'stance category the imported entries signal: a category of the lexicon folder, whose header the file gets')
    .option('-l, --lexicons <dir>', `${LEXICONS_OPTION_HELP}; holds the stance categories`)
    .option('--category <name...>', 'import only these categories (default: all)')
    .option('-o, --output <file>', 'write the YAML here (default: standard output)')
    .action((file: string, flags: { format: DictionaryFormat; stance: string; lexicons?: string; category?: string[]; output?: string }) => {
      const lexiconDir = chooseLexiconDir(flags.lexicons, process.cwd()).dir;
      const { categories } = loadLexicons(lexiconDir);
      const category = categories.find((c) => c.name === flags.stance);
      if (category === undefined) {
        throw new UserError(`--stance "${flags.stance}" is not a stance category of ${path.relative(process.cwd(), lexiconDir) || '.'} (${categories.map((c) => c.name).join(', ')}); to add one, write its file first (lexicons/README.md)`);
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`${file}: cannot read the dictionary: ${(error as Error).message}`);
      }
      const result = importDictionary(text, flags.format, path.basename(file), category, flags.category);
      for (const s of result.skipped) process.stderr.write(`controverse: skipped: ${s}\n`);
      if (result.entries === 0) throw new UserError(`${file}: no pattern could be imported`);
      if (flags.output === undefined) process.stdout.write(result.yaml);
      else writeFileSync(flags.output, result.yaml);
      process.stderr.write(`controverse: ${result.entries} entries, ${result.patterns} patterns imported, ${result.skipped.length} skipped${flags.output === undefined ? '' : ` → ${flags.output}`}\n`);
    });
}
