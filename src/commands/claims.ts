import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Command } from 'commander';
import { CONCORDANCE_CONTEXT, formatConcordance, type ConcordanceRow } from '../claims/concordance.js';
import { DEFAULTS } from '../options.js';
import { UserError } from '../errors.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** `controverse claims --claim public_money_wasted`: the concordance of one claim, from out/claim_mentions.csv. */
export function registerClaimsCommand(program: Command): void {
  program
    .command('claims')
    .description('print the concordance of a claim (every mention in its context) from the claim_mentions.csv of a run')
    .requiredOption('-c, --claim <id>', 'claim id from the claims lexicon (public_money_wasted)')
    .option('-o, --out <dir>', 'output folder of a previous run', DEFAULTS.outDir)
    .option('-w, --width <n>', 'characters of context on each side', String(CONCORDANCE_CONTEXT))
    .exitOverride()
    .action(function (this: Command, flags: { claim: string; out: string; width: string }) {
      const width = Number(flags.width);
      if (!Number.isInteger(width) || width < 5) throw new UserError(`--width must be a whole number ≥ 5, got "${flags.width}"`);
      const file = path.resolve(flags.out, 'claim_mentions.csv');
      if (!existsSync(file)) throw new UserError(`${file} not found`, 'Run "controverse run" first, or give --out.');
      const text = readFileSync(file, 'utf8');
      // A run with --spreadsheet writes a BOM and ";" separators.
      const rows = parse(text, { columns: true, bom: true, delimiter: text.replace(/^\ufeff/u, '').startsWith('claim_id;') ? ';' : ',', skip_empty_lines: true }) as ConcordanceRow[];
      const lines = formatConcordance(rows, flags.claim, width);
      if (lines.length === 0) {
        const known = [...new Set(rows.map((r) => terminalSafe(r.claim_id)))].sort();
        process.stderr.write(`controverse: no mention of "${terminalSafe(flags.claim)}" in ${path.relative(process.cwd(), file) || file}` + (known.length > 0 ? ` (claims found: ${known.join(', ')})\n` : '\n'));
        return;
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      process.stderr.write(`controverse: ${lines.length} mention${lines.length === 1 ? '' : 's'} of ${terminalSafe(flags.claim)}\n`);
    });
}
