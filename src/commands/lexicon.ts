import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { checkExamples } from '../lexicon/check-examples.js';
import { DICTIONARY_FORMATS, importDictionary, type DictionaryFormat } from '../lexicon/import-dictionary.js';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import { UserError } from '../errors.js';
import { loadPhraseWords } from '../phrases/find-phrases.js';
import { predictCoded } from '../evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit } from '../evaluate/read-coded.js';
import { MAX_WORDS, MIN_UNITS, suggestEntries, TOP, type SuggestUnit } from '../lexicon/suggest-entries.js';
import { suggestionText } from '../lexicon/suggestion-text.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';


function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag} "${value}" is not a positive whole number`);
  return n;
}

/** The suggestions of `lexicon suggest`, as printed. */
function suggest(flags: { gold: string; stance?: string; claim?: string; splitFile?: string; split?: string; lexicons?: string; minUnits: string; top: string; maxWords: string }): string[] {
  if ((flags.stance === undefined) === (flags.claim === undefined)) throw new UserError('give one of --stance S or --claim C');
  if ((flags.splitFile === undefined) !== (flags.split === undefined)) throw new UserError('--split-file and --split go together', 'e.g. --split-file eval/stances/split.tsv --split dev');
  const dir = chooseLexiconDir(flags.lexicons, process.cwd()).dir;
  const lexicons = loadLexicons(dir, { fitted: false });
  const stances = lexicons.categories.map((c) => c.name);
  if (flags.stance !== undefined && !stances.includes(flags.stance)) throw new UserError(`--stance "${flags.stance}" is not a stance category (${stances.join(', ')})`);
  if (flags.claim !== undefined && !lexicons.claims.byId.has(flags.claim)) throw new UserError(`--claim "${flags.claim}" is not a claim of claims.fr.yaml`);
  const pages = flags.splitFile === undefined ? undefined : readSplit(path.resolve(flags.splitFile), flags.split!);
  const coded = readCodedUnits(path.resolve(flags.gold), stances, pages);
  const predictions = predictCoded(coded, lexicons);
  const units: SuggestUnit[] = coded.map((u, i) => {
    const p = predictions[i]!;
    const id = `${u.docId}#${u.position}`;
    return flags.stance !== undefined
      ? { id, text: u.text, coded: u.labels[flags.stance] === 1, predicted: p.labels[flags.stance] === 1 }
      : { id, text: u.text, coded: u.claims.includes(flags.claim!), predicted: p.claims.includes(flags.claim!) };
  });
  const suggestions = suggestEntries(units, flags.stance !== undefined ? lexicons.stances : lexicons.claims, {
    functionWords: loadPhraseWords(dir).functionWords, minUnits: positiveInteger(flags.minUnits, '--min-units'),
    top: positiveInteger(flags.top, '--top'), maxWords: positiveInteger(flags.maxWords, '--max-words'),
  });
  const target = flags.stance !== undefined ? { stance: flags.stance } : { claim: flags.claim! };
  const n = units.filter((u) => u.coded).length;
  return suggestionText(suggestions, units, target, { coded: n, others: units.length - n }, lexicons.stances.entries.map((e) => e.id));
}

/** `controverse lexicon check [DIR]`, `lexicon import FILE` and `lexicon suggest --gold FILE`. */
export function registerLexiconCommand(program: Command): void {
  const lexicon = program.command('lexicon').description('validate lexicons, import a dictionary from another tool, or suggest entries from hand-coded units');

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
    .command('suggest')
    .description('words and phrases (1-3 words) over-represented in units coded with a stance or claim where the lexicon found nothing, ranked by keyness (G²), with contexts, the units each would fix or break, and a YAML entry ready to paste')
    .requiredOption('--gold <file>', 'coded units with their text: a TSV, CSV, JSONL or JSON file, or a folder of them (format of eval/stances/pages/*.tsv)')
    .option('--stance <stance>', 'suggest entries for this stance category')
    .option('--claim <id>', 'suggest variants for this claim of claims.fr.yaml')
    .option('--split-file <file>', 'a TSV doc_id → split (eval/stances/split.tsv), to mine one split only')
    .option('--split <name>', 'with --split-file: the split to mine (dev); never the one you report')
    .option('-l, --lexicons <dir>', LEXICONS_OPTION_HELP)
    .option('--min-units <n>', 'coded units a candidate must occur in', String(MIN_UNITS))
    .option('--max-words <n>', 'longest candidate, in words', String(MAX_WORDS))
    .option('--top <n>', 'candidates shown', String(TOP))
    .action((flags: { gold: string; stance?: string; claim?: string; splitFile?: string; split?: string; lexicons?: string; minUnits: string; top: string; maxWords: string }) => {
      process.stdout.write(`${suggest(flags).join('\n')}\n`);
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
