import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { shippedLexiconDir } from '../lexicon/lexicon-folder.js';

/** `controverse init [dir]`: copy the shipped lexicons into a folder of the user's, for editing. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('copy the shipped lexicons into a folder for editing (a later "run" in the parent folder uses ./lexicons)')
    .argument('[dir]', 'folder to create', 'lexicons')
    .action((dir: string) => {
      const target = path.resolve(dir);
      if (existsSync(target) && readdirSync(target).length > 0) {
        throw new UserError(`${dir} already exists and is not empty`, 'Give another folder: controverse init my-lexicons');
      }
      cpSync(shippedLexiconDir(), target, { recursive: true });
      process.stderr.write(`controverse: shipped lexicons copied to ${dir}/; edit them, then "controverse lexicon check ${dir}"\n`);
    });
}
