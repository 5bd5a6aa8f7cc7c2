import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULTS } from '../../src/options.js';
import { run } from '../../src/run.js';

/** The gold annotation of the sample pages, relative to the repository root. */
export const GOLD_FILE = 'eval/samples/seeds-units.tsv';

/** How the claims of a run compare with the gold claims of the sample pages. */
export interface ClaimsGoldFigures {
  /** (unit, claim) pairs the gold lists. */
  readonly goldPairs: number;
  /** Of those, pairs with at least one mention of the claim in the unit. */
  readonly foundPairs: number;
  readonly recall: number;
  readonly mentions: number;
  /** Mentions in a unit whose gold does not list that claim (or a unit the gold does not know). */
  readonly mentionsOutsideGold: number;
  readonly outsideShare: number;
  readonly missed: readonly string[];
  readonly outside: readonly string[];
}

/** Run the pipeline on `corpus` and compare claim_mentions.csv with the gold file. */
export async function claimsGoldFigures(corpus = 'corpus', goldFile = GOLD_FILE): Promise<ClaimsGoldFigures> {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-claims-gold-'));
  await run({ inputs: [path.resolve(corpus)], outDir: out, lexiconDir: path.resolve('lexicons'), langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['eval'] });
  const gold = parse(readFileSync(goldFile, 'utf8'), { columns: true, delimiter: '\t', relax_quotes: true, quote: false }) as Record<string, string>[];
  const goldPairs = new Set<string>();
  for (const row of gold) {
    const unitId = `${row.file!.replace(/\.[^.]+$/u, '')}#${row.unit}`;
    for (const claim of (row.claims ?? '').split(';').map((c) => c.trim()).filter((c) => c !== '')) goldPairs.add(`${unitId} ${claim}`);
  }
  const mentions = parse(readFileSync(path.join(out, 'claim_mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const found = new Set(mentions.map((m) => `${m.unit_id} ${m.claim_id}`));
  const missed = [...goldPairs].filter((p) => !found.has(p)).sort();
  const outside = mentions.filter((m) => !goldPairs.has(`${m.unit_id} ${m.claim_id}`)).map((m) => `${m.unit_id} ${m.claim_id}: ${m.match}`);
  return {
    goldPairs: goldPairs.size, foundPairs: goldPairs.size - missed.length, recall: goldPairs.size === 0 ? 0 : (goldPairs.size - missed.length) / goldPairs.size,
    mentions: mentions.length, mentionsOutsideGold: outside.length, outsideShare: mentions.length === 0 ? 0 : outside.length / mentions.length,
    missed, outside,
  };
}
