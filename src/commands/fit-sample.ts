import path from 'node:path';
import { readCodedUnits, readSplit, type CodedUnit } from '../evaluate/read-coded.js';
import { chooseLexiconDir } from '../lexicon/lexicon-folder.js';
import { loadLexicons, type LexiconSet } from '../lexicon/load-lexicon.js';
import { UserError } from '../errors.js';

/** The flags every fit reads to find its coded sample and its lexicon folder. */
export interface FitSampleFlags {
  readonly gold: string;
  readonly splitFile?: string;
  readonly split?: string;
  readonly lexicons?: string;
  readonly output?: string;
}

/** What a fit starts from: the lexicon folder it writes into, its lexicons without any fitted file, and the coded units. */
export interface FitSample {
  readonly dir: string;
  readonly lexicons: LexiconSet;
  /** The coded file or folder, resolved: its hash goes into the fitted file. */
  readonly gold: string;
  readonly units: CodedUnit[];
}

/**
 * The lexicon folder and coded units of `fit` (stances) and `fit --claims`. `what` names the output in
 * the message refusing the shipped folder ("fitted weights", "fitted claims"). A fit starts from the
 * lexicon alone, never from an earlier fit, so fitted files are not loaded.
 */
export function readFitSample(flags: FitSampleFlags, what: string): FitSample {
  const chosen = chooseLexiconDir(flags.lexicons, process.cwd());
  if (flags.output === undefined && chosen.source === 'shipped') {
    throw new UserError(`the lexicons in use are the ones shipped with controverse: ${what} go into a lexicon folder of your own`, 'run "controverse init" for a ./lexicons copy, or give --lexicons DIR or --output FILE');
  }
  const lexicons = loadLexicons(chosen.dir, { fitted: false });
  const gold = path.resolve(flags.gold);
  const pages = flags.splitFile === undefined ? undefined : readSplit(path.resolve(flags.splitFile), flags.split!);
  const units = readCodedUnits(gold, lexicons.categories.map((c) => c.name), pages);
  if (units.length === 0) throw new UserError(`${flags.gold}: no coded unit${flags.split === undefined ? '' : ` in split "${flags.split}"`}`);
  return { dir: chosen.dir, lexicons, gold, units };
}
