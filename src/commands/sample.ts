import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DEFAULTS } from '../options.js';
import { goldColumns, readCsv, stancesOf, readDocumentFiles, readUnits, type UnitRow } from '../stance/read-run-output.js';
import { sampleUnits } from '../stance/sample-units.js';
import { UserError } from '../errors.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import { sampleFromFile } from '../stance/sample-coded.js';


/** Words kept at each end of a unit in the template, as in the gold file. */
const EDGE_WORDS = 8;

const positionOf = (unitId: string): string => unitId.slice(unitId.lastIndexOf('#') + 1);

/** `controverse sample --n 200`: a stratified random sample of units as a TSV template for hand-coding. */
export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description('draw a stratified random sample of units (by kind and predicted stances) as a TSV template for hand-coding, from a run or (--from) from a file of units in any input shape')
    .option('-n, --n <count>', 'units to draw', '200')
    .option('--seed <int>', 'random seed: the same seed and run give the same sample', '1')
    .option('-o, --out <dir>', 'output folder of the run', DEFAULTS.outDir)
    .option('--output <file>', 'write the TSV here (default: standard output)')
    .option('--from <file>', 'draw from units that carry their text (TSV, CSV, JSONL or JSON with doc_id and text, or a folder of them) instead of a run: the template then holds the text, in the format evaluate, fit and lexicon suggest read')
    .option('-l, --lexicons <dir>', `${LEXICONS_OPTION_HELP}; with --from, to stratify by predicted stances`)
    .action((flags: { n: string; seed: string; out: string; output?: string; from?: string; lexicons?: string }) => {
      const n = Number(flags.n);
      const seed = Number(flags.seed);
      if (!Number.isInteger(n) || n < 1) throw new UserError(`--n "${flags.n}" is not a positive whole number`);
      if (!Number.isInteger(seed)) throw new UserError(`--seed "${flags.seed}" is not a whole number`);
      if (flags.from !== undefined) {
        const drawn = sampleFromFile(path.resolve(flags.from), n, seed, loadLexicons(chooseLexiconDir(flags.lexicons, process.cwd()).dir));
        if (flags.output === undefined) process.stdout.write(drawn.tsv);
        else writeFileSync(flags.output, drawn.tsv);
        process.stderr.write(`controverse: ${drawn.drawn} of ${drawn.of} units from ${drawn.strata} strata (seed ${seed})${flags.output === undefined ? '' : ` → ${flags.output}`}\n`);
        return;
      }
      const outDir = path.resolve(flags.out);
      const units: UnitRow[] = readUnits(outDir);
      const predicted = new Map<string, string[]>();
      const stanceRows = readCsv(path.join(outDir, 'stances.csv'), ['unit_id', 'stance', 'label']);
      const stances = stancesOf(stanceRows);
      for (const r of stanceRows) {
        if (r.label === '1') predicted.set(r.unit_id ?? '', [...(predicted.get(r.unit_id ?? '') ?? []), r.stance ?? '']);
      }
      const files = new Map([...readDocumentFiles(outDir)].map(([file, doc]) => [doc, file]));
      const stratum = (u: UnitRow): string => `${u.kind}|${(predicted.get(u.unitId) ?? []).sort().join('+') || 'none'}`;
      const sample = sampleUnits(units, n, seed, stratum);
      const rows = sample.map(({ unit: u }) => {
        const words = u.text.split(/\s+/u).filter((w) => w !== '');
        return {
          file: files.get(u.docId) ?? u.docId, unit: u.position, kind: u.kind, author: u.author, published: u.published,
          parent: u.parentId === '' ? '' : positionOf(u.parentId), depth: u.depth, quotes: u.quotesId === '' ? '' : positionOf(u.quotesId),
          first_words: words.slice(0, EDGE_WORDS).join(' '), last_words: words.slice(-EDGE_WORDS).join(' '), lang: u.lang,
          ...Object.fromEntries(stances.map((s) => [s, ''])), claims: '', note: '',
        };
      });
      const tsv = stringify(rows, { header: true, columns: goldColumns(stances), delimiter: '\t', record_delimiter: '\n' });
      if (flags.output === undefined) process.stdout.write(tsv);
      else writeFileSync(flags.output, tsv);
      const strata = new Set(sample.map((s) => s.stratum)).size;
      process.stderr.write(`controverse: ${sample.length} of ${units.length} units from ${strata} strata (seed ${seed})${flags.output === undefined ? '' : ` → ${flags.output}`}\n`);
    });
}
